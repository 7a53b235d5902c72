import Foundation
import Testing
@testable import BojagiServe

/// add-host and remove-host reports land in the HA lab's drill directory beside the drill's; the runs page
/// lists them by kind with their top-level figures.
@Suite struct ScaleRecordsTests {
    @Test func scaleReportsAreListedBesideTheDrill() throws {
        let home = FileManager.default.temporaryDirectory.appendingPathComponent("bojagi-scale-runs-\(UUID().uuidString)")
        let drill = home.appendingPathComponent("ha-lab/drill")
        try FileManager.default.createDirectory(at: drill, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: home) }
        let report = #"{"operation": "add-host", "host": "cmp2", "passed": true, "seconds": 48.25, "api_requests": 180, "api_failed": 0, "steps": [{}, {}]}"#
        for name in ["add-host-20261130T120000Z.json", "add-host-latest.json", "remove-host-20261130T121000Z.json", "drill-20261130T110000Z.json",
                     "queue-20261130T110000Z.jsonl", "other.json"] {
            try Data(report.utf8).write(to: drill.appendingPathComponent(name))
        }
        let runs = RunRecords(home: home).list()
        #expect(runs.map(\.kind).sorted() == ["drill", "lab add-host", "lab remove-host"])
        let added = try #require(runs.first { $0.kind == "lab add-host" })
        #expect(added.file == "ha-lab/drill/add-host-20261130T120000Z.json" && added.target == "ha-lab")
        #expect(added.figures["api_failed"] == "0" && added.figures["host"] == "cmp2" && added.figures["steps"] == "2 items")
    }

    @Test func upgradeReportsAreListedButNotItsResumeRecord() throws {
        let home = FileManager.default.temporaryDirectory.appendingPathComponent("bojagi-upgrade-runs-\(UUID().uuidString)")
        let drill = home.appendingPathComponent("ha-lab/drill")
        try FileManager.default.createDirectory(at: drill, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: home) }
        let report = #"{"from": "2026.1", "to": "2026.2", "passed": true, "step_seconds": 412.5, "api_requests": 6400, "api_failed": 3, "data": [{}, {}]}"#
        for name in ["upgrade-20261130-170000.json", "upgrade-latest.json"] { try Data(report.utf8).write(to: drill.appendingPathComponent(name)) }
        try Data("{}".utf8).write(to: home.appendingPathComponent("ha-lab/upgrade-progress.json"))
        let runs = RunRecords(home: home).list()
        #expect(runs.map(\.kind) == ["drill upgrade"])
        let upgrade = try #require(runs.first)
        #expect(upgrade.file == "ha-lab/drill/upgrade-20261130-170000.json" && upgrade.figures["to"] == "2026.2")
        #expect(upgrade.figures["api_failed"] == "3" && upgrade.figures["step_seconds"] == "412.50" && upgrade.figures["data"] == "2 items")
    }
}
