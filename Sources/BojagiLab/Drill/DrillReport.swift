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
        /// API requests through the VIP (token issuance and each API's read), from the fault until the restore began.
        public let api: DrillWindow
        /// Requests of that window by API, and the failed ones (also in `api.apis`, with each API's longest gap and
        /// rate). Heat's read is an RPC call from heat-api to heat-engine over RabbitMQ; the others read the database.
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

    /// The API probe's clients and each one's interval, the queue probe's interval, and the fewest requests per
    /// API (and of the queue) from which a fault window is judged. Nil in reports saved before they existed.
    public var apiClients: Int? = nil
    public var apiIntervalSeconds: Double? = nil
    public var queueIntervalSeconds: Double? = nil
    public var minimumSamples: Int? = nil

    /// Every fault healed, nothing was lost, and every fault window held enough samples to be judged.
    public var passed: Bool { !faults.isEmpty && faults.allSatisfy { $0.healed && $0.dataKept && $0.judged } }
}

extension DrillReport.Fault {
    /// Whether the API and queue probes got enough requests in the fault's window to judge it.
    public var judged: Bool { api.enoughSamples && queue.enoughSamples }
}
