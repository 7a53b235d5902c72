import Foundation
import BojagiCore
import BojagiOpenStack

/// The drill's result: one entry per fault, printed as a table and saved as JSON in the lab home.
public struct DrillReport: Sendable, Hashable, Codable {
    public struct Fault: Sendable, Hashable, Codable {
        /// load-balancer, database, queue
        public let name: String
        public let target: String
        /// What was done, plainly: which process, which signal.
        public let action: String
        /// API requests through the VIP (a token, then one API's read), from the fault until the restore began.
        public let api: DrillWindow
        /// Requests of that window by API, and the failed ones. Heat's read is an RPC call from heat-api to
        /// heat-engine over RabbitMQ; the other reads go to the database.
        public let apiRequests: [String: Int]
        public let apiFailures: [String: Int]
        /// The RabbitMQ round trips over the same interval.
        public let queue: DrillWindow
        /// API requests while the killed processes were restarted and rejoined.
        public let apiDuringRestore: DrillWindow
        public let vipMoveSeconds: Double?
        public let vipHolderAfter: String?
        /// The project created before the fault, read back after the cluster healed.
        public let projectKept: Bool
        /// The message queued before the fault, consumed after the cluster healed.
        public let messageKept: Bool
        /// The Neutron network created before the fault, read back after; nil when the lab runs no Neutron.
        public let networkKept: Bool?
        public let healed: Bool
        public let healSeconds: Double
        public let galeraClusterSize: Int?
        public let rabbitmqRunningNodes: Int?
        public let notes: [String]

        public var dataKept: Bool { projectKept && messageKept && networkKept != false }
    }

    public let runID: String
    /// Keystone's URL through the VIP.
    public let keystoneURL: String
    public let probe: String
    public let queueClient: String
    public let faults: [Fault]
    public let seconds: Double

    public var passed: Bool { !faults.isEmpty && faults.allSatisfy { $0.healed && $0.dataKept } }

    public var text: String {
        var table = TextTable(["FAULT", "TARGET", "API DOWN", "FAILED", "SLOWEST", "QUEUE DOWN", "FAILED", "VIP MOVE", "DATA KEPT", "HEALED"])
        for fault in faults {
            table.append([
                fault.name, fault.target,
                String(format: "%.1f s", fault.api.unavailableSeconds), "\(fault.api.failed)/\(fault.api.requests)",
                String(format: "%.1f s", fault.api.slowestSeconds),
                String(format: "%.1f s", fault.queue.unavailableSeconds), "\(fault.queue.failed)/\(fault.queue.requests)",
                fault.vipMoveSeconds.map { String(format: "%.1f s", $0) } ?? "-",
                fault.dataKept ? "yes" : "NO (project \(fault.projectKept ? "kept" : "lost"), message \(fault.messageKept ? "kept" : "lost")"
                    + (fault.networkKept.map { ", network \($0 ? "kept" : "lost")" } ?? "") + ")",
                fault.healed ? String(format: "yes, %.0f s", fault.healSeconds) : "NO",
            ])
        }
        var text = "Failover drill \(runID) against \(keystoneURL)\n"
        text += "  probes: \(probe); \(queueClient)\n\n"
        text += table.render(indent: "  ")
        for fault in faults {
            text += "\n  \(fault.name): \(fault.action)\n"
            if fault.apiDuringRestore.failed > 0 {
                text += "    restore: \(fault.apiDuringRestore.failed) failed requests while restarting (\(fault.apiDuringRestore.firstError ?? ""))\n"
            }
            if !fault.apiFailures.isEmpty {
                text += "    failed by API: " + fault.apiFailures.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", ") + "\n"
            }
            if let error = fault.api.firstError { text += "    first API error: \(error)\n" }
            if let error = fault.queue.firstError { text += "    first queue error: \(error)\n" }
            for note in fault.notes { text += "    \(note)\n" }
        }
        text += String(format: "\n%@ in %.0f s\n", passed ? "PASSED: every fault healed, nothing lost" : "FAILED", seconds)
        return text
    }
}
