import Foundation
import Testing
import BojagiCore
@testable import BojagiLab
import BojagiTestSupport

/// The lab's Ceph: what it runs of the blueprint's design, the files it writes for Cinder and Glance, the
/// command lines it hands to scripts/ceph, and how it reads Ceph's answers.
@Suite struct LabCephTests {
    static let examples = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("examples")

    static func design(_ text: String) throws -> LabCephDesign? {
        let blueprint = try Fixtures.blueprint(text)
        let plan = Fixtures.planner.plan(blueprint)
        let context = RenderContext(blueprint: blueprint, plan: plan, catalog: Fixtures.catalog, kolla: try KollaFiles.bundled())
        let files = try CephRenderer.render(context, existingKeys: nil, secrets: CountingSecretSource())
        return try LabCephDesign(blueprint: blueprint, plan: plan, deployment: files)
    }

    static func example() throws -> LabCephDesign {
        try #require(try design(try String(contentsOf: examples.appendingPathComponent("ceph-lab.yaml"), encoding: .utf8)))
    }

    static func settings(ceph: LabCephSettings?, user: String = "root") -> LabSettings {
        let ports = LabPorts(offset: 3000)
        let secrets = LabSecrets.make(for: LabComponent.allCases, existing: nil, source: CountingSecretSource())
        return LabSettings(name: "ceph-lab", release: "2026.2", home: "/lab", venv: "/venv", ports: ports,
                           components: LabComponent.allCases, secrets: secrets, user: user, ceph: ceph)
    }

    static func file(_ path: String, _ settings: LabSettings) -> String? {
        LabConfigRenderer(settings: settings).files().first { $0.path == path }?.contents
    }

    @Test func theExampleRunsThreeOSDsPerTierOnThreeHostBuckets() throws {
        let design = try Self.example()
        #expect(design.osdGroups == [.init(deviceClass: "ssd", count: 3), .init(deviceClass: "hdd", count: 3)])
        #expect(design.hostBuckets == 3)
        let settings = design.settings(ports: LabPorts(offset: 3000))
        #expect(settings.backends.map(\.name) == ["rbd-1", "rbd-hdd"])
        #expect(settings.backends.map(\.pool) == ["volumes", "volumes-hdd"])
        #expect(settings.defaultVolumeType == "ssd")
        #expect(settings.imagesPool == "images" && settings.backupsPool == "backups")
        #expect(settings.monHost == "[v2:127.0.0.1:6300,v1:127.0.0.1:9789]")
        #expect(Set(settings.keys.keys) == ["client.glance", "client.cinder", "client.cinder-backup"])
        #expect(design.backends.map(\.deviceClass) == ["ssd", "hdd"])
    }

