import Foundation
import Testing
import Yams
@testable import BojagiCore
import BojagiTestSupport

@Suite struct CephRendererTests {
    static let examples = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("examples")

    static func context(example name: String) throws -> RenderContext {
        let text = try String(contentsOf: examples.appendingPathComponent(name), encoding: .utf8)
        return try context(try Fixtures.blueprint(text))
    }

    static func context(_ blueprint: Blueprint) throws -> RenderContext {
        RenderContext(blueprint: blueprint, plan: Fixtures.planner.plan(blueprint), catalog: Fixtures.catalog, kolla: try KollaFiles.bundled())
    }

    static func render(example name: String, existing: CephKeys? = nil, seed: UInt8 = 1) throws -> [String: RenderedFile] {
        let files = try CephRenderer.render(try context(example: name), existingKeys: existing, secrets: CountingSecretSource(seed: seed))
        return Dictionary(uniqueKeysWithValues: files.map { ($0.path, $0) })
    }

    static let examplesWithCeph = ["map-platform.yaml", "exchange.yaml", "single-node.yaml"]

    @Test func noCephNoFiles() throws {
        let blueprint = try Fixtures.blueprint("""
            schema: 1
            release: 2026.1
            profile: base
            hosts:
              - {name: aio1, address: 192.168.50.11, roles: [control, network, compute, monitoring]}
            """)
        #expect(try CephRenderer.render(try Self.context(blueprint), existingKeys: nil, secrets: CountingSecretSource()).isEmpty)
    }

    @Test func kollaExternalCephLayout() throws {
        let files = try Self.render(example: "map-platform.yaml")
        for path in ["ceph/keys.yml", "ceph/cluster-spec.yaml", "ceph/bootstrap.sh", "ceph/pools.sh",
                     "config/glance/ceph.conf", "config/glance/ceph.client.glance.keyring",
                     "config/cinder/ceph.conf", "config/cinder/cinder-volume/ceph.client.cinder.keyring",
                     "config/cinder/cinder-backup/ceph.client.cinder.keyring",
                     "config/cinder/cinder-backup/ceph.client.cinder-backup.keyring",
                     "config/nova/ceph.conf", "config/nova/ceph.client.cinder.keyring"] {
            #expect(files[path] != nil, "missing \(path)")
        }
        // kolla's ceph_nova_user defaults to the cinder user: no separate nova key.
        #expect(files["config/nova/ceph.client.nova.keyring"] == nil)
        let keys = try CephKeys(yaml: files["ceph/keys.yml"]!.contents, file: "keys.yml")
        #expect(keys.key(for: "client.nova") == nil)
        let glance = try #require(keys.key(for: "client.glance"))
        #expect(files["config/glance/ceph.client.glance.keyring"]?.contents == "[client.glance]\n\tkey = \(glance)\n")
        #expect(Data(base64Encoded: glance)?.count == 28)
    }

    @Test func mapPlatformMonitorsAreTheThreeControllers() throws {
        let files = try Self.render(example: "map-platform.yaml")
        let conf = try #require(files["config/cinder/ceph.conf"]).contents
        #expect(conf.contains("\nmon_host = 10.10.0.11,10.10.0.12,10.10.0.13\n"))
        #expect(conf.contains("\nmon_initial_members = ctl01, ctl02, ctl03\n"))
        let keys = try CephKeys(yaml: files["ceph/keys.yml"]!.contents, file: "keys.yml")
        #expect(conf.contains("\nfsid = \(try #require(keys.fsid))\n"))
        let script = try #require(files["ceph/bootstrap.sh"]).contents
        #expect(script.contains("cephadm bootstrap --mon-ip 10.10.0.11 --fsid \"$fsid\""))
        #expect(script.contains("--cluster-network 10.20.0.0/24"))
    }

    @Test func singleNodeBootstrapsWithSingleHostDefaults() throws {
        let files = try Self.render(example: "single-node.yaml")
        let script = try #require(files["ceph/bootstrap.sh"]).contents
        #expect(script.contains("cephadm bootstrap --mon-ip 192.168.50.11 --fsid \"$fsid\" --skip-monitoring-stack --single-host-defaults\n"))
        #expect(try #require(files["ceph/pools.sh"]).contents.contains("ceph osd crush rule create-replicated ssd default osd ssd\n"))
        #expect(files["config/cinder/ceph.conf"]?.contents.contains("\nmon_host = 192.168.50.11\n") == true)
    }

