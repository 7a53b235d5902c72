/// What Bojagi will build: the release, the explained service set, findings and totals, beside the vendor
/// "everything" package for comparison.
public struct Plan: Sendable, Codable {
    public struct ReleaseSummary: Sendable, Codable, Hashable {
        public let name: String
        public let id: String?
        public let label: String
        /// Status on the day the plan was made.
        public let status: String
        public let slurp: Bool
        public let kollaAnsible: String?
        public let ceph: String?
    }

    public struct Row: Sendable, Codable, Hashable {
        public let name: String
        public let kind: ServiceSet.Member.Kind
        /// Keystone service type, or the component's role.
        public let type: String
        public let title: String
        public let why: [String]
        public let core: Bool
        public let maturity: Int?
        /// Some maturity criteria have no data, so `maturity` may understate.
        public let maturityPartial: Bool
        public let adoption: Int?
        public let kollaFlag: String?
    }

    public struct Totals: Sendable, Codable, Hashable {
        public let projects: Int
        public let containers: Int
        public let controllerMemoryMiB: Int
    }

    public struct Gap: Sendable, Codable, Hashable {
        public let capability: String
        public let explanation: String
        public let alternatives: [String]
    }

    public let name: String?
    public let release: ReleaseSummary
    public let profile: String
    public let profileTitle: String
    public let services: [Row]
    public let infrastructure: [Row]
    public let gaps: [Gap]
    /// Optional capabilities of the profile not taken, with the service that would provide each.
    public let offered: [String: String]
    /// Placement, HA layout and capacity, when the blueprint lists hosts.
    public let topology: Topology?
    /// The hosts as the blueprint expanded them, for the placement report.
    public let hosts: [Host]
    public let capacitySettings: CapacitySettings
    public let findings: [Finding]
    public let totals: Totals
    /// The seed's "vendor ships everything" package on the same release.
    public let vendor: Totals

    public var hasErrors: Bool { findings.hasErrors }
}
