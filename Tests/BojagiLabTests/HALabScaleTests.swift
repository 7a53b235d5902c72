import Foundation
import Testing
@testable import BojagiLab
import BojagiCore
import BojagiOpenStack

/// add-host and remove-host: the rules decided before the lab changes, the scaled topology, the pid comparison
/// and the report.
@Suite struct HALabScaleTests {
    static let standard = HALabTopology.standard

    static func refusal(_ body: () throws -> HALabNode) -> HALabScaleRules.Refusal? {
        do {
            _ = try body()
            return nil
        } catch let refusal as HALabScaleRules.Refusal {
            return refusal
        } catch {
            return nil
        }
    }

    @Test func newComputeIsTheNextOrTheNamedOne() throws {
        let next = try HALabScaleRules.newCompute(named: nil, topology: Self.standard)
        #expect(next == HALabNode(index: 2, address: "10.99.0.22", role: .compute))
        #expect(next.namespace == "bjcmp2")
        #expect(try HALabScaleRules.newCompute(named: "cmp7", topology: Self.standard).address == "10.99.0.27")
        for bad in ["cmp1", "ctl4", "cmp0", "cmp01", "cmp90", "compute2", "cmp"] {
            #expect(Self.refusal { try HALabScaleRules.newCompute(named: bad, topology: Self.standard) } != nil, "\(bad)")
        }
        #expect(Self.refusal { try HALabScaleRules.newCompute(named: "cmp1", topology: Self.standard) }?.message.contains("already a node") == true)
    }

    @Test func aControllerIsNeverRemovedForQuorum() {
        let refusal = Self.refusal {
            try HALabScaleRules.removable("ctl2", topology: Self.standard, servers: [], takers: ["cmp1"], volumes: [], deleteServers: true)
        }
        #expect(refusal?.message.contains("majority") == true)
        #expect(refusal?.message.contains("(2 of 3)") == true)
        #expect(refusal?.fix.contains("remove a compute node (cmp1)") == true)
    }