    @Test func monitorsAreOddAndAtMostFive() {
        func hosts(_ control: Int, storage: Int) -> [BojagiCore.Host] {
            (0..<control).map { BojagiCore.Host(name: "ctl\($0)", roles: [.control]) } + (0..<storage).map { BojagiCore.Host(name: "st\($0)", roles: [.storage]) }
        }
        #expect(CephCluster.monitors(hosts(0, storage: 0)).isEmpty)
        #expect(CephCluster.monitors(hosts(1, storage: 0)).map(\.name) == ["ctl0"])
        #expect(CephCluster.monitors(hosts(1, storage: 4)).map(\.name) == ["ctl0", "st0", "st1"])
        #expect(CephCluster.monitors(hosts(2, storage: 0)).map(\.name) == ["ctl0"])
        #expect(CephCluster.monitors(hosts(4, storage: 3)).count == 3)
        #expect(CephCluster.monitors(hosts(7, storage: 0)).count == 5)
    }

    @Test func exchangeVolumePoolsFollowTheirTiers() throws {
        let script = try #require(try Self.render(example: "exchange.yaml")["ceph/pools.sh"]).contents
        #expect(script.contains("ceph osd crush rule create-replicated ssd default host ssd\n"))
        #expect(script.contains("ceph osd crush rule create-replicated hdd default host hdd\n"))
        #expect(script.contains("ceph osd pool set volumes-ssd crush_rule ssd\n"))
        #expect(script.contains("ceph osd pool set volumes-hdd crush_rule hdd\n"))
        #expect(script.contains("ceph osd pool set images crush_rule hdd\n"))
        #expect(script.contains("ceph osd pool set volumes-ssd min_size 2\n"))
        #expect(script.contains("for pool in images vms volumes-hdd volumes-ssd backups; do\n  rbd pool init \"$pool\" &\n"))
        #expect(script.contains("ceph osd set-nearfull-ratio 0.85\n"))
        // The cinder client may write both volume pools, and Glance's images read-only.
        #expect(script.contains("osd 'profile rbd pool=volumes-hdd, profile rbd pool=volumes-ssd, profile rbd pool=vms, profile rbd-read-only pool=images'"))
        // The pools are the ones globals.yml's cinder_ceph_backends name.
        let layout = try #require(CephLayout.make(try Self.context(example: "exchange.yaml").blueprint.storage.ceph,
                                                  services: try Self.context(example: "exchange.yaml").members))
        for backend in layout.volumeBackends {
            #expect(script.contains("ceph osd pool create \(backend.pool)\n"))
        }
        #expect(Set(layout.volumeBackends.map(\.pool)) == ["volumes-ssd", "volumes-hdd"])
    }

    @Test(arguments: examplesWithCeph)
    func cephConfHasNoTabs(_ example: String) throws {
        let files = try Self.render(example: example)
        let confs = files.values.filter { $0.path.hasSuffix("ceph.conf") }
        #expect(!confs.isEmpty)
        for file in confs {
            #expect(!file.contents.contains("\t"), "\(file.path) has a tab")
            #expect(file.contents.split(separator: "\n").allSatisfy { !$0.hasPrefix(" ") }, "\(file.path) has leading spaces")
        }
    }

    @Test(arguments: examplesWithCeph)
    func secretsOnlyInPrivateFiles(_ example: String) throws {
        let files = try Self.render(example: example)
        #expect(files["ceph/keys.yml"]?.mode == 0o600)
        #expect(files["ceph/bootstrap.sh"]?.mode == 0o755)
        #expect(files["ceph/pools.sh"]?.mode == 0o755)
        for file in files.values where file.path.hasSuffix(".keyring") {
            #expect(file.mode == 0o600, "\(file.path)")
        }
        let keys = try CephKeys(yaml: files["ceph/keys.yml"]!.contents, file: "keys.yml")
        let secrets = keys.values.filter { $0.key != CephKeys.fsidKey }.map(\.value)
        #expect(!secrets.isEmpty)
        for file in files.values where !file.holdsSecrets {
            for secret in secrets {
                #expect(!file.contents.contains(secret), "\(file.path) (mode \(String(file.mode, radix: 8))) holds a key")
            }
        }
    }

    @Test(arguments: examplesWithCeph)
    func existingKeysAreKept(_ example: String) throws {
        let first = try Self.render(example: example, seed: 1)
        let existing = try CephKeys(yaml: first["ceph/keys.yml"]!.contents, file: "keys.yml")
        // A different secret source: anything regenerated would show.
        let second = try Self.render(example: example, existing: existing, seed: 99)
        #expect(first == second)
    }

    @Test func missingKeysAreAddedAndOthersKept() throws {
        let existing = try CephKeys(yaml: "fsid: '11111111-2222-4333-8444-555555555555'\nclient.glance: 'AQAAAAAAAAAAAA=='\nclient.old: 'kept'\n", file: "keys.yml")
        let files = try Self.render(example: "map-platform.yaml", existing: existing)
        let keys = try CephKeys(yaml: files["ceph/keys.yml"]!.contents, file: "keys.yml")
        #expect(keys.fsid == "11111111-2222-4333-8444-555555555555")
        #expect(keys.key(for: "client.glance") == "AQAAAAAAAAAAAA==")
        #expect(keys.key(for: "client.old") == "kept")
        #expect(keys.key(for: "client.cinder") != nil)
        #expect(keys.key(for: "client.cinder-backup") != nil)
    }

    @Test func keysFileThatIsNotAMappingIsRefused() {
        #expect(throws: BlueprintError.self) { try CephKeys(yaml: "- a\n- b\n", file: "ceph/keys.yml") }
    }

    @Test(arguments: examplesWithCeph)
    func clusterSpecParsesWithOneOSDSpecPerTier(_ example: String) throws {
        let context = try Self.context(example: example)
        let files = try Self.render(example: example)
        let text = try #require(files["ceph/cluster-spec.yaml"]).contents
        let documents = try Yams.load_all(yaml: text).map { $0 as? [String: Any] ?? [:] }
        func of(_ type: String) -> [[String: Any]] { documents.filter { $0["service_type"] as? String == type } }
        let tiers = context.blueprint.storage.ceph!.tiers
        let osds = of("osd")
        #expect(osds.map { $0["service_id"] as? String } == tiers.map(\.name))
        for (osd, tier) in zip(osds, tiers) {
            let spec = try #require(osd["spec"] as? [String: Any])
            #expect(spec["crush_device_class"] as? String == tier.deviceClass)
            let devices = try #require(spec["data_devices"] as? [String: Any])
            #expect(devices["rotational"] as? Int == (tier.deviceClass == "hdd" ? 1 : 0))
        }
        #expect(of("mon").count == 1)
        #expect(of("mgr").count == 1)
        let hosts = of("host")
        let expectedHosts = context.blueprint.hosts.filter { $0.roles.contains(.storage) || $0.roles.contains(.control) }
        #expect(hosts.map { $0["hostname"] as? String } == expectedHosts.map(\.name))
        #expect(hosts.allSatisfy { $0["addr"] is String })
    }

    @Test func mapPlatformSpecLabelsAndRGW() throws {
        let text = try #require(try Self.render(example: "map-platform.yaml")["ceph/cluster-spec.yaml"]).contents
        let documents = try Yams.load_all(yaml: text).map { $0 as? [String: Any] ?? [:] }
        let hosts = Dictionary(uniqueKeysWithValues: documents.filter { $0["service_type"] as? String == "host" }.map {
            ($0["hostname"] as! String, $0["labels"] as? [String] ?? [])
        })
        #expect(hosts["ctl01"] == ["_admin", "mon", "mgr"])
        #expect(hosts["ceph08"] == ["osd", "rgw"])
        #expect(hosts["cmp01"] == nil)
        let rgw = try #require(documents.first { $0["service_type"] as? String == "rgw" })
        #expect((rgw["placement"] as? [String: Any])?["label"] as? String == "rgw")
        #expect((rgw["spec"] as? [String: Any])?["rgw_frontend_port"] as? Int == 8080)
    }

    @Test func manilaSharesACephFSFileSystemOnTheTiers() throws {
        let text = try String(contentsOf: Self.examples.appendingPathComponent("map-platform.yaml"), encoding: .utf8)
            .replacingOccurrences(of: "add: [load-balancer]", with: "add: [shared-filesystem]")
        let context = try Self.context(try Fixtures.blueprint(text))
        let files = Dictionary(uniqueKeysWithValues: try CephRenderer.render(context, existingKeys: nil, secrets: CountingSecretSource())
            .map { ($0.path, $0) })
        let bootstrap = try #require(files["ceph/pools.sh"]).contents
        // Metadata on the first tier (fast), data on the last (the bulk tier); `ceph fs new` tags them itself.
        #expect(bootstrap.contains("ceph osd pool set cephfs_metadata crush_rule fast"))
        #expect(bootstrap.contains("ceph osd pool set cephfs_data crush_rule bulk"))
        #expect(!bootstrap.contains("application enable cephfs_"))
        #expect(bootstrap.contains("|| ceph fs new manila cephfs_metadata cephfs_data"))
        #expect(bootstrap.contains("import_client client.manila mon 'allow r' mgr 'allow rw'"))
        let keyring = try #require(files["config/manila/ceph.client.manila.keyring"])
        #expect(keyring.mode == 0o600 && keyring.contents.hasPrefix("[client.manila]\n\tkey = "))
        #expect(try #require(files["config/manila/ceph.conf"]).contents.contains("mon_host = 10.10.0.11,10.10.0.12,10.10.0.13"))
        let documents = try Yams.load_all(yaml: try #require(files["ceph/cluster-spec.yaml"]).contents).map { $0 as? [String: Any] ?? [:] }
        let mds = try #require(documents.first { $0["service_type"] as? String == "mds" })
        #expect(mds["service_id"] as? String == "manila" && (mds["placement"] as? [String: Any])?["label"] as? String == "mds")
        let ctl01 = documents.first { $0["hostname"] as? String == "ctl01" }?["labels"] as? [String]
        #expect(ctl01 == ["_admin", "mon", "mgr", "mds"])
        let globals = CephGlobals.entries(context).map(\.key)
        #expect(globals.contains("enable_manila_backend_cephfs_native") && globals.contains("manila_cephfs_filesystem_name"))
    }

    @Test func devicePathsSelectOSDsAndErasureTiersGetProfiles() throws {
        let blueprint = try Fixtures.blueprint("""
            schema: 1
            release: 2026.1
            profile: web-application
            hosts:
              - {name: 'ctl[01:03]', address: 10.0.0.11, roles: [control, network, monitoring]}
              - {name: cmp01, address: 10.0.0.21, roles: [compute]}
              - name: st[01:06]
                address: 10.0.0.31
                roles: [storage]
                rack: r1
                disks:
                  - {device: /dev/nvme0n1, size_gb: 3840, type: nvme}
                  - {device: /dev/sdb, size_gb: 16000, type: hdd, count: 1}
            storage:
              ceph:
                failure_domain: host
                rgw: true
                tiers:
                  - {name: fast, device_class: nvme, replication: 3}
                  - {name: archive, device_class: hdd, erasure: {k: 4, m: 2}}
                pools:
                  rgw: {tier: archive}
                  backups: {tier: archive}
            """)
        let files = try CephRenderer.render(try Self.context(blueprint), existingKeys: nil, secrets: CountingSecretSource())
        let byPath = Dictionary(uniqueKeysWithValues: files.map { ($0.path, $0) })
        let spec = try #require(byPath["ceph/cluster-spec.yaml"]).contents
        #expect(spec.contains("service_id: fast\nplacement:\n  label: osd\nspec:\n  crush_device_class: nvme\n  data_devices:\n    paths:\n    - /dev/nvme0n1\n"))
        let script = try #require(byPath["ceph/pools.sh"]).contents
        #expect(script.contains("ceph osd erasure-code-profile set archive k=4 m=2 crush-failure-domain=host crush-device-class=hdd\n"))
        #expect(script.contains("ceph osd pool create default.rgw.buckets.data erasure archive\n"))
        // RBD on an EC tier: replicated metadata pool, EC data pool with overwrites.
        #expect(script.contains("ceph osd pool set backups crush_rule archive-replicated\n"))
        #expect(script.contains("ceph osd pool set backups-data allow_ec_overwrites true\n"))
        #expect(script.contains("rbd config pool set backups rbd_default_data_pool backups-data\n"))
        #expect(script.contains("profile rbd pool=backups, profile rbd pool=backups-data"))
        try Self.expectBashAccepts(script)
    }

    @Test(arguments: examplesWithCeph)
    func bootstrapScriptPassesBashSyntaxCheck(_ example: String) throws {
        let script = try #require(try Self.render(example: example)["ceph/bootstrap.sh"]).contents
        #expect(script.hasPrefix("#!/usr/bin/env bash\n"))
        #expect(script.contains("set -euo pipefail\n"))
        #expect(script.contains("ceph orch apply -i \"$here/cluster-spec.yaml\"\n"))
        #expect(script.hasSuffix("ceph -s\n"))
        // Sections 3 to 5 are pools.sh, run once the OSDs exist.
        #expect(script.contains("\nbash \"$here/pools.sh\"\n"))
        #expect(!script.contains("ceph osd pool create"))
        try Self.expectBashAccepts(script)
        let pools = try #require(try Self.render(example: example)["ceph/pools.sh"]).contents
        #expect(pools.hasPrefix("#!/usr/bin/env bash\n"))
        #expect(pools.contains("set -euo pipefail\n"))
        #expect(!pools.contains("cephadm") && !pools.contains("ceph orch"))
        try Self.expectBashAccepts(pools)
    }

    // MARK: the PG autoscaler

    /// Ceph's own pools on the class-less replicated_rule beside device-class rules stop the autoscaler for every
    /// pool: pools.sh moves them, and makes the first replicated tier's rule the default for new pools.
    @Test func cephsOwnPoolsMoveToTheFirstReplicatedTier() throws {
        let pools = try #require(try Self.render(example: "exchange.yaml")["ceph/pools.sh"]).contents
        #expect(pools.contains("default_rule=\"$(rule_id ssd)\"\necho \"ceph config set global osd_pool_default_crush_rule $default_rule\"\n"))
        #expect(pools.contains("current=\"$(printf 'ceph osd pool get %q crush_rule\\n' \"${pools[@]}\" | ceph_batch | sed '/^$/d')\"\n"))
        #expect(pools.contains("[[ \"${rules[$i]:-}\" != \"crush_rule: replicated_rule\" ]] || printf 'ceph osd pool set %q crush_rule ssd\\n' \"${pools[$i]}\"\n"))
        // After the rules exist, before the pools are made.
        let fix = try #require(pools.range(of: "# 3b. "))
        #expect(pools.range(of: "ceph osd crush rule create-replicated hdd")!.lowerBound < fix.lowerBound)
        #expect(fix.upperBound < pools.range(of: "# 4. Pools")!.lowerBound)
    }

    /// Each `ceph` command costs a Python start-up and a monitor connection: pools.sh sends its rules, pools and
    /// clients in a few batches, whatever the number of pools.
    @Test(arguments: examplesWithCeph)
    func poolsShStartsTheCephClientAFewTimes(_ example: String) throws {
        let pools = try #require(try Self.render(example: example)["ceph/pools.sh"]).contents
        var inBatch = false, alone: [Substring] = [], batched = 0
        for line in pools.split(separator: "\n") {
            if line.contains("<<'CEPH'") { inBatch = true } else if line == "CEPH" { inBatch = false } else if line.hasPrefix("ceph ") {
                if inBatch { batched += 1 } else { alone.append(line) }
            }
        }
        #expect(batched >= 15, "\(example): \(batched) commands batched")
        // Alone: the clients' import in one call, and `ceph fs` where Manila's CephFS is planned.
        #expect(alone.count <= 2 && alone.allSatisfy { $0.hasPrefix("ceph auth import") || $0.hasPrefix("ceph fs ls") }, "\(example): \(alone)")
        #expect(pools.contains("\nceph auth import -i \"$clients\"\n"))
        // A batch per pool, side by side, and every one waited for; the inits side by side too.
        #expect(pools.components(separatedBy: "ceph_batch <<'CEPH' &\n").count - 1 >= 3)
        #expect(pools.contains("wait_all \"${batches[@]}\"\n") && pools.contains("  rbd pool init \"$pool\" &\n"))
        #expect(!pools.contains("2>/dev/null || true"))
    }

    @Test func theDefaultRuleIsTheFirstReplicatedTiers() throws {
        func tier(_ name: String, _ erasure: Bool) -> Storage.Ceph.Tier {
            var tier = Storage.Ceph.Tier(name: name, deviceClass: name)
            if erasure { tier.erasure = Storage.Ceph.Erasure(k: 4, m: 2) } else { tier.replication = 3 }
            return tier
        }
        func ceph(_ tiers: [Storage.Ceph.Tier]) -> Storage.Ceph {
            var ceph = Storage.Ceph()
            ceph.tiers = tiers
            return ceph
        }
        #expect(CephBootstrapScript.defaultRule(ceph([tier("hdd", true), tier("ssd", false)])) == "ssd")
        #expect(CephBootstrapScript.defaultRule(ceph([tier("ssd", false), tier("hdd", false)])) == "ssd")
        #expect(CephBootstrapScript.defaultRule(ceph([tier("archive", true)])) == "archive-replicated")
        #expect(CephBootstrapScript.defaultRule(ceph([])) == nil)
    }

    @Test func anErasureCodedClusterGetsTheReplicatedRuleItsOwnPoolsNeed() throws {
        let blueprint = try Fixtures.blueprint("""
            schema: 1
            release: 2026.1
            profile: base
            hosts:
              - {name: 'ctl[01:03]', address: 10.0.0.11, roles: [control, network, compute, monitoring]}
              - name: st[01:06]
                address: 10.0.0.31
                roles: [storage]
                disks:
                  - {size_gb: 16000, type: hdd, count: 2}
            storage:
              ceph:
                failure_domain: host
                rgw: true
                tiers:
                  - {name: archive, device_class: hdd, erasure: {k: 4, m: 2}}
                pools:
                  rgw: {tier: archive}
            """)
        let files = try CephRenderer.render(try Self.context(blueprint), existingKeys: nil, secrets: CountingSecretSource())
        let pools = try #require(files.first { $0.path == "ceph/pools.sh" }).contents
        #expect(pools.contains("ceph osd crush rule create-replicated archive-replicated default host hdd\n"))
        #expect(pools.contains("default_rule=\"$(rule_id archive-replicated)\""))
        try Self.expectBashAccepts(pools)
    }

    /// With an EC tier, an RBD pool's data is in `<pool>-data`: that is where the autoscaler needs the share.
    @Test func erasureTargetRatioIsOnTheDataPool() throws {
        let blueprint = try Fixtures.blueprint("""
            schema: 1
            release: 2026.1
            profile: web-application
            hosts:
              - {name: 'ctl[01:03]', address: 10.0.0.11, roles: [control, network, monitoring]}
              - {name: cmp01, address: 10.0.0.21, roles: [compute]}
              - name: st[01:06]
                address: 10.0.0.31
                roles: [storage]
                disks:
                  - {size_gb: 3840, type: ssd, count: 1}
                  - {size_gb: 16000, type: hdd, count: 1}
            storage:
              ceph:
                failure_domain: host
                tiers:
                  - {name: fast, device_class: ssd, replication: 3}
                  - {name: archive, device_class: hdd, erasure: {k: 4, m: 2}}
                pools:
                  backups: {tier: archive, percent: 40}
                  volumes: {tier: fast, percent: 60}
            """)
        let files = try CephRenderer.render(try Self.context(blueprint), existingKeys: nil, secrets: CountingSecretSource())
        let pools = try #require(files.first { $0.path == "ceph/pools.sh" }).contents
        #expect(pools.contains("ceph osd pool set backups-data target_size_ratio 0.4\n"))
        #expect(!pools.contains("ceph osd pool set backups target_size_ratio"))
        #expect(pools.contains("ceph osd pool set volumes target_size_ratio 0.6\n"))
        // Set once the data pool exists.
        #expect(pools.range(of: "ceph osd pool create backups-data erasure archive")!.lowerBound
                < pools.range(of: "ceph osd pool set backups-data target_size_ratio")!.lowerBound)
    }

    static func expectBashAccepts(_ script: String) throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("bojagi-bootstrap-\(UUID().uuidString).sh")
        try script.write(to: url, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: url) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/bash")
        process.arguments = ["-n", url.path]
        let errors = Pipe()
        process.standardError = errors
        try process.run()
        process.waitUntilExit()
        let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        #expect(process.terminationStatus == 0, "bash -n: \(message)")
    }

    @Test func keyValuesAreReadAtRunTime() throws {
        // The awk in bootstrap.sh reads what CephKeys writes.
        let files = try Self.render(example: "single-node.yaml")
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("bojagi-keys-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        try files["ceph/keys.yml"]!.contents.write(to: directory.appendingPathComponent("keys.yml"), atomically: true, encoding: .utf8)
        let script = files["ceph/bootstrap.sh"]!.contents
        let valueFunction = script.components(separatedBy: "\nvalue() {")[1].components(separatedBy: "\n}\n")[0]
        let probe = "set -euo pipefail\nkeys=\"$1\"\nvalue() {\(valueFunction)\n}\nvalue fsid\nvalue client.cinder\n"
        let url = directory.appendingPathComponent("probe.sh")
        try probe.write(to: url, atomically: true, encoding: .utf8)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/bash")
        process.arguments = [url.path, directory.appendingPathComponent("keys.yml").path]
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        process.waitUntilExit()
        let keys = try CephKeys(yaml: files["ceph/keys.yml"]!.contents, file: "keys.yml")
        let printed = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        #expect(printed == "\(keys.fsid!)\n\(keys.key(for: "client.cinder")!)\n")
    }
}
