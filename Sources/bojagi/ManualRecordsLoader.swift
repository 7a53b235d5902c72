import BojagiCore
import BojagiLab
import BojagiOpenStack
import Foundation

/// Reads the lab's and verify's records for the manual: the HA lab's failover drill, the single-node lab's OSD
/// drill and Tempest's latest report, each the JSON its command saved. A missing file is "not measured yet";
/// a file that cannot be read is an error naming it.
struct ManualRecordsLoader {
    /// `$BOJAGI_HOME/ha-lab`: `drill/latest.json`, `drill/add-host-latest.json`, `drill/remove-host-latest.json`,
    /// `drill/upgrade-latest.json`.
    let haLab: URL
    /// `$BOJAGI_HOME/lab/<name>`: `drill/osd-latest.json`.
    let lab: URL
    /// `$BOJAGI_HOME/records/<cloud>`: `tempest-latest.json`.
    let records: URL

    func load() throws -> MeasuredRecords {
        let failoverFile = haLab.appendingPathComponent("drill/latest.json")
        let osdFile = lab.appendingPathComponent("drill/osd-latest.json")
        let tempestFile = records.appendingPathComponent("tempest-latest.json")
        let scaleFiles = ["add-host", "remove-host"].map { haLab.appendingPathComponent("drill/\($0)-latest.json") }
        let upgradeFile = haLab.appendingPathComponent(UpgradeDrillReport.latestName)
        var measured = MeasuredRecords(searched: [failoverFile.path, osdFile.path, tempestFile.path] + scaleFiles.map(\.path) + [upgradeFile.path])
        if let report = try decode(UpgradeDrillReport.self, upgradeFile) {
            let longest = report.probe?.window.apis.max { $0.longestGapSeconds < $1.longestGapSeconds }
            measured.upgrade = .init(runID: report.runID, source: upgradeFile.path, from: report.from, to: report.to, seconds: report.stepSeconds,
                                     apiRequests: report.apiRequests, apiFailed: report.apiFailed, longestGapSeconds: longest?.longestGapSeconds ?? 0,
                                     longestGapAPI: longest?.name, dataChecks: report.data.count, dataLost: report.data.filter { !$0.ok }.count,
                                     passed: report.passed)
        }
        for file in scaleFiles {
            guard let report = try decode(ScaleReport.self, file) else { continue }
            let run = MeasuredRecords.Scale(operation: report.operation.rawValue, runID: report.runID, source: file.path, host: report.host,
                                            seconds: report.seconds, apiRequests: report.apiRequests, apiFailed: report.apiFailed,
                                            servers: report.servers.count, passed: report.passed)
            if report.operation == .addHost { measured.addHost = run } else { measured.removeHost = run }
        }
        if let drill = try decode(DrillReport.self, failoverFile) {
            measured.failover = .init(runID: drill.runID, source: failoverFile.path, passed: drill.passed, seconds: drill.seconds,
                                      faults: drill.faults.map { fault in
                .init(name: fault.name, target: fault.target, apiDownSeconds: fault.api.unavailableSeconds, failedRequests: fault.api.failed,
                      requests: fault.api.requests, vipMoveSeconds: fault.vipMoveSeconds, dataKept: fault.dataKept, healed: fault.healed,
                      healSeconds: fault.healSeconds,
                      apiResolutionSeconds: fault.api.apis.isEmpty ? nil : fault.api.resolutionSeconds, judged: fault.judged)
            })
        }
        if let osd = try decode(OSDDrillReport.self, osdFile) {
            measured.osd = .init(runID: osd.runID, source: osdFile.path, osd: osd.osd, deviceClass: osd.deviceClass,
                                 writes: osd.writes?.writes ?? 0, failedWrites: osd.writes?.failedWrites ?? 0,
                                 longestWriteSeconds: osd.writes?.longestWriteSeconds ?? 0, intact: osd.writes?.intact ?? false,
                                 passed: osd.passed)
        }
        if let tempest = try decode(TempestReport.self, tempestFile) {
            measured.tempest = .init(date: tempest.date, source: tempestFile.path, selection: tempest.selection,
                                     passed: tempest.counts.passed, failed: tempest.counts.failed, skipped: tempest.counts.skipped,
                                     seconds: tempest.seconds, verdict: tempest.passed)
        }
        return measured
    }

    private func decode<T: Decodable>(_ type: T.Type, _ file: URL) throws -> T? {
        guard FileManager.default.fileExists(atPath: file.path) else { return nil }
        do {
            return try JSON.decode(T.self, from: Data(contentsOf: file))
        } catch {
            throw CommandFailure("cannot read \(file.path): \(error.localizedDescription)\n  fix: run the command that writes it again, or move the file away")
        }
    }
}
