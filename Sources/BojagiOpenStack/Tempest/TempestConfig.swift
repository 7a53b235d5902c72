import Foundation
import BojagiCore

/// tempest.conf for one cloud, from what its APIs said (`TempestFacts`), what Bojagi made for Tempest
/// (`TempestResources`) and the admin credentials; and the tests the cloud cannot run, each with its reason.
/// Pure: the same inputs give the same bytes. Option names and defaults are Tempest 47's (tempest/config.py).
public struct TempestConfig: Sendable {
    public struct Admin: Sendable {
        public let username, password, project, userDomain, projectDomain: String

        public init(username: String, password: String, project: String, userDomain: String, projectDomain: String) {
            self.username = username
            self.password = password
            self.project = project
            self.userDomain = userDomain
            self.projectDomain = projectDomain
        }
    }

    /// A test (regex on the full test id) left out of the run, and why. stestr drops excluded tests before the run,
    /// so the reason lives only here and in the report.
    public struct Exclusion: Sendable, Codable, Equatable {
        public let pattern: String
        public let reason: String
    }

    public let facts: TempestFacts
    public let resources: TempestResources
    public let admin: Admin
    /// Where Tempest logs and locks (the run directory).
    public let workspace: String
    /// `SECTION.KEY` → value, applied last: what the cloud knows about itself that its API cannot show.
    public let overrides: [String: String]

    public init(facts: TempestFacts, resources: TempestResources, admin: Admin, workspace: String, overrides: [String: String] = [:]) {
        self.facts = facts
        self.resources = resources
        self.admin = admin
        self.workspace = workspace
        self.overrides = overrides
    }

    static func flag(_ value: Bool) -> String { value ? "true" : "false" }

