import Foundation
import Testing
@testable import BojagiCore
import BojagiTestSupport

@Suite struct RenderTests {
    static let kolla: KollaFiles = { try! KollaFiles.bundled() }()

    static func blueprint(_ example: String) throws -> Blueprint {
        try Fixtures.blueprint(String(contentsOf: ExamplesTests.directory.appendingPathComponent(example), encoding: .utf8))
    }

    func service() -> RenderService {
        RenderService(planner: Fixtures.planner, kolla: Self.kolla, secrets: PinnedSecrets())
    }

    func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("bojagi-render-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// The deployment files (secrets aside) for the seed's map platform and the trial, on each maintained release.
    @Test(arguments: ["map-platform", "single-node", "exchange"], ["2025.2", "2026.1", "2026.2"])
    func golden(example: String, release: String) throws {
        var blueprint = try Self.blueprint("\(example).yaml")
        blueprint.release = Fixtures.catalog.release(named: release)!.name
        let files = try service().files(for: blueprint, existing: try temporaryDirectory())
        for file in files where !file.holdsSecrets {
            // The monitoring files depend on the release only through their header: pinned once, on the examples' own.
            if file.path.hasPrefix("config/prometheus/") || file.path.hasPrefix("config/grafana/"), release != "2026.1" { continue }
            try assertGolden(file.contents, named: "render/\(example)-\(release)/\(file.path)")
        }
    }

    @Test func passwordsCoverEveryKollaKeyAndAreSecret() throws {
        let files = try service().files(for: try Self.blueprint("map-platform.yaml"), existing: try temporaryDirectory())
        let passwords = try #require(files.first { $0.path == "passwords.yml" })
        #expect(passwords.mode == 0o600)
        let parsed = try Passwords(yaml: passwords.contents, file: "passwords.yml")
        let release = Fixtures.catalog.release(named: "2026.1")!
        for key in Self.kolla.passwordKeys(for: release) {
            #expect(parsed.values[key] != nil, "\(key) missing")
        }
        #expect(parsed.values["redis_master_password"] != nil)  // 2026.1 still expects it
        #expect(parsed.values["docker_registry_password"] == .blank)
        guard case let .text(database) = parsed.values["database_password"] else { Issue.record("no database password"); return }
        #expect(database.count == 40)
        #expect(database.allSatisfy { $0.isLetter || $0.isNumber })
        guard case let .text(uuid) = parsed.values["rbd_secret_uuid"] else { Issue.record("no uuid"); return }
        #expect(UUID(uuidString: uuid) != nil)
        guard case .keyPair = parsed.values["nova_ssh_key"] else { Issue.record("nova_ssh_key is not a key pair"); return }
        for file in files where !file.holdsSecrets {
            #expect(!file.contents.contains(database), "\(file.path) leaks a password")
        }
    }

    @Test func reRenderingKeepsSecretsAndLeavesUnchangedFilesAlone() throws {
        let directory = try temporaryDirectory()
        let blueprint = try Self.blueprint("single-node.yaml")
        let first = try service().files(for: blueprint, existing: directory)
        let written = try DirectoryWriter().write(first, to: directory)
        #expect(written.allSatisfy { $0.kind == .created })
        let attributes = try FileManager.default.attributesOfItem(atPath: directory.appendingPathComponent("passwords.yml").path)
        #expect(attributes[.posixPermissions] as? Int == 0o600)

        // A fresh secret source would make different passwords: the existing ones must win.
        let again = try RenderService(planner: Fixtures.planner, kolla: Self.kolla, secrets: CryptoSecretSource())
            .files(for: blueprint, existing: directory)
        #expect(again == first)
        let second = try DirectoryWriter().write(again, to: directory)
        #expect(second.allSatisfy { $0.kind == .unchanged })
        #expect(RenderService(planner: Fixtures.planner, kolla: Self.kolla, secrets: PinnedSecrets()).check(again, in: directory).diff.isEmpty)
    }

    @Test func checkShowsChangedKeysButNeverSecretValues() throws {
        let directory = try temporaryDirectory()
        let blueprint = try Self.blueprint("single-node.yaml")
        try DirectoryWriter().write(try service().files(for: blueprint, existing: directory), to: directory)
        // Lose one password: the render generates it again, and the diff names the key but not the value.
        let url = directory.appendingPathComponent("passwords.yml")
        let text = try String(contentsOf: url, encoding: .utf8)
        let kept = text.split(separator: "\n", omittingEmptySubsequences: false).filter { !$0.hasPrefix("database_password:") }
        try DirectoryWriter().write([RenderedFile(path: "passwords.yml", contents: kept.joined(separator: "\n"), mode: 0o600)], to: directory)
        var changed = blueprint
        changed.capacity.cpuAllocationRatio = 2
        let files = try service().files(for: changed, existing: directory)
        let result = service().check(files, in: directory)
        #expect(result.diff.contains("+cpu_allocation_ratio = 2.0"))
        #expect(result.diff.contains("+database_password: <hidden>"))
        let regenerated = try Passwords(yaml: try #require(files.first { $0.path == "passwords.yml" }).contents, file: "p")
        guard case let .text(value) = regenerated.values["database_password"] else { Issue.record("not regenerated"); return }
        #expect(!result.diff.contains(value))
        // The capacity plan moves the capacity alerts' thresholds (and their tests) with the ratio.
        #expect(Set(result.changes.filter { $0.kind != .unchanged }.map(\.path))
            == ["config/nova.conf", "passwords.yml", "config/prometheus/bojagi.rules", "config/prometheus/tests/bojagi.yml"])
    }

    @Test func nothingIsWrittenWhenTheBlueprintHasErrors() throws {
        var blueprint = try Self.blueprint("map-platform.yaml")
        blueprint.hosts.removeAll { $0.name == "ctl03" }
        #expect(throws: RenderService.Failure.self) { try service().files(for: blueprint, existing: try temporaryDirectory()) }
    }

    @Test func aTargetThatCannotBeReplacedStopsTheWriteBeforeAnyFile() throws {
        let directory = try temporaryDirectory()
        let files = try service().files(for: try Self.blueprint("single-node.yaml"), existing: directory)
        try FileManager.default.createDirectory(at: directory.appendingPathComponent("config/nova.conf"), withIntermediateDirectories: true)
        #expect(throws: (any Error).self) { try DirectoryWriter().write(files, to: directory) }
        #expect(!FileManager.default.fileExists(atPath: directory.appendingPathComponent("globals.yml").path))
        let leftovers = try FileManager.default.subpathsOfDirectory(atPath: directory.path).filter { $0.contains("bojagi-tmp") }
        #expect(leftovers.isEmpty)
    }

    @Test func releasesKollaNoLongerDeploysAreNeverEnabled() throws {
        var blueprint = try Self.blueprint("map-platform.yaml")
        for release in ["2025.2", "2026.1", "2026.2"] {
            blueprint.release = Fixtures.catalog.release(named: release)!.name
            let globals = try #require(try service().files(for: blueprint, existing: try temporaryDirectory()).first { $0.path == "globals.yml" })
            for flag in ["enable_swift", "enable_sahara", "enable_zun", "enable_venus", "enable_redis"] {
                #expect(!globals.contents.contains("\(flag): \"yes\""), "\(flag) enabled on \(release)")
            }
        }
    }

    @Test func providerNetworksAreBridgedOnTheComputes() throws {
        let map = try globals(try Self.blueprint("map-platform.yaml"))
        #expect(map.contains("# networks.provider (web, was, db, lb-mgmt)\nenable_neutron_provider_networks: \"yes\""))
        // The trial has VLAN ranges but no provider network: its computes need no external bridge.
        #expect(!(try globals(try Self.blueprint("single-node.yaml"))).contains("enable_neutron_provider_networks"))
    }

    /// Issue 9 item 5: lb-mgmt becomes kolla's octavia_amp_network (a VLAN on physnet1, the controllers' addresses
    /// left out of the amphorae's pool) and the controllers' octavia interface octavia_network_interface.
    @Test func octaviaGetsItsManagementNetworkAndInterface() throws {
        let map = try globals(try Self.blueprint("map-platform.yaml"))
        #expect(map.contains("""
            octavia_amp_network:
              name: lb-mgmt
              shared: false
              external: false
              provider_network_type: vlan
              provider_physical_network: physnet1
              provider_segmentation_id: 140
              subnet:
                name: lb-mgmt-subnet
                enable_dhcp: true
                cidr: 172.16.0.0/22
                allocation_pool_start: 172.16.0.32
                allocation_pool_end: 172.16.3.254
                no_gateway_ip: true
            """))
        #expect(map.contains("octavia_network_interface: \"bond0.140\""))
        // Without Octavia in the package neither is written, even with the interface named.
        var noOctavia = try Self.blueprint("map-platform.yaml")
        noOctavia.capabilities.add.removeAll { $0 == "load-balancer" }
        let plain = try globals(noOctavia)
        #expect(!plain.contains("octavia_amp_network") && !plain.contains("octavia_network_interface"))
    }

    /// Issue 9 item 4: Ironic's provisioning network becomes the inspection DHCP range, the cleaning network and
    /// the interfaces ironic-dnsmasq, -http and -tftp listen on; nothing of it without Ironic in the package.
    @Test func ironicGetsItsProvisioningNetwork() throws {
        var blueprint = try Self.blueprint("map-platform.yaml")
        blueprint.services.add.append("ironic")
        blueprint.networks.provisioning = Networks.Segment(cidr: "10.30.0.0/24", interface: "bond4")
        let text = try globals(blueprint)
        #expect(text.contains("ironic_dnsmasq_dhcp_ranges:\n  - range: \"10.30.0.32,10.30.0.86\""))
        #expect(text.contains("ironic_cleaning_network: \"provisioning\""))
        #expect(text.contains("--allocation-pool start=10.30.0.87,end=10.30.0.254"))
        for variable in ["ironic_dnsmasq_interface", "ironic_http_interface", "ironic_tftp_interface"] {
            #expect(text.contains("# networks.provisioning.interface\n\(variable): \"bond4\""))
        }
        let plain = try globals(try Self.blueprint("map-platform.yaml"))
        #expect(!plain.contains("ironic_"))
    }

    /// Issue 9 item 10: MTUs reach Neutron (its MTU guide): global_physnet_mtu the largest physical MTU, path_mtu the
    /// tunnel's, physical_network_mtus for a smaller physnet1. Management and storage MTUs are host NIC settings.
    @Test func mtusReachNeutron() throws {
        var blueprint = try Self.blueprint("map-platform.yaml")
        func files() throws -> [String: String] {
            Dictionary(uniqueKeysWithValues: try service().files(for: blueprint, existing: try temporaryDirectory()).map { ($0.path, $0.contents) })
        }
        // The map platform sets MTUs only on management and storage: nothing for Neutron.
        #expect(try files()["config/neutron.conf"] == nil)
        #expect(!(try files()["config/neutron/ml2_conf.ini"] ?? "").contains("mtu"))

        blueprint.networks.tunnel = Networks.Segment(cidr: "10.30.0.0/24", interface: "bond1", mtu: 9000)
        blueprint.networks.external.mtu = 1500
        let rendered = try files()
        let neutron = try #require(rendered["config/neutron.conf"])
        #expect(neutron.contains("[DEFAULT]\n# networks.tunnel.mtu: the largest MTU of the physical networks under Neutron (Neutron's MTU guide)\nglobal_physnet_mtu = 9000\n"))
        let ml2 = try #require(rendered["config/neutron/ml2_conf.ini"])
        #expect(ml2.contains("network_vlan_ranges = physnet1:100:199"))
        #expect(ml2.contains("[ml2]\n# networks.tunnel.mtu: the overlay path (VXLAN/Geneve take their header from it)\npath_mtu = 9000\n"
                             + "# networks.external.mtu, smaller than global_physnet_mtu\nphysical_network_mtus = physnet1:1500\n"))

        // One jumbo physical network for both: no per-physnet line.
        blueprint.networks.external.mtu = 9000
        #expect(!(try files()["config/neutron/ml2_conf.ini"] ?? "").contains("physical_network_mtus"))
        let decoded = try Fixtures.blueprint("schema: 1\nname: m\nrelease: 2026.2\nprofile: base\nnetworks:\n  external: {interface: eth1, mtu: 9000}\n")
        #expect(decoded.networks.external.mtu == 9000)
    }

    /// kolla-ansible 23 has no storage_interface: the storage network reaches Ceph as the spec's cluster network.
    @Test func noStorageInterfaceVariable() throws {
        let map = try globals(try Self.blueprint("map-platform.yaml"))
        #expect(!map.contains("storage_interface"))
    }

    @Test func haWithSeveralNetworkHostsTurnsOnNeutronAgentHA() throws {
        let map = try globals(try Self.blueprint("map-platform.yaml"))
        #expect(map.contains("# ha.enabled with 3 network hosts (ctl01, ctl02, ctl03)\nenable_neutron_agent_ha: \"yes\""))
        #expect(!(try globals(try Self.blueprint("single-node.yaml"))).contains("enable_neutron_agent_ha"))
    }

    /// With HA off kolla_internal_vip_address is the controller's address, where MariaDB listens on 3306.
    @Test func proxySQLIsOffWithoutHA() throws {
        #expect(try globals(try Self.blueprint("single-node.yaml")).contains(
            "# ha.enabled: false (ProxySQL would listen on the controller's 3306 beside MariaDB)\nenable_proxysql: \"no\""))
        #expect(!(try globals(try Self.blueprint("map-platform.yaml"))).contains("enable_proxysql"))
    }

    /// keepalived binds the external VIP on kolla_external_vip_interface, the management interface by default.
    @Test func theExternalVIPIsBoundOnTheExternalAPIInterface() throws {
        var blueprint = try Self.blueprint("map-platform.yaml")
        #expect(try globals(blueprint).contains("# networks.external_api.interface\nkolla_external_vip_interface: \"bond3\""))
        blueprint.hosts[0].interfaces["external_api"] = "bond4"
        let inventory = try #require(try service().files(for: blueprint, existing: try temporaryDirectory()).first { $0.path == "inventory" })
        #expect(inventory.contents.contains("ctl01 ansible_host=10.10.0.11 kolla_external_vip_interface=bond4\n"))
    }

    /// The blueprint's certificate arrives where kolla-ansible copies haproxy.pem from, and its CA in the containers.
    @Test func tlsCopiesTheBlueprintsCertificateAndCA() throws {
        var blueprint = try Self.blueprint("map-platform.yaml")
        blueprint.tls.selfSigned = false
        blueprint.tls.certificate = "certificates/api.pem"
        blueprint.tls.ca = "certificates/ca.crt"
        let files = try service().files(for: blueprint, existing: try temporaryDirectory())
        let pem = try #require(files.first { $0.path == "certificates/haproxy.pem" })
        #expect(pem.contents == FilesInMemory.bundle)
        #expect(pem.mode == 0o600)
        #expect(try #require(files.first { $0.path == "certificates/ca/ca.crt" }).contents == FilesInMemory.caCertificate)
        #expect(!files.contains { $0.path == "certificates/haproxy-internal.pem" })
        let globals = try #require(files.first { $0.path == "globals.yml" }).contents
        #expect(globals.contains("# tls.certificate (copied to certificates/haproxy.pem)\nkolla_external_fqdn_cert: \"{{ kolla_certificates_dir }}/haproxy.pem\""))
        #expect(globals.contains("# tls.ca (copied to certificates/ca/ca.crt)\nkolla_copy_ca_into_containers: \"yes\""))
        #expect(globals.contains("kolla_admin_openrc_cacert: \"{{ kolla_certificates_dir }}/ca/ca.crt\""))
        #expect(globals.contains("openstack_cacert: \"/etc/pki/tls/certs/ca-bundle.crt\""))
        #expect(!globals.contains("kolla_internal_fqdn_cert"))
    }

    /// Internal TLS with ProxySQL (HA on 2026.1): kolla also wants the internal certificate and key apart, and the CA.
    @Test func internalTLSGivesProxySQLItsCertificateKeyAndCA() throws {
        var blueprint = try Self.blueprint("exchange.yaml")
        blueprint.tls.selfSigned = false
        blueprint.tls.certificate = "certificates/api.pem"
        blueprint.tls.internalCertificate = "certificates/internal.pem"
        blueprint.tls.ca = "certificates/ca.crt"
        let files = try service().files(for: blueprint, existing: try temporaryDirectory())
        func file(_ path: String) throws -> RenderedFile { try #require(files.first { $0.path == path }, "\(path) missing") }
        #expect(try file("certificates/haproxy-internal.pem").mode == 0o600)
        #expect(try file("certificates/proxysql-cert.pem").contents == "-----BEGIN CERTIFICATE-----\nTUlJQ2VydGlmaWNhdGVGb3JUZXN0cw==\n-----END CERTIFICATE-----\n")
        let key = try file("certificates/proxysql-key.pem")
        #expect(key.contents == "-----BEGIN PRIVATE KEY-----\nTUlJS2V5Rm9yVGVzdHM=\n-----END PRIVATE KEY-----\n")
        #expect(key.mode == 0o600)
        #expect(try file("certificates/proxysql-ca.pem").contents == FilesInMemory.caCertificate)
        let globals = try file("globals.yml").contents
        #expect(globals.contains("# tls.internal_certificate (copied to certificates/haproxy-internal.pem)\nkolla_internal_fqdn_cert: \"{{ kolla_certificates_dir }}/haproxy-internal.pem\""))
    }

    @Test func selfSignedLeavesTheCertificatesToKolla() throws {
        let files = try service().files(for: try Self.blueprint("map-platform.yaml"), existing: try temporaryDirectory())
        #expect(!files.contains { $0.path.hasPrefix("certificates/") })
        let globals = try #require(files.first { $0.path == "globals.yml" }).contents
        #expect(globals.contains("kolla_admin_openrc_cacert: \"{{ kolla_certificates_dir }}/ca/root.crt\""))
        #expect(!globals.contains("kolla_external_fqdn_cert"))
    }

    /// The command line reads the files a blueprint names beside the blueprint, and a missing one stops the render.
    @Test func certificatesAreReadBesideTheBlueprint() throws {
        let directory = try temporaryDirectory()
        try FileManager.default.createDirectory(at: directory.appendingPathComponent("certificates"), withIntermediateDirectories: true)
        try FilesInMemory.bundle.write(to: directory.appendingPathComponent("certificates/cloud.pem"), atomically: true, encoding: .utf8)
        let files = BlueprintDirectory(blueprint: directory.appendingPathComponent("bojagi.yaml").path)
        #expect(files.text("certificates/cloud.pem") == FilesInMemory.bundle)
        #expect(files.text("certificates/missing.pem") == nil)
        #expect(files.text("certificates") == nil)
        let planner = PlanService(catalog: Fixtures.catalog, inventory: Fixtures.inventory, today: Fixtures.today, files: files)
        var blueprint = try Self.blueprint("map-platform.yaml")
        blueprint.tls.selfSigned = false
        blueprint.tls.certificate = "certificates/cloud.pem"
        #expect(!planner.plan(blueprint).findings.contains { $0.id == "SEC003" })
        blueprint.tls.certificate = "certificates/missing.pem"
        let finding = try #require(planner.plan(blueprint).findings.first { $0.id == "SEC003" })
        #expect(finding.message.contains("which is not a readable file in \(directory.path)/"))
        let render = RenderService(planner: planner, kolla: Self.kolla, secrets: PinnedSecrets())
        #expect(throws: RenderService.Failure.self) { try render.files(for: blueprint, existing: try temporaryDirectory()) }
    }

    /// Base64 lines end in '=' padding: a PEM block must not be shown as `key=<hidden>`.
    @Test func checkHidesEveryLineOfAPEMBlock() {
        let diff = LineDiff.unified(old: "", new: FilesInMemory.bundle, path: "certificates/haproxy.pem", hideValues: true)
        #expect(diff.contains("+-----BEGIN PRIVATE KEY-----\n+<hidden>\n+-----END PRIVATE KEY-----"))
        #expect(!diff.contains("TUlJ"))
    }

    func globals(_ blueprint: Blueprint) throws -> String {
        try #require(try service().files(for: blueprint, existing: try temporaryDirectory()).first { $0.path == "globals.yml" }).contents
    }

    @Test func globalsCarryOnlyDifferencesWithTheirOrigin() throws {
        let files = try service().files(for: try Self.blueprint("exchange.yaml"), existing: try temporaryDirectory())
        let globals = try #require(files.first { $0.path == "globals.yml" }).contents
        // keystone, nova, neutron… are on by default: not repeated.
        #expect(!globals.contains("enable_keystone"))
        #expect(!globals.contains("enable_nova:"))
        // the exchange removes metering, which kolla does not enable by default either.
        #expect(!globals.contains("enable_ceilometer"))
        #expect(globals.contains("# capability key-manager (added in bojagi.yaml)\nenable_barbican: \"yes\""))
        #expect(globals.contains("pool: \"volumes-ssd\""))
        #expect(globals.contains("pool: \"volumes-hdd\""))
        #expect(globals.contains("kolla_enable_tls_internal: \"yes\""))
    }
}
