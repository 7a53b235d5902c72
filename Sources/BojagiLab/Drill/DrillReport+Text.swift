import Foundation
import BojagiCore

/// The drill's report as text: one row per fault, then per fault one row per API with its requests, failures,
/// longest gap, achieved rate and resolution. A window without enough samples shows no figure, only that.
extension DrillReport {
    public var text: String {
        var table = TextTable(["FAULT", "TARGET", "WINDOW", "API DOWN", "FAILED", "SLOWEST", "QUEUE DOWN", "FAILED", "VIP MOVE", "DATA KEPT", "HEALED"])
        for fault in faults {
            table.append([
                fault.name, fault.target, String(format: "%.1f s", fault.api.seconds),
                Self.judged(fault.api), "\(fault.api.failed)/\(fault.api.requests)",
                String(format: "%.1f s", fault.api.slowestSeconds),
                Self.judged(fault.queue), "\(fault.queue.failed)/\(fault.queue.requests)",
                fault.vipMoveSeconds.map { String(format: "%.1f s", $0) } ?? "-",
                fault.dataKept ? "yes" : "NO (project \(fault.projectKept ? "kept" : "lost"), message \(fault.messageKept ? "kept" : "lost")"
                    + (fault.networkKept.map { ", network \($0 ? "kept" : "lost")" } ?? "") + ")",
                fault.healed ? String(format: "yes, %.0f s", fault.healSeconds) : "NO",
            ])
        }
        var text = "Failover drill \(runID) against \(keystoneURL)\n"
        text += "  API probe: \(probe)\n  queue probe: \(queueClient)\n"
        if let minimumSamples {
            text += "  a fault window is judged only from at least \(minimumSamples) requests of every API and of the queue in it;\n"
                + "  ± is the time resolution: 1 / the rate achieved for the coarsest API (or the queue) in the window\n"
        }
        text += "\n" + table.render(indent: "  ")
        for fault in faults {
            text += "\n  \(fault.name): \(fault.action)\n"
            var apis = TextTable(["API", "REQUESTS", "FAILED", "LONGEST GAP", "RATE", "RESOLUTION"])
            for (window, api) in fault.api.apis.map({ (fault.api, $0) }) + fault.queue.apis.map({ (fault.queue, $0) }) {
                let enough = api.requests >= window.minimumSamples
                apis.append([api.name, "\(api.requests)", "\(api.failed)",
                             enough ? String(format: "%.2f s", api.longestGapSeconds) : "too few requests",
                             String(format: "%.1f/s", api.rate), String(format: "%.2f s", api.resolutionSeconds)])
            }
            if !fault.api.apis.isEmpty { text += apis.render(indent: "    ") }
            if fault.apiDuringRestore.failed > 0 {
                text += "    restore: \(fault.apiDuringRestore.failed) failed requests while restarting (\(fault.apiDuringRestore.firstError ?? ""))\n"
            }
            if let error = fault.api.firstError { text += "    first API error: \(error)\n" }
            if let error = fault.queue.firstError { text += "    first queue error: \(error)\n" }
            for note in fault.notes { text += "    \(note)\n" }
            for window in [fault.api, fault.queue] where !window.enoughSamples {
                text += "    not enough samples to judge: " + (window.apis.isEmpty ? "no per-API figures in this report"
                    : window.starved.map { "\($0.name) \($0.requests) < \(window.minimumSamples)" }.joined(separator: ", ")) + "\n"
            }
        }
        let verdict = passed ? "PASSED: every fault healed, nothing lost, every window held enough samples"
            : "FAILED" + (faults.allSatisfy(\.judged) ? "" : " (a fault window held too few samples to judge)")
        text += String(format: "\n%@ in %.0f s\n", verdict, seconds)
        return text
    }

    /// A window's downtime with its resolution, or why it has none.
    public static func judged(_ window: DrillWindow) -> String {
        guard window.enoughSamples else { return "not enough samples" }
        return String(format: "%.1f s ±%.2f", window.unavailableSeconds, window.resolutionSeconds)
    }
}