    public var ini: INIFile {
        let f = facts, r = resources
        let region = f.region ?? "RegionOne"
        var ini = INIFile()
        ini.add("DEFAULT", [("log_dir", workspace + "/logs"), ("log_file", "tempest.log"), ("use_stderr", "false")])
        ini.add("oslo_concurrency", [("lock_path", workspace + "/lock")])
        ini.add("auth", [
            ("use_dynamic_credentials", "true"),
            ("admin_username", admin.username), ("admin_password", admin.password), ("admin_project_name", admin.project),
            ("admin_domain_name", admin.userDomain), ("admin_user_domain_name", admin.userDomain),
            ("admin_project_domain_name", admin.projectDomain), ("default_credentials_domain_name", "Default"),
            // Each test project gets a network, subnet and router of its own where the cloud has routers.
            ("create_isolated_networks", Self.flag(f.routers)),
        ])
        ini.add("identity", [("uri_v3", f.identityURI), ("auth_version", "v3"), ("region", region), ("v3_endpoint_type", "public")])
        var identityFeatures = [("api_v2", "false"), ("trust", Self.flag(f.identityExtensions.contains("OS-TRUST"))),
                                ("security_compliance", "false")]
        if !f.identityExtensions.isEmpty { identityFeatures.append(("api_extensions", f.identityExtensions.joined(separator: ","))) }
        ini.add("identity-feature-enabled", identityFeatures)

        if f.has("compute") {
            var compute = [("image_ref", r.imageRef), ("image_ref_alt", r.imageRefAlt), ("flavor_ref", r.flavorRef),
                           ("flavor_ref_alt", r.flavorRefAlt), ("region", region), ("min_compute_nodes", String(max(1, f.computeHostsUp)))]
            if let network = r.fixedNetworkName { compute.append(("fixed_network_name", network)) }
            if let range = f.compute, let max = range.maxMicroversion {
                compute += [("min_microversion", range.minMicroversion ?? "2.1"), ("max_microversion", max)]
            }
            if let type = f.hypervisorTypes.first { compute.append(("hypervisor_type", type)) }
            ini.add("compute", compute)
            let fake = f.fakeHypervisor, several = f.computeHostsUp >= 2
            var roles = ["admin", "member", "reader"]
            if f.roles.contains("manager") { roles.insert("manager", at: 1) }
            ini.add("compute-feature-enabled", [
                ("resize", Self.flag(several)),
                ("cold_migration", Self.flag(several)),
                ("live_migration", Self.flag(several)),
                ("console_output", "true"),
                // The fake driver's snapshot uploads nothing: the image never becomes active.
                ("snapshot", Self.flag(!fake)),
                ("change_password", Self.flag(fake)),
                ("vnc_console", "false"), ("spice_console", "false"), ("serial_console", "false"),
                ("attach_encrypted_volume", Self.flag(f.has("key-manager"))),
                ("volume_multiattach", "false"),
                ("nova_policy_roles", roles.joined(separator: ",")),
            ])
        }
        if let range = f.placement, let max = range.maxMicroversion {
            ini.add("placement", [("min_microversion", range.minMicroversion ?? "1.0"), ("max_microversion", max)])
        }
        if f.has("image") {
            var image = [("region", region)]
            if !f.diskFormats.isEmpty { image.append(("disk_formats", f.diskFormats.joined(separator: ","))) }
            if !f.containerFormats.isEmpty { image.append(("container_formats", f.containerFormats.joined(separator: ","))) }
            ini.add("image", image)
            ini.add("image-feature-enabled", [("http_store_enabled", Self.flag(f.imageStores.contains("http"))),
                                              ("manage_locations", "false"), ("image_conversion", "false")])
        }
        if f.has("network") {
            var network = [("region", region), ("project_network_cidr", projectCIDR), ("project_network_mask_bits", "28"),
                           ("shared_physical_network", "false")]
            if let external = externalNetwork {
                network += [("public_network_id", external.id), ("floating_network_name", external.name)]
            }
            ini.add("network", network)
            ini.add("network-feature-enabled", [
                ("api_extensions", f.networkExtensions.isEmpty ? "none" : f.networkExtensions.joined(separator: ",")),
                ("floating_ips", Self.flag(f.routers && externalNetwork != nil)),
                ("port_security", Self.flag(f.networkExtensions.contains("port-security"))),
                ("ipv6", "true"),
            ])
        }
        if let type = f.volumeCatalogType {
            var volume = [("catalog_type", type), ("region", region)]
            let backends = Array(Set(f.volumePools.compactMap(\.backendName))).sorted()
            if !backends.isEmpty { volume.append(("backend_names", backends.joined(separator: ","))) }
            if let pool = f.volumePools.first {
                if let value = pool.storageProtocol { volume.append(("storage_protocol", value)) }
                if let value = pool.vendorName { volume.append(("vendor_name", value)) }
            }
            if let range = f.volume, let max = range.maxMicroversion {
                volume += [("min_microversion", range.minMicroversion ?? "3.0"), ("max_microversion", max)]
            }
            ini.add("volume", volume)
            ini.add("volume-feature-enabled", [
                ("backup", Self.flag(f.volumeServicesUp.contains("cinder-backup"))),
                ("multi_backend", Self.flag(backends.count >= 2)),
                ("enable_volume_image_dep_tests", Self.flag(!f.fakeVolumeBackend)),
                ("api_extensions", f.volumeExtensions.isEmpty ? "all" : f.volumeExtensions.joined(separator: ",")),
            ])
        }
        ini.add("service_available", [
            ("nova", Self.flag(f.has("compute"))), ("glance", Self.flag(f.has("image"))), ("neutron", Self.flag(f.has("network"))),
            ("cinder", Self.flag(f.volumeCatalogType != nil)), ("swift", Self.flag(f.has("object-store"))),
            ("horizon", "false"), ("heat", Self.flag(f.has("orchestration"))),
        ])
        // Validation logs in to the guest over SSH; the fake virt driver boots none, and no guest image can be
        // fetched here. Tempest then skips the in-guest checks and the classes that need a guest.
        ini.add("validation", [("run_validation", Self.flag(!f.fakeHypervisor && overrides["validation.run_validation"] == "true"))])
        // oslo.policy enforces scope and the new defaults since 2024.2.
        ini.add("enforce_scope", [("nova", "true"), ("neutron", "true"), ("glance", "true"), ("cinder", "true"), ("placement", "true")])
        ini.add("scenario", [("img_file", r.imageFile), ("img_disk_format", "raw"), ("img_container_format", "bare")])
        return apply(overrides, to: ini)
    }

    /// The file's text (0600 where written: it holds the admin password).
    public var text: String {
        "# tempest.conf written by `bojagi verify --tempest` from the cloud's own APIs; rewritten on every run.\n" + ini.text
    }

    func apply(_ overrides: [String: String], to ini: INIFile) -> INIFile {
        var result = ini
        for (key, value) in overrides.sorted(by: { $0.key < $1.key }) {
            guard let dot = key.lastIndex(of: ".") else { continue }
            let section = String(key[..<dot]), option = String(key[key.index(after: dot)...])
            if let index = result.sections.firstIndex(where: { $0.name == section }) {
                if let entry = result.sections[index].entries.firstIndex(where: { $0.0 == option }) {
                    result.sections[index].entries[entry].1 = value
                } else {
                    result.sections[index].entries.append((option, value))
                }
            } else {
                result.add(section, [(option, value)])
            }
        }
        return result
    }

