import Foundation
import Testing
import BojagiCore
@testable import BojagiOpenStack
@testable import BojagiLab
import BojagiTestSupport

/// The blueprint's Ceph in the HA lab: where its daemons run, the command line that starts them, what each node's
/// Cinder and Glance are given, what `status` makes of the cluster and the order `down` stops it in.
@Suite("HA lab Ceph")
struct HALabCephTests {
    static let components = HALabOpenStackTests.components
    static let lab = HALabOpenStackTests.lab
    static let ceph = HALabCeph(design: try! LabCephTests.example(), scripts: "/repo/scripts/ceph")
    static let settings = lab.cephSettings(ceph)
    static let files = try! lab.openstackFiles(components: components, secrets: HALabOpenStackTests.secrets, ceph: settings)

    static func lines(_ path: String) throws -> [String] {
        let file = try #require(files.first { $0.path == path }, "no \(path)")
        return file.contents.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
    }

    @Test func storageNodesAreNamespacesOfTheirOwnOnTheBridge() {
        let storage = HALabTopology.standard.storage(count: 3)
        #expect(storage.map(\.name) == ["sto1", "sto2", "sto3"])
        #expect(storage.map(\.namespace) == ["bjsto1", "bjsto2", "bjsto3"])
        #expect(storage.map(\.address) == ["10.99.0.31", "10.99.0.32", "10.99.0.33"])
        #expect(!HALabTopology.standard.allNodes.contains { $0.role == .storage }, "they run no OpenStack service")
        #expect((HALabTopology.standard.allNodes + storage).sorted().map(\.name) == ["ctl1", "ctl2", "ctl3", "cmp1", "sto1", "sto2", "sto3"])
        #expect(Self.lab.storageNodes(Self.ceph).count == Self.ceph.design.hostBuckets)
    }

