import Foundation
import Testing
import BojagiCore
@testable import BojagiLab
import BojagiTestSupport

/// `lab add-osd --ha`: storage grown by a host — the new bucket on lab-cluster.sh's command line, the storage nodes
/// the next `up` brings back, and the report's verdicts.
@Suite("HA lab add-osd")
struct HALabAddOSDTests {
    static let lab = HALabCephTests.lab
    static let ceph = HALabCephTests.ceph

    @Test func theNewOSDGoesOnANewHostBucketOfItsOwn() {
        let storage = Self.lab.storageNodes(Self.ceph)
        let added = HALabTopology.standard.storage(count: storage.count + 1).last!
        #expect((added.name, added.namespace, added.address) == ("sto4", "bjsto4", "10.99.0.34"))
        let command = Self.lab.cephCommands(scripts: "/repo/scripts/ceph").up(
            groups: LabCephCommands.groups(adding: "ssd", to: ["ssd": 3, "hdd": 3], order: ["ssd", "hdd"]),
            monitors: HALabTopology.standard.nodes.map(HALab.placement), hosts: storage.map(HALab.placement), adding: HALab.placement(added))
        #expect(command.suffix(4) == ["--osds", "ssd:4,hdd:3", "--add-host", "sto4@bjsto4@10.99.0.34"])
        #expect(!Self.lab.cephUpCommand(Self.ceph).contains("--add-host"), "a plain up adds no host bucket")
    }

    @Test func upBringsBackTheStorageNodesAddOSDAdded() {
        #expect(Self.lab.storageNodes(Self.ceph, kept: 4).map(\.name) == ["sto1", "sto2", "sto3", "sto4"])
        #expect(Self.lab.storageNodes(Self.ceph, kept: 1).count == Self.ceph.design.hostBuckets, "never fewer than the design needs")
        #expect(Self.lab.storageNodes(Self.ceph, kept: nil).count == Self.ceph.design.hostBuckets)
    }

    @Test func downWithoutWipeKeepsTheStorageNodes() async throws {
        let home = FileManager.default.temporaryDirectory.appendingPathComponent("bojagi-ha-add-osd-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: home) }
        var state = HALabState()
        state.namespaces = ["bjhub", "bjctl1", "bjsto4"]
        state.ceph = .init(storage: ["sto1", "sto2", "sto3", "sto4"], classes: ["ssd"], design: Self.ceph.design.ceph,
                           poolTiers: Self.ceph.design.poolTiers)
        state.processes.append(.init(service: "ceph-osd.3", node: "sto4", pid: 13))
        try DirectoryWriter().write([state.file()], to: home)
        let runner = HALabDownTests.FakeRunner(alive: [13], namespaces: ["bjhub", "bjctl1", "bjsto4"])
        try await HALab(home: home.path, venv: "/v", runner: runner, secretSource: CountingSecretSource()).down(wipe: false)
        let kept = try #require(HALabState.load(home: home.path))
        #expect(kept.processes.isEmpty && kept.namespaces.isEmpty)
        #expect(kept.ceph?.storage == ["sto1", "sto2", "sto3", "sto4"])
        #expect(kept.ceph?.poolTiers == Self.ceph.design.poolTiers)
    }

    static func report(autoscaled: Int = 7, errors: [(String, Bool)]) -> HALab.AddOSDReport {
        let samples = errors.enumerated().map { index, sample in
            DrillSample(time: 100 + Double(index), ok: sample.1, error: sample.1 ? nil : sample.0, seconds: 0.1, service: "glance")
        }
        let result = Lab.AddOSDResult(osd: "osd.3", deviceClass: "ssd", host: "sto4", upSeconds: 21, rebalanceSeconds: 48,
                                      placementGroupsOnNewOSD: 40, rawBytesBefore: 3 << 32, rawBytesAfter: 4 << 32,
                                      autoscaledPools: autoscaled, pools: 7, capacity: nil)
        return HALab.AddOSDReport(runID: "20261130-160000", storageHost: "sto4", namespace: "bjsto4", address: "10.99.0.34", result: result,
                                  probe: ScaleReport.Probe(description: "probe", samples: samples, from: 100, to: 200))
    }

    @Test func aTimeoutIsCountedApartFromABrokenService() throws {
        let report = Self.report(errors: [("", true), ("glance: The request timed out.", false), ("glance: HTTP 503", false), ("", true)])
        #expect(report.probe.window.failed == 2)
        #expect(report.probe.brokenRequests == 1, "the 503, not the timeout")
        #expect(report.text.contains("1× glance: HTTP 503") && report.text.contains("1× glance: The request timed out."))
        let decoded = try JSON.decode(HALab.AddOSDReport.self, from: Data(try JSON.encode(report).utf8))
        #expect(decoded.probe.brokenRequests == 1 && decoded.storageHost == "sto4")
    }

    @Test func aPoolTheAutoscalerSkipsFailsTheReport() {
        #expect(Self.report(errors: []).passed)
        let skipped = Self.report(autoscaled: 6, errors: [])
        #expect(!skipped.passed && skipped.text.contains("FAILED: a pool escapes the autoscaler"))
    }
}
