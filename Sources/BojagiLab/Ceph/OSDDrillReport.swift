import Foundation
import BojagiCore

/// The OSD drill's result: what the writer to a volume's RBD image saw (writes, failures, the longest write —
/// the stall — and the read-back), how long the OSD took to be marked down, to come back and to leave every PG
/// active+clean, and what the API probe saw meanwhile. Saved as JSON in the lab home.
public struct OSDDrillReport: Sendable, Hashable, Codable {
    /// rbd-probe.py's summary (scripts/ceph/rbd-probe.py).
    public struct Writes: Sendable, Hashable, Codable {
        public let writes: Int
        public let failedWrites: Int
        public let writesPerSecond: Double
        /// The longest single 64 KiB write: the time I/O stood still.
        public let longestWriteSeconds: Double
        public let writesOverOneSecond: Int
        public let blocksReadBack: Int
        public let blocksCorrupt: Int
        public let intact: Bool
        public let seconds: Double

        /// From rbd-probe.py's JSON line.
        public init(json: [String: Any]) {
            func number(_ key: String) -> Double { (json[key] as? NSNumber)?.doubleValue ?? 0 }
            writes = Int(number("writes"))
            failedWrites = Int(number("failed_writes"))
            writesPerSecond = number("writes_per_second")
            longestWriteSeconds = number("longest_write_seconds")
            writesOverOneSecond = (json["writes_over_1s"] as? [Any])?.count ?? 0
            blocksReadBack = Int(number("blocks_read_back"))
            blocksCorrupt = Int(number("blocks_corrupt"))
            intact = json["intact"] as? Bool ?? false
            seconds = number("seconds")
        }
    }

    public let runID: String
    public let osd: String
    public let deviceClass: String
    /// The volume written to, and its RBD image.
    public let volume: String
    public let image: String
    public let action: String
    public let writes: Writes?
    public let markedDownSeconds: Double?
    /// The OSD's own downtime: from the kill until it was up again.
    public let osdDownSeconds: Double?
    /// From the restart until every PG was active+clean.
    public let recoverySeconds: Double?
    /// From the kill until every PG was active+clean.
    public let killToCleanSeconds: Double?
    public let api: DrillWindow
    public let apiRequests: [String: Int]
    public let apiFailures: [String: Int]
    public let healthAfter: String
    public let notes: [String]

    /// The drill judges the data path: the writes, the read-back, the OSD's return and the PGs. The API probe is
    /// context (an OSD loss does not touch the APIs it reads; on a loaded 2-core lab its figures measure the
    /// load), so too few API samples is said in the report but does not fail the drill.
    public var failures: [String] {
        guard let writes else { return ["the writer gave no result"] }
        var failures: [String] = []
        if writes.failedWrites > 0 { failures.append("\(writes.failedWrites) writes failed") }
        if !writes.intact { failures.append("\(writes.blocksCorrupt) blocks read back corrupt") }
        if osdDownSeconds == nil { failures.append("\(osd) did not come back up") }
        if killToCleanSeconds == nil { failures.append("the PGs did not all become active+clean") }
        return failures
    }

    public var passed: Bool { failures.isEmpty }

    public var text: String {
        func seconds(_ value: Double?) -> String { value.map { String(format: "%.1f s", $0) } ?? "never" }
        var lines = ["OSD drill \(runID): \(action)"]
        lines.append("  volume \(volume) (RBD image \(image)), written in 64 KiB blocks throughout")
        if let writes {
            lines.append(String(format: "  writes:   %d (%.0f/s), %d failed, longest %.2f s (the stall), %d over 1 s; %d blocks read back, %@",
                                writes.writes, writes.writesPerSecond, writes.failedWrites, writes.longestWriteSeconds,
                                writes.writesOverOneSecond, writes.blocksReadBack, writes.intact ? "all intact" : "\(writes.blocksCorrupt) CORRUPT"))
        } else {
            lines.append("  writes:   no result from the writer")
        }
        lines.append("  \(osd):   marked down after \(seconds(markedDownSeconds)), back up \(seconds(osdDownSeconds)) after the kill")
        lines.append("  PGs:      active+clean \(seconds(recoverySeconds)) after the restart, \(seconds(killToCleanSeconds)) after the kill")
        lines.append(String(format: "  APIs:     %d requests (%.1f/s), %d failed, slowest %.2f s, down %@", api.requests, api.rate, api.failed,
                            api.slowestSeconds, DrillReport.judged(api))
                     + (apiFailures.isEmpty ? "" : " (failed: " + apiFailures.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", ") + ")"))
        for each in api.apis {
            lines.append(String(format: "    %@ %4d requests, %d failed, longest gap %@, %.1f/s, resolution %.2f s", each.name.padding(toLength: 16, withPad: " ", startingAt: 0), each.requests, each.failed,
                                each.requests >= api.minimumSamples ? String(format: "%.2f s", each.longestGapSeconds) : "- (too few requests)",
                                each.rate, each.resolutionSeconds))
        }
        if !api.enoughSamples {
            lines.append("  not enough API samples to judge (reported, not judged: this drill judges the data path): "
                         + api.starved.map { "\($0.name) \($0.requests) < \(api.minimumSamples)" }.joined(separator: ", "))
        }
        lines.append("  health after: \(healthAfter)")
        for note in notes { lines.append("  note: \(note)") }
        lines.append(passed ? "PASSED: no write failed, every block read back intact, the OSD rejoined and the PGs are clean"
                            : "FAILED: " + failures.joined(separator: "; "))
        return lines.joined(separator: "\n") + "\n"
    }
}