    @Test func aMonitorAndManagerOnEachControllerAndTheOSDsOnTheStorageNodes() {
        let command = Self.lab.cephUpCommand(Self.ceph)
        // The script itself: it closes the runner's descriptors for each daemon it starts, not for itself.
        #expect(command == [
            "/repo/scripts/ceph/lab-cluster.sh", "up", "/srv/ha/ceph",
            "--mons", "ctl1@bjctl1@10.99.0.11,ctl2@bjctl2@10.99.0.12,ctl3@bjctl3@10.99.0.13",
            "--osd-hosts", "sto1@bjsto1@10.99.0.31,sto2@bjsto2@10.99.0.32,sto3@bjsto3@10.99.0.33",
            "--port-v2", "3300", "--port-v1", "6789", "--osd-size", "4G", "--timeout", "300", "--osds", "ssd:3,hdd:3",
        ])
    }

    @Test func clientsListEveryMonitor() throws {
        #expect(Self.settings.monHost == "[v2:10.99.0.11:3300,v1:10.99.0.11:6789],[v2:10.99.0.12:3300,v1:10.99.0.12:6789],[v2:10.99.0.13:3300,v1:10.99.0.13:6789]")
        for node in HALabTopology.standard.allNodes {
            let conf = try Self.lines("openstack/\(node.name)/etc/ceph/ceph.conf")
            #expect(conf.contains("mon_host = \(Self.settings.monHost)"))
            #expect(conf.contains("keyring = /srv/ha/openstack/\(node.name)/etc/ceph/ceph.$name.keyring"))
        }
    }

    @Test func eachNodeHoldsOnlyTheKeysOfTheClientsItRuns() throws {
        let keyrings = Self.files.filter { $0.path.hasSuffix(".keyring") }
        #expect(keyrings.allSatisfy { $0.mode == 0o600 })
        let byNode = Dictionary(grouping: keyrings.map(\.path)) { $0.split(separator: "/")[1] }
        for node in HALabTopology.standard.nodes {
            #expect(byNode[Substring(node.name)] == ["openstack/\(node.name)/etc/ceph/ceph.client.glance.keyring"])
        }
        #expect(byNode["cmp1"]?.sorted() == ["openstack/cmp1/etc/ceph/ceph.client.cinder-backup.keyring", "openstack/cmp1/etc/ceph/ceph.client.cinder.keyring"])
        let glance = try #require(keyrings.first { $0.path == "openstack/ctl2/etc/ceph/ceph.client.glance.keyring" })
        #expect(glance.contents == "[client.glance]\n\tkey = \(Self.settings.keys["client.glance"]!)\n")
    }

    @Test func everyGlanceStoresInTheImagesPoolWithDirectURLs() throws {
        for node in HALabTopology.standard.nodes {
            let glance = try Self.lines("openstack/\(node.name)/etc/glance/glance-api.conf")
            #expect(glance.contains("enabled_backends = rbd:rbd") && glance.contains("show_image_direct_url = true"))
            #expect(glance.contains("rbd_store_pool = images") && glance.contains("rbd_store_user = glance"))
            #expect(glance.contains("rbd_store_ceph_conf = /srv/ha/openstack/\(node.name)/etc/ceph/ceph.conf"))
            #expect(!glance.contains("filesystem_store_datadir = /srv/ha/openstack/data/glance/images"), "no file store for images")
        }
    }

    @Test func cinderOnTheComputeNodeHasABackendPerTierAndBacksUpToCeph() throws {
        let cinder = try Self.lines("openstack/cmp1/etc/cinder/cinder.conf")
        #expect(cinder.contains("enabled_backends = rbd-1,rbd-hdd") && cinder.contains("default_volume_type = ssd"))
        #expect(cinder.contains("rbd_pool = volumes") && cinder.contains("rbd_pool = volumes-hdd"))
        #expect(cinder.contains("backup_ceph_pool = backups") && cinder.contains("backup_ceph_user = cinder-backup"))
        #expect(cinder.contains("rbd_ceph_conf = /srv/ha/openstack/cmp1/etc/ceph/ceph.conf"))
        let register = try #require(Self.files.first { $0.path == "openstack/bin/register.py" })
        #expect(register.contents.contains(#"("hdd", "rbd-hdd")"#), "a volume type per tier")
    }

    @Test func cinderVolumeAndBackupRunOnTheComputeNodeSeeingItsKeyringsAsEtcCeph() {
        let compute = Self.lab.openstackProcesses(on: HALabTopology.standard.computes[0], components: Self.components,
                                                  secrets: HALabOpenStackTests.secrets, ceph: Self.settings)
        #expect(compute.map(\.name) == ["nova-compute", "cinder-volume", "cinder-backup"])
        for process in compute where process.name.hasPrefix("cinder") {
            #expect(Array(process.command.prefix(4)) == ["unshare", "--mount", "--propagation", "private"])
            #expect(process.command.contains("/srv/ha/openstack/cmp1/etc/ceph"))
        }
        let controller = Self.lab.openstackProcesses(on: HALabTopology.standard.nodes[0], components: Self.components,
                                                     secrets: HALabOpenStackTests.secrets, ceph: Self.settings)
        #expect(!controller.contains { $0.name == "cinder-backup" || $0.name == "cinder-volume" })
        #expect(Self.lab.openstackProcesses(on: HALabTopology.standard.storage(count: 1)[0], components: Self.components,
                                            secrets: HALabOpenStackTests.secrets, ceph: Self.settings).isEmpty)
    }

    @Test func withoutCephNothingChanges() throws {
        let files = try Self.lab.openstackFiles(components: Self.components, secrets: HALabOpenStackTests.secrets)
        #expect(!files.contains { $0.path.contains("/etc/ceph/") })
        let compute = Self.lab.openstackProcesses(on: HALabTopology.standard.computes[0], components: Self.components,
                                                  secrets: HALabOpenStackTests.secrets)
        #expect(compute.map(\.name) == ["nova-compute", "cinder-volume"])
    }

    static func cephStatus(quorum: [String], osdsUp: Bool) throws -> LabCephStatus {
        let status = """
            {"health":{"status":"HEALTH_WARN","checks":{}},"quorum_names":[\(quorum.map { "\"\($0)\"" }.joined(separator: ","))],
             "monmap":{"epoch":1,"num_mons":3},"pgmap":{"pgs_by_state":[{"state_name":"active+clean","count":97}],"num_pgs":97}}
            """
        let tree = """
            {"nodes":[{"id":-3,"name":"sto1","type":"host","children":[0]},
                      {"id":0,"device_class":"ssd","name":"osd.0","type":"osd","status":"\(osdsUp ? "up" : "down")"}]}
            """
        return try LabCephStatus.parse(status: status, tree: tree, df: #"{"stats":{"total_bytes":1,"total_used_raw_bytes":0},"pools":[]}"#)
    }

    @Test func statusCountsTheQuorumAndTheOSDs() throws {
        let full = try Self.cephStatus(quorum: ["ctl1", "ctl2", "ctl3"], osdsUp: true)
        #expect(full.monitors == 3 && full.quorum == ["ctl1", "ctl2", "ctl3"] && full.osds.first?.host == "sto1")
        #expect(full.text.contains("mons: 3/3 in quorum (ctl1, ctl2, ctl3)"))
        var status = HALabStatus(processes: [.init(service: "keystone", node: "ctl1", pid: 1, alive: true)], namespaces: ["bjctl1"],
                                 vipHolder: "ctl1", galeraClusterSize: 3, rabbitmqRunningNodes: 3, keystone: true, residentMiB: 1,
                                 upSeconds: nil, keystoneURL: "http://10.99.0.10:5000/v3")
        #expect(status.healthy, "a lab without Ceph")
        status.cephRuns = true
        #expect(!status.healthy && status.text.contains("Ceph: the monitors do not answer"))
        status.ceph = full
        #expect(status.healthy && status.text.contains("  Ceph: HEALTH_WARN") && status.text.contains("    mons: 3/3 in quorum"))
        status.ceph = try Self.cephStatus(quorum: ["ctl2", "ctl3"], osdsUp: true)
        #expect(!status.healthy && status.text.contains("mons: 2/3 in quorum (ctl2, ctl3)"), "a monitor out of the quorum degrades the lab")
        status.ceph = try Self.cephStatus(quorum: ["ctl1", "ctl2", "ctl3"], osdsUp: false)
        #expect(!status.healthy, "an OSD down degrades the lab")
    }

    @Test func downStopsTheServicesThenOSDsManagersAndMonitorsByPID() async throws {
        let home = FileManager.default.temporaryDirectory.appendingPathComponent("bojagi-ha-ceph-down-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: home) }
        var state = HALabState()
        state.namespaces = ["bjhub", "bjctl1", "bjcmp1", "bjsto1"]
        state.ceph = .init(storage: ["sto1"], classes: ["ssd"])
        let nodes = HALabTopology.standard.nodes
        state.record("ceph-mon.ctl1", nodes[0], pid: 11)
        state.record("ceph-mgr.ctl1", nodes[0], pid: 12)
        state.processes.append(.init(service: "ceph-osd.0", node: "sto1", pid: 13))
        state.record("cinder-volume", HALabTopology.standard.computes[0], pid: 21)
        state.record("mariadb", nodes[0], pid: 31)
        for directory in ["ceph/osd/0", "deployment/ceph"] {
            try FileManager.default.createDirectory(at: home.appendingPathComponent(directory), withIntermediateDirectories: true)
        }
        try DirectoryWriter().write([state.file()], to: home)
        let runner = HALabDownTests.FakeRunner(alive: [11, 12, 13, 21, 31], namespaces: ["bjhub", "bjctl1", "bjcmp1", "bjsto1"])
        let lab = HALab(home: home.path, venv: "/v", runner: runner, secretSource: CountingSecretSource())

        try await lab.down(wipe: true)

        #expect(runner.signals.filter { $0.1 == SIGTERM }.map(\.0) == [21, 13, 12, 11, 31])
        #expect(runner.namespaces.isEmpty, "the storage namespace too")
        #expect(!FileManager.default.fileExists(atPath: home.appendingPathComponent("ceph").path), "--wipe removes the cluster's data")
        #expect(!FileManager.default.fileExists(atPath: home.appendingPathComponent("deployment").path))
    }
}
