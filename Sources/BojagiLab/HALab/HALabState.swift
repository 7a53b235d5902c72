import Foundation
import BojagiCore
import BojagiOpenStack

/// What `up` started and created, so `down` stops exactly that. Written after every step.
public struct HALabState: Sendable, Hashable, Codable {
    public struct Process: Sendable, Hashable, Codable {
        /// An `HALabService` or an OpenStack process (`nova-api`, `nova-conductor`, …).
        public var service: String
        /// The node's name: ctl1, cmp1.
        public var node: String
        public var pid: Int32

        var isInfrastructure: Bool { HALabService(rawValue: service) != nil }
    }

    public var namespaces: [String] = []
    public var hostLink: String?
    public var processes: [Process] = []
    public var upSeconds: Double?
    public var venv: String?
    /// The OpenStack services this lab runs beside Keystone, from the blueprint's plan.
    public var components: [LabComponent] = []
    /// Services whose databases are created and migrated: a second `up` skips their one-shot steps.
    public var prepared: [String] = []
    /// How `bojagi lab add-host` and `remove-host` changed the standard compute nodes; kept by `down` without
    /// `--wipe`, so the next `up` brings the lab back as it was scaled. nil in a state written before them.
    public var computes: ScaledComputes?

    /// Compute nodes added beside (or removed from) the standard topology's.
    public struct ScaledComputes: Sendable, Hashable, Codable {
        public var added: [Added] = []
        /// Standard compute nodes that `remove-host` took out.
        public var removed: [String] = []

        public struct Added: Sendable, Hashable, Codable {
            public var node: HALabNode
            /// The blueprint host it stands for (`cmp03`), when add-host added one.
            public var blueprintHost: String?
        }

        public init() {}
    }

    public init() {}

    public func pid(_ service: HALabService, _ node: HALabNode) -> Int32? { pid(service.rawValue, node) }

    public func pid(_ service: String, _ node: HALabNode) -> Int32? {
        processes.last { $0.service == service && $0.node == node.name }?.pid
    }

    mutating func record(_ service: String, _ node: HALabNode, pid: Int32) {
        processes.removeAll { $0.service == service && $0.node == node.name }
        processes.append(Process(service: service, node: node.name, pid: pid))
    }

    func file() throws -> RenderedFile { RenderedFile(path: "state.json", contents: try JSON.encode(self)) }

    static func load(_ path: String) -> HALabState? {
        guard let data = FileManager.default.contents(atPath: path) else { return nil }
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        return try? decoder.decode(HALabState.self, from: data)
    }
}
