import Foundation
import BojagiCore
import BojagiOpenStack

/// What `bojagi serve` shows: a blueprint's plan, what runs (a lab, an HA lab or a cloud), its logs, the
/// recorded runs and the health history. Everything comes in through `init`, so the tests serve the same.
public struct Dashboard: Sendable {
    public struct Blueprint: Sendable {
        public let file: String
        public let plan: Plan
        public let networks: Networks

        public init(file: String, plan: Plan, networks: Networks) {
            self.file = file
            self.plan = plan
            self.networks = networks
        }
    }

    public var blueprint: Blueprint?
    public var collector: (any HealthCollector)?
    public var logs: LogFiles?
    public var runs: RunRecords
    public var store: HealthStore
    /// The cloud to ask for an instance's console log.
    public var cloud: CloudConfig?
    public var http: any HTTPClient
    public var refreshSeconds: Int

    public init(blueprint: Blueprint?, collector: (any HealthCollector)?, logs: LogFiles?, runs: RunRecords, store: HealthStore,
                cloud: CloudConfig?, http: any HTTPClient, refreshSeconds: Int) {
        self.blueprint = blueprint
        self.collector = collector
        self.logs = logs
        self.runs = runs
        self.store = store
        self.cloud = cloud
        self.http = http
        self.refreshSeconds = refreshSeconds
    }

    /// The header's right-hand side: what is served.
    var subtitle: String {
        [blueprint.map { "\($0.plan.name ?? $0.file) (\($0.plan.release.label))" }, collector?.target].compactMap { $0 }.joined(separator: " · ")
    }
}
