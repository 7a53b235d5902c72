import Foundation

/// One component of the running cloud as one probe saw it: an API, a process, a Galera node, a queue node, a
/// load balancer's backend, a cache, the Ceph cluster, a Nova or Cinder service.
public struct ComponentHealth: Sendable, Hashable, Codable {
    public enum State: String, Sendable, Hashable, Codable, CaseIterable {
        case up, degraded, down
    }

    /// Stable across samples: `kind/name`, e.g. `galera/ctl1`, `api/compute`, `process/nova-api`.
    public var id: String { "\(kind)/\(name)" }
    public let kind: String
    public let name: String
    public let state: State
    /// What the probe read, for a person: `wsrep_cluster_size 3, Synced`.
    public let detail: String
    public let milliseconds: Int?
    /// The component's log, relative to the lab's log directory, when it has one.
    public let log: String?

    public init(kind: String, name: String, state: State, detail: String, milliseconds: Int? = nil, log: String? = nil) {
        self.kind = kind
        self.name = name
        self.state = state
        self.detail = detail
        self.milliseconds = milliseconds
        self.log = log
    }

    enum CodingKeys: String, CodingKey { case id, kind, name, state, detail, milliseconds, log }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        kind = try container.decode(String.self, forKey: .kind)
        name = try container.decode(String.self, forKey: .name)
        state = try container.decode(State.self, forKey: .state)
        detail = try container.decode(String.self, forKey: .detail)
        milliseconds = try container.decodeIfPresent(Int.self, forKey: .milliseconds)
        log = try container.decodeIfPresent(String.self, forKey: .log)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(id, forKey: .id)
        try container.encode(kind, forKey: .kind)
        try container.encode(name, forKey: .name)
        try container.encode(state, forKey: .state)
        try container.encode(detail, forKey: .detail)
        try container.encodeIfPresent(milliseconds, forKey: .milliseconds)
        try container.encodeIfPresent(log, forKey: .log)
    }
}

/// Every component at one moment.
public struct HealthSample: Sendable, Hashable, Codable {
    public let time: Date
    public let components: [ComponentHealth]

    public init(time: Date, components: [ComponentHealth]) {
        self.time = time
        self.components = components
    }

    public var healthy: Bool { !components.isEmpty && components.allSatisfy { $0.state == .up } }
}

/// Where health samples come from: a lab, an HA lab or any cloud through its APIs.
public protocol HealthCollector: Sendable {
    /// What is being watched, for the page's heading.
    var target: String { get }
    func collect() async -> [ComponentHealth]
}
