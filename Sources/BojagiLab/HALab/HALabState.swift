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
    /// The OpenStack series the lab was brought up on (nil before the labs ran more than one).
    public var release: String?
    /// The OpenStack services this lab runs beside Keystone, from the blueprint's plan.
    public var components: [LabComponent] = []
    /// Services whose databases are created and migrated: a second `up` skips their one-shot steps.
    public var prepared: [String] = []
    /// The blueprint's Ceph, when the lab runs it; its daemons are among `processes` (ceph-mon.ctl1, ceph-osd.0, …).
    public var ceph: Ceph?

    public struct Ceph: Sendable, Hashable, Codable {
        /// The storage nodes (sto1…) whose namespaces hold the OSDs.
        public var storage: [String]
        /// Device classes in the blueprint's tier order.
        public var classes: [String]
        /// The blueprint's Ceph design and which tier each pool is on, so `lab add-osd --ha` can set the plan's
        /// capacity for the grown layout beside `ceph df` (nil in a state written before they were kept).
        public var design: Storage.Ceph?
        public var poolTiers: [String: String]?
    }

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

    /// The state of the HA lab in `home`, if it has one: which venv and release a drill or status should use.
    public static func load(home: String) -> HALabState? { load(HALabPaths(home: home).state) }

    static func load(_ path: String) -> HALabState? {
        guard let data = FileManager.default.contents(atPath: path) else { return nil }
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        return try? decoder.decode(HALabState.self, from: data)
    }
}