    @Test func aWideTierNeedsMoreOSDsAndBuckets() throws {
        let design = try #require(try Self.design("""
            schema: 1
            release: 2026.2
            profile: base
            hosts:
              - name: aio1
                address: 10.0.0.11
                roles: [control, network, compute, storage, monitoring]
                disks:
                  - {size_gb: 1000, type: ssd, count: 3}
                  - {size_gb: 4000, type: hdd, count: 6}
            storage:
              ceph:
                failure_domain: osd
                tiers:
                  - {name: fast, device_class: ssd, replication: 2}
                  - {name: archive, device_class: hdd, erasure: {k: 4, m: 2}}
            """))
        // At least three per class; an EC 4+2 tier needs six OSDs on six buckets.
        #expect(design.osdGroups == [.init(deviceClass: "ssd", count: 3), .init(deviceClass: "hdd", count: 6)])
        #expect(design.hostBuckets == 6)
    }

    @Test func noCephNoDesign() throws {
        #expect(try Self.design("schema: 1\nrelease: 2026.2\nprofile: base\n") == nil)
    }

    @Test func rackFailureDomainsAreRefused() throws {
        let text = try String(contentsOf: Self.examples.appendingPathComponent("ceph-lab.yaml"), encoding: .utf8)
            .replacingOccurrences(of: "failure_domain: osd", with: "failure_domain: rack")
        #expect(throws: LabCephDesign.Failure.self) { _ = try Self.design(text) }
    }

    @Test func cinderAndGlanceUseRBDWithCeph() throws {
        let settings = Self.settings(ceph: try Self.example().settings(ports: LabPorts(offset: 3000)))
        let cinder = try #require(Self.file("etc/cinder/cinder.conf", settings))
        #expect(cinder.contains("enabled_backends = rbd-1,rbd-hdd\n"))
        #expect(cinder.contains("default_volume_type = ssd\n"))
        #expect(cinder.contains("[rbd-hdd]\nvolume_driver = cinder.volume.drivers.rbd.RBDDriver\nvolume_backend_name = rbd-hdd\nrbd_pool = volumes-hdd\nrbd_ceph_conf = /lab/etc/ceph/ceph.conf\nrbd_user = cinder\n"))
        #expect(cinder.contains("backup_driver = cinder.backup.drivers.ceph.CephBackupDriver\n"))
        #expect(cinder.contains("backup_ceph_user = cinder-backup\nbackup_ceph_pool = backups\n"))
        #expect(cinder.contains("[privsep_osbrick]\nhelper_command = /venv/bin/privsep-helper --config-file /lab/etc/cinder/cinder.conf\n"))
        #expect(!cinder.contains("FakeLoggingVolumeDriver"))
        let glance = try #require(Self.file("etc/glance/glance-api.conf", settings))
        #expect(glance.contains("enabled_backends = rbd:rbd\nshow_image_direct_url = true\n"))
        #expect(glance.contains("[rbd]\nrbd_store_pool = images\nrbd_store_user = glance\nrbd_store_ceph_conf = /lab/etc/ceph/ceph.conf\n"))
        // Nova keeps the fake virt driver.
        #expect(Self.file("etc/nova/nova.conf", settings)?.contains("compute_driver = fake.FakeDriverWithoutFakeNodes\n") == true)
        #expect(LabConfigRenderer(settings: settings).volumeTypes.map { "\($0.0)=\($0.1)" } == ["ssd=rbd-1", "hdd=rbd-hdd"])
    }

    @Test func withoutCephCinderKeepsTheFakeDriver() throws {
        let settings = Self.settings(ceph: nil)
        let cinder = try #require(Self.file("etc/cinder/cinder.conf", settings))
        #expect(cinder.contains("enabled_backends = fake\n") && cinder.contains("FakeLoggingVolumeDriver"))
        #expect(!cinder.contains("rbd") && !cinder.contains("backup_driver"))
        #expect(Self.file("etc/glance/glance-api.conf", settings)?.contains("enabled_backends = file:file\n") == true)
        #expect(LabConfigRenderer(settings: settings).files().allSatisfy { !$0.path.hasPrefix("etc/ceph/") })
        #expect(!LabConfigRenderer(settings: settings).daemonProcesses(.cinder).map(\.name).contains("cinder-backup"))
    }

    @Test func clientFilesStayInTheLabHomeAndKeyringsArePrivate() throws {
        let design = try Self.example()
        let settings = Self.settings(ceph: design.settings(ports: LabPorts(offset: 3000)))
        let files = LabConfigRenderer(settings: settings).files().filter { $0.path.hasPrefix("etc/ceph/") }
        #expect(files.map(\.path).sorted() == ["etc/ceph/ceph.client.cinder-backup.keyring", "etc/ceph/ceph.client.cinder.keyring",
                                               "etc/ceph/ceph.client.glance.keyring", "etc/ceph/ceph.conf"])
        for file in files where file.path.hasSuffix(".keyring") {
            #expect(file.mode == 0o600)
            let client = String(file.path.dropFirst("etc/ceph/ceph.".count).dropLast(".keyring".count))
            #expect(file.contents == "[\(client)]\n\tkey = \(design.keys.key(for: client)!)\n")
        }
        let conf = try #require(files.first { $0.path == "etc/ceph/ceph.conf" }).contents
        #expect(conf.contains("mon_host = [v2:127.0.0.1:6300,v1:127.0.0.1:9789]\n"))
        #expect(conf.contains("keyring = /lab/etc/ceph/ceph.$name.keyring\n"))
        #expect(!conf.contains("/etc/ceph/ceph.client") || conf.contains("/lab/etc/ceph"))
        #expect(!conf.contains("/var/"))
    }

    @Test func cinderDaemonsSeeTheLabKeyringsThroughAMountNamespace() throws {
        let ceph = try Self.example().settings(ports: LabPorts(offset: 3000))
        let daemons = LabConfigRenderer(settings: Self.settings(ceph: ceph)).daemonProcesses(.cinder)
        #expect(daemons.map(\.name) == ["cinder-scheduler", "cinder-volume", "cinder-backup"])
        let backup = try #require(daemons.last)
        #expect(Array(backup.command.prefix(5)) == ["unshare", "--mount", "--propagation", "private", "/bin/sh"])
        #expect(backup.command.contains("/lab/etc/ceph"))
        #expect(Array(backup.command.suffix(3)) == ["/venv/bin/cinder-backup", "--config-file", "/lab/etc/cinder/cinder.conf"])
        #expect(daemons.first?.command.first == "/venv/bin/cinder-scheduler")
        // Not root: no namespace (and os-brick then needs the keyring in /etc/ceph).
        let plain = LabConfigRenderer(settings: Self.settings(ceph: ceph, user: "lab")).daemonProcesses(.cinder)
        #expect(plain.allSatisfy { $0.command.first?.hasPrefix("/venv/bin/") == true })
    }

    @Test func labClusterCommandLines() {
        let commands = LabCephCommands(home: "/lab", scripts: "/repo/scripts/ceph")
        let up = commands.up(groups: [.init(deviceClass: "ssd", count: 3), .init(deviceClass: "hdd", count: 4)], hosts: 3,
                             monitorPort: 6300, monitorPortV1: 9789)
        // The script itself, not a shell that first closes every descriptor: lab-cluster.sh closes them for each
        // daemon it starts (the runner's watch descriptor closed early stalls every other command it runs).
        #expect(up == [
            "/repo/scripts/ceph/lab-cluster.sh", "up", "/lab/ceph", "--hosts", "3", "--port-v2", "6300", "--port-v1", "9789",
            "--osd-size", "4G", "--timeout", "300", "--osds", "ssd:3,hdd:4"])
        #expect(commands.ceph(["health"]) == ["timeout", "120", "ceph", "-c", "/lab/ceph/ceph.conf", "--connect-timeout", "10", "health"])
        #expect(commands.pools(script: "/lab/deployment/ceph/pools.sh").environment == ["CEPH_CONF": "/lab/ceph/ceph.conf"])
        #expect(commands.daemonCommand("osd.4") == ["ceph-osd", "-c", "/lab/ceph/ceph.conf", "-f", "-i", "4"])
        #expect(LabCephCommands.processName("mon.a") == "ceph-mon.a")
    }

    @Test func addingAnOSDKeepsTheOthersAndTheTierOrder() {
        let existing = LabCephCommands.osdClasses([(0, "ssd"), (1, "ssd"), (2, "ssd"), (3, "hdd"), (4, "hdd"), (5, "hdd")])
        #expect(LabCephCommands.groups(adding: "hdd", to: existing, order: ["ssd", "hdd"])
                == [.init(deviceClass: "ssd", count: 3), .init(deviceClass: "hdd", count: 4)])
        #expect(LabCephCommands.groups(adding: "nvme", to: existing, order: ["ssd", "hdd"]).last == .init(deviceClass: "nvme", count: 1))
    }

    @Test func statusFromCephsJSON() throws {
        let status = """
            {"fsid":"x","health":{"status":"HEALTH_WARN","checks":{"OSD_DOWN":{"severity":"HEALTH_WARN","summary":{"message":"1 osds down","count":1}}},"mutes":[]},
             "pgmap":{"pgs_by_state":[{"state_name":"active+clean","count":250},{"state_name":"active+undersized+degraded","count":7}],
                      "num_pgs":257,"num_pools":6,"bytes_used":1825361100,"bytes_total":25769803776}}
            """
        let tree = """
            {"nodes":[{"id":-1,"name":"default","type":"root","children":[-3]},
                      {"id":-3,"name":"lab-host-0","type":"host","children":[3,0]},
                      {"id":0,"device_class":"ssd","name":"osd.0","type":"osd","status":"up"},
                      {"id":3,"device_class":"hdd","name":"osd.3","type":"osd","status":"down"}],"stray":[]}
            """
        let df = """
            {"stats":{"total_bytes":25769803776,"total_avail_bytes":23944442676,"total_used_raw_bytes":1825361100},
             "pools":[{"name":"volumes","id":2,"stats":{"stored":8388608,"objects":5}}]}
            """
        let parsed = try LabCephStatus.parse(status: "warning: ignored\n" + status, tree: tree, df: df)
        #expect(parsed.health == "HEALTH_WARN" && parsed.checks == ["OSD_DOWN: 1 osds down"])
        #expect(parsed.osds.map(\.id) == [0, 3] && parsed.osdsUp == 1)
        #expect(parsed.osds.last?.host == "lab-host-0" && parsed.osds.last?.deviceClass == "hdd")
        #expect(!parsed.activeClean && parsed.placementGroups == 257)
        #expect(parsed.pools == [.init(name: "volumes", storedBytes: 8_388_608, objects: 5)])
        #expect(parsed.text.contains("OSDs: 1/2 up (hdd 0/1, ssd 1/1); down: osd.3"))
        #expect(parsed.text.contains("raw:  1.7 GiB used of 24.0 GiB"))
        #expect(throws: LabCephStatus.ParseError.self) { _ = try LabCephStatus.parse(status: "Error: no monitor", tree: tree, df: df) }
    }

    /// The wait after pools.sh reads only `ceph status`: one `ceph` call a look instead of three.
    @Test func activeCleanFromTheStatusAlone() throws {
        func status(_ states: [(String, Int)], total: Int) -> String {
            let entries = states.map { "{\"state_name\":\"\($0.0)\",\"count\":\($0.1)}" }.joined(separator: ",")
            return "{\"health\":{\"status\":\"HEALTH_OK\"},\"pgmap\":{\"pgs_by_state\":[\(entries)],\"num_pgs\":\(total)}}"
        }
        #expect(try LabCephStatus.activeClean(status: status([("active+clean", 129)], total: 129)))
        #expect(try !LabCephStatus.activeClean(status: status([("active+clean", 120), ("peering", 9)], total: 129)))
        // States that do not add up to the PGs in all are not "every PG active+clean".
        #expect(try !LabCephStatus.activeClean(status: status([("active+clean", 1)], total: 33)))
        #expect(try !LabCephStatus.activeClean(status: status([], total: 0)))
        #expect(throws: LabCephStatus.ParseError.self) { _ = try LabCephStatus.activeClean(status: "Error: no monitor") }
    }

    /// `ceph df` and `ceph osd df` of the example's lab just after `lab up` (Ceph 16.2.15, 3 ssd + 3 hdd OSDs
    /// of 4 GiB, 2026-11-30), trimmed to the fields the comparison reads.
    static var upDF: [String: Any] { [
        "stats_by_class": ["ssd": ["total_bytes": 12_884_901_888, "total_used_raw_bytes": 940_511_232],
                           "hdd": ["total_bytes": 12_884_901_888, "total_used_raw_bytes": 915_247_104]],
        "pools": [["name": "images", "stats": ["max_avail": 3_766_711_040]], ["name": "vms", "stats": ["max_avail": 3_766_711_040]],
                  ["name": "volumes", "stats": ["max_avail": 3_766_711_040]], ["name": "volumes-hdd", "stats": ["max_avail": 3_775_136_512]],
                  ["name": "backups", "stats": ["max_avail": 3_775_136_512]]],
    ] }
    static func osdDF(_ utilisation: [(String, Double)]) -> [String: Any] {
        ["nodes": utilisation.map { ["device_class": $0.0, "utilization": $0.1] }]
    }
    static let labOSDs = (0..<6).map { LabCephCapacity.OSD(id: $0, deviceClass: $0 < 3 ? "ssd" : "hdd", host: "lab-host-\($0 % 3)") }

    @Test func thePlansCapacityForTheLabsLayoutAgreesWithCephDF() throws {
        let design = try Self.example()
        let capacity = LabCephCapacity.compare(
            design: design.ceph, poolTiers: Dictionary(uniqueKeysWithValues: design.layout.pools.map { ($0.name, $0.tier.name) }),
            osds: Self.labOSDs, osdBytes: LabCephCommands.osdBytes, df: Self.upDF,
            osdDF: Self.osdDF([("ssd", 7.3), ("ssd", 7.3), ("ssd", 7.3), ("hdd", 7.1), ("hdd", 7.1), ("hdd", 7.1)]), fullRatio: 0.95)
        let ssd = try #require(capacity.tiers.first { $0.name == "ssd" })
        #expect(ssd.planRawBytes == 3 * (4 << 30) && ssd.cephRawBytes == ssd.planRawBytes)
        #expect(ssd.planUsableBytes == 4 << 30)
        #expect(ssd.pools == ["images", "vms", "volumes"])
        #expect(ssd.cephMaxAvailBytes == 3_766_711_040)
        #expect(ssd.agrees && capacity.agrees)
        #expect(capacity.text.contains("ssd (ssd, 3 OSDs, 3× replication): raw plan 12.0 GiB, ceph 12.0 GiB"))

        // One OSD fewer in the plan than Ceph counts: the raw bytes differ by a third, and it says so.
        let missing = LabCephCapacity.compare(
            design: design.ceph, poolTiers: ["volumes": "ssd"], osds: Array(Self.labOSDs.dropFirst()), osdBytes: LabCephCommands.osdBytes,
            df: Self.upDF, osdDF: Self.osdDF([]), fullRatio: 0.95)
        #expect(!(missing.tiers.first { $0.name == "ssd" }?.rawAgrees ?? true) && !missing.agrees)
        #expect(missing.text.contains("DIFFERS"))

        // A max_avail far below what the full ratio, the raw used and the fullest OSD explain is outside.
        var low = Self.upDF
        low["pools"] = [["name": "volumes", "stats": ["max_avail": 1_000_000_000]]]
        let outside = LabCephCapacity.compare(design: design.ceph, poolTiers: ["volumes": "ssd"], osds: Self.labOSDs,
                                              osdBytes: LabCephCommands.osdBytes, df: low, osdDF: Self.osdDF([]), fullRatio: 0.95)
        #expect(!(outside.tiers.first { $0.name == "ssd" }?.usableAgrees ?? true) && outside.text.contains("OUTSIDE"))
    }

    @Test func drillPassesOnlyWithNoFailedWriteIntactDataAndAHealedCluster() {
        let line = #"{"started": 1.0, "seconds": 45.1, "writes": 4247, "failed_writes": 0, "failures": [], "writes_per_second": 106.0, "longest_write_seconds": 2.25, "writes_over_1s": [{"at": 10.2, "seconds": 2.25}], "blocks_read_back": 4096, "blocks_corrupt": 0, "intact": true}"#
        let writes = OSDDrillReport.Writes(json: try! JSONSerialization.jsonObject(with: Data(line.utf8)) as! [String: Any])
        #expect(writes.writes == 4247 && writes.longestWriteSeconds == 2.25 && writes.writesOverOneSecond == 1 && writes.intact)
        func report(_ writes: OSDDrillReport.Writes?, clean: Double?) -> OSDDrillReport {
            OSDDrillReport(runID: "r", osd: "osd.0", deviceClass: "ssd", volume: "v", image: "volumes/volume-v", action: "SIGKILL",
                           writes: writes, markedDownSeconds: 2, osdDownSeconds: 30, recoverySeconds: clean.map { $0 - 10 },
                           killToCleanSeconds: clean, api: DrillWindow(requests: 10, failed: 0, unavailableSeconds: 0, firstError: nil),
                           apiRequests: [:], apiFailures: [:], healthAfter: "HEALTH_OK", notes: [])
        }
        #expect(report(writes, clean: 46).passed)
        #expect(!report(writes, clean: nil).passed)
        #expect(!report(nil, clean: 46).passed)
        #expect(report(writes, clean: nil).text.contains("FAILED: the PGs did not all become active+clean"))
        #expect(report(writes, clean: 46).text.contains("longest 2.25 s (the stall)"))
    }

    @Test func stateWithoutCephStillDecodes() throws {
        let old = #"{"blueprint":"trial","portOffset":10000,"prepared":[],"processes":[],"release":"2026.2"}"#
        let state = try LabJSON.decode(LabState.self, from: Data(old.utf8))
        #expect(state.ceph == nil)
    }
}