    /// The default external network, else the first.
    var externalNetwork: TempestFacts.Network? {
        facts.externalNetworks.first { $0.isDefault } ?? facts.externalNetworks.first
    }

    /// A /16 for the test projects' networks that overlaps no subnet the cloud has.
    var projectCIDR: String {
        let taken = facts.subnetCIDRs.compactMap { cidr -> (UInt32, UInt32)? in
            let parts = cidr.split(separator: "/")
            guard parts.count == 2, let address = IPv4(String(parts[0])), let bits = UInt32(parts[1]), bits <= 32 else { return nil }
            let mask: UInt32 = bits == 0 ? 0 : ~UInt32(0) << (32 - bits)
            return (address.value & mask, mask)
        }
        for second in 100...250 {
            let base = UInt32(10) << 24 | UInt32(second) << 16
            let mask: UInt32 = 0xFFFF_0000
            let overlaps = taken.contains { network, networkMask in
                let common = mask & networkMask
                return base & common == network & common
            }
            if !overlaps { return "10.\(second).0.0/16" }
        }
        return "10.100.0.0/16"
    }

    /// What this cloud cannot run, each with its reason (never a test because it fails). Patterns name the module
    /// and the test, not the class: Tempest moves tests between classes (47 split ServerActionsTestJSON in three).
    public var exclusions: [Exclusion] {
        var list: [Exclusion] = []
        if facts.fakeHypervisor {
            list.append(Exclusion(pattern: #"^tempest\.api\.compute\.admin\.test_hypervisor\.\w+\.test_get_hypervisor_uptime\b"#,
                                  reason: "nova's fake virt driver answers 501 to the hypervisor uptime call"))
            list.append(Exclusion(pattern: #"^tempest\.api\.compute\.servers\.test_server_actions\.\w+\.test_get_console_output_with_unlimited_size\b"#,
                                  reason: "the fake virt driver's console log is a fixed 3 lines; the test waits for more until it times out"))
            list.append(Exclusion(pattern: #"^tempest\.scenario\.test_network_basic_ops\."#,
                                  reason: "the fake virt driver boots no guest to ping or log in to"))
            // [compute-feature-enabled] snapshot = False skips Nova's own snapshot tests; this one does not read it.
            list.append(Exclusion(pattern: #"^tempest\.api\.image\.v2\.test_images_dependency\.\w+\.test_nova_image_snapshot_dependency\b"#,
                                  reason: "the fake virt driver's server snapshot uploads nothing: the image stays queued"))
        }
        if facts.fakeVolumeBackend {
            let reason = "Cinder's fake driver keeps volumes as database rows: no image can be copied into or out of them (a real backend, such as Ceph RBD, can)"
            for pattern in [#"^tempest\.api\.compute\.servers\.test_create_server\.ServersTestBootFromVolume\."#,
                            #"^tempest\.api\.volume\..*from_image"#,
                            #"^tempest\.api\.volume\.test_image_metadata\."#,
                            #"^tempest\.api\.volume\.test_volumes_actions\.VolumesActionsTest\.test_volume_upload"#,
                            #"^tempest\.api\.volume\.test_volumes_clone\..*bootable"#,
                            #"^tempest\.api\.volume\.test_volumes_extend\.\w+\.test_volume_extend\b"#,
                            #"^tempest\.api\.volume\.test_volumes_snapshots\.\w+\.test_snapshot_create_delete_with_volume_in_use\b"#,
                            // Rebuilds a volume-backed server: its root volume is made from an image.
                            #"^tempest\.api\.compute\.servers\.test_server_actions\.ServerActionsV293TestJSON\."#] {
                list.append(Exclusion(pattern: pattern, reason: reason))
            }
        }
        if facts.networkExtensions.contains("auto-allocated-topology"),
           !(facts.externalNetworks.contains { $0.isDefault } && facts.defaultSubnetPool) {
            list.append(Exclusion(pattern: #"^tempest\.api\.compute\.admin\.test_auto_allocate_network\."#,
                                  reason: "Neutron advertises auto-allocated-topology but the cloud has no default external network and default subnet pool"))
        }
        return list
    }

    /// stestr's exclude-list file: `regex # reason` per line.
    public var excludeList: String {
        exclusions.map { "\($0.pattern) # \($0.reason)\n" }.joined()
    }
}