    @Test func theLastComputeAndStrandedWorkloadsAreRefused() throws {
        let two = Self.standard.with(compute: HALabNode(index: 2, address: "10.99.0.22", role: .compute))
        let active = HALabScaleRules.Server(id: "1111aaaa-0000", name: "web1", status: "ACTIVE")
        let broken = HALabScaleRules.Server(id: "2222bbbb-0000", name: "db1", status: "ERROR")
        func check(_ topology: HALabTopology, servers: [HALabScaleRules.Server] = [], takers: [String] = ["cmp1"], volumes: [String] = [],
                   delete: Bool = false) -> HALabScaleRules.Refusal? {
            Self.refusal { try HALabScaleRules.removable("cmp2", topology: topology, servers: servers, takers: takers, volumes: volumes, deleteServers: delete) }
        }
        #expect(Self.refusal { try HALabScaleRules.removable("cmp1", topology: Self.standard, servers: [], takers: [], volumes: [], deleteServers: true) }?
            .message.contains("last compute node") == true)
        #expect(Self.refusal { try HALabScaleRules.removable("cmp9", topology: two, servers: [], takers: [], volumes: [], deleteServers: false) }?
            .fix.contains("cmp1, cmp2") == true)
        #expect(check(two, servers: [active], takers: [])?.message.contains("no other compute host up and enabled") == true)
        #expect(check(two, servers: [active], takers: [], delete: true) == nil)
        #expect(check(two, servers: [broken])?.message.contains("db1 (2222bbbb, ERROR)") == true)
        #expect(check(two, servers: [broken], delete: true) == nil)
        #expect(check(two, volumes: ["vol1"])?.message.contains("1 volume (vol1) is served by cmp2's cinder-volume") == true)
        #expect(check(two, volumes: ["vol1"], delete: true) != nil)
        #expect(check(two, servers: [active]) == nil)
        #expect(try HALabScaleRules.removable("cmp2", topology: two, servers: [], takers: [], volumes: [], deleteServers: false).address == "10.99.0.22")
    }

    @Test func theTopologyKeepsWhatAddHostAndRemoveHostChanged() {
        var computes = HALabState.ScaledComputes()
        #expect(Self.standard.scaled(nil) == Self.standard)
        #expect(Self.standard.scaled(computes) == Self.standard)
        computes.added = [.init(node: HALabNode(index: 3, address: "10.99.0.23", role: .compute), blueprintHost: "cmp03")]
        #expect(Self.standard.scaled(computes).computes.map(\.name) == ["cmp1", "cmp3"])
        computes.removed = ["cmp1"]
        #expect(Self.standard.scaled(computes).computes.map(\.name) == ["cmp3"])
        #expect(Self.standard.scaled(computes).nodes == Self.standard.nodes)
    }

    @Test func aStateWrittenBeforeScalingStillLoads() throws {
        let home = FileManager.default.temporaryDirectory.appendingPathComponent("bojagi-scale-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: home, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: home) }
        let old = #"{"namespaces": ["bjhub"], "processes": [{"service": "memcached", "node": "ctl1", "pid": 42}], "components": ["keystone"], "prepared": []}"#
        try Data(old.utf8).write(to: home.appendingPathComponent("state.json"))
        let state = try #require(HALabState.load(home.appendingPathComponent("state.json").path))
        #expect(state.computes == nil && state.processes.count == 1)
        var scaled = state
        scaled.computes = HALabState.ScaledComputes()
        scaled.computes?.added = [.init(node: HALabNode(index: 2, address: "10.99.0.22", role: .compute), blueprintHost: nil)]
        try Data(try JSON.encode(scaled).utf8).write(to: home.appendingPathComponent("state.json"))
        #expect(HALabState.load(home.appendingPathComponent("state.json").path) == scaled)
        let lab = HALab(home: home.path, venv: "/v", runner: SystemProcessRunner(), secretSource: CryptoSecretSource())
        #expect(lab.topology.computes.map(\.name) == ["cmp1", "cmp2"])
        #expect(lab.commands.topology.computes.map(\.name) == ["cmp1", "cmp2"])
    }

    @Test func restartsAreFoundOutsideTheChangedNode() {
        let before = [HALabState.Process(service: "mariadb", node: "ctl1", pid: 10), HALabState.Process(service: "keystone", node: "ctl2", pid: 11),
                      HALabState.Process(service: "nova-compute", node: "cmp2", pid: 12)]
        #expect(HALab.restarted(before: before, after: before, ignoring: "cmp2") == (2, []))
        let after = [HALabState.Process(service: "mariadb", node: "ctl1", pid: 20), HALabState.Process(service: "nova-compute", node: "cmp2", pid: 30)]
        #expect(HALab.restarted(before: before, after: after, ignoring: "cmp2") == (2, ["ctl1/mariadb", "ctl2/keystone"]))
    }

    @Test func theReportRoundTripsAndReads() throws {
        let samples = [DrillSample(time: 100, ok: true, seconds: 0.1, service: "nova"), DrillSample(time: 100.5, ok: false, error: "nova: 503", seconds: 0.2, service: "nova"),
                       DrillSample(time: 101, ok: true, seconds: 0.4, service: "glance"), DrillSample(time: 200, ok: false, service: "nova")]
        let probe = ScaleReport.Probe(description: "every 250 ms", samples: samples, from: 100, to: 150)
        #expect(probe.window.requests == 3 && probe.window.failed == 1 && probe.requests == ["nova": 2, "glance": 1] && probe.failures == ["nova": 1])
        let report = ScaleReport(operation: .addHost, runID: "20261130-120000", host: "cmp2", blueprintHost: "cmp03", blueprint: "/lab/blueprint.yaml",
                                 engineSteps: ["bootstrap-servers --limit cmp03"], steps: [.init(name: "network", seconds: 0.4, detail: "namespace bjcmp2")],
                                 servers: [.init(id: "abcdef123456", name: "proof", from: "cmp2", to: "cmp2", action: "booted", seconds: 6)],
                                 probe: probe, otherProcesses: 40, restarted: [], seconds: 55)
        let json = try JSON.encode(report)
        #expect(try JSON.decode(ScaleReport.self, from: Data(json.utf8)) == report)
        #expect(json.contains(#""api_failed" : 1"#) || json.contains(#""api_failed": 1"#))
        #expect(report.passed && report.fileName == "drill/add-host-20261130-120000.json" && report.latestName == "drill/add-host-latest.json")
        let text = report.text
        #expect(text.contains("bojagi lab add-host cmp2 (blueprint host cmp03)"))
        #expect(text.contains("1 failed of 3 requests") && text.contains("failed by API: nova 1"))
        #expect(text.contains("Nothing else restarted: the 40 other processes"))
        #expect(text.contains("abcdef12"))
        let failed = ScaleReport(operation: .removeHost, runID: "r", host: "cmp2", blueprintHost: nil, blueprint: nil, engineSteps: [], steps: [],
                                 servers: [], probe: nil, otherProcesses: 40, restarted: ["ctl1/mariadb"], seconds: 1)
        #expect(!failed.passed && failed.text.contains("RESTARTED OR STOPPED: ctl1/mariadb") && failed.text.contains("FAILED"))
    }
}
