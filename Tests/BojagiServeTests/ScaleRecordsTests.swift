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
}
