/// The resolved package: the projects, the infrastructure under them, and what could not be provided.
public struct ServiceSet: Sendable, Hashable, Codable {
    public struct Member: Sendable, Hashable, Codable {
        public enum Kind: String, Sendable, Hashable, Codable {
            case project, component
        }

        public let name: String
        public let kind: Kind
        public internal(set) var reasons: [Reason]
        /// Mature and widely adopted by the policy's thresholds.
        public internal(set) var isCore = false
    }

    /// A capability the package asks for that nothing in the release provides.
    public struct Gap: Sendable, Hashable, Codable {
        public let capability: String
        public let explanation: String
        public let alternatives: [String]
    }

    /// Projects (and components that provide a capability, such as Ceph RGW), by name.
    public internal(set) var members: [Member] = []
    /// Infrastructure the members need: database, queue, cache, load balancer…
    public internal(set) var infrastructure: [Member] = []
    public internal(set) var gaps: [Gap] = []
    /// Optional capabilities of the profile that the blueprint did not add, with their provider.
    public internal(set) var offered: [String: String] = [:]

    public var names: [String] { members.map(\.name) }

    /// Members that are OpenStack projects: what the seed's "8–9 projects" counts.
    public var projectCount: Int { members.filter { $0.kind == .project }.count }

    public func contains(_ name: String) -> Bool {
        members.contains { $0.name == name } || infrastructure.contains { $0.name == name }
    }
}
