import Foundation
import BojagiCore
import BojagiOpenStack

/// What `lab up` started, so `status` and `down` act on exactly those processes: `<home>/state.json`.
public struct LabState: Sendable, Hashable, Codable {
    public struct Process: Sendable, Hashable, Codable {
        public let name: String
        /// Also the process group and session id: every process is started with `setsid`.
        public let pid: Int32
        public let command: [String]
        public let log: String
        /// An HTTP URL that answers when the service is up, if it has one.
        public let health: String?
        public let port: Int?

        public init(name: String, pid: Int32, command: [String], log: String, health: String?, port: Int?) {
            self.name = name
            self.pid = pid
            self.command = command
            self.log = log
            self.health = health
            self.port = port
        }
    }

    public var blueprint: String
    public var release: String
    public var portOffset: Int
    public var processes: [Process]
    /// Services whose databases (and keys) are prepared: a second `up` skips their one-shot steps.
    public var prepared: [String] = []
    /// The lab's Ceph cluster, when the blueprint has one; its daemons are among `processes` (ceph-mon.a, …).
    public var ceph: Ceph?

    public struct Ceph: Sendable, Hashable, Codable {
        /// Device classes in the blueprint's tier order: `lab add-osd` adds to the first unless told.
        public var classes: [String]
        /// Host buckets the OSDs are spread over (scripts/ceph/lab-cluster.sh --hosts).
        public var hosts: Int
        public var monitorPort: Int
        public var monitorPortV1: Int
        /// Cinder's RBD backends: the pool of each and its tier's device class, for the OSD drill.
        public var backends: [Backend]
        /// The blueprint's Ceph design and which tier each pool is on, so the plan's capacity for the lab's
        /// layout can be set beside `ceph df` (nil in a state written before they were kept).
        public var design: Storage.Ceph?
        public var poolTiers: [String: String]?

        public struct Backend: Sendable, Hashable, Codable {
            public var name: String
            public var pool: String
            public var deviceClass: String
        }

        public init(classes: [String], hosts: Int, monitorPort: Int, monitorPortV1: Int, backends: [Backend] = [],
                    design: Storage.Ceph? = nil, poolTiers: [String: String]? = nil) {
            self.design = design
            self.poolTiers = poolTiers
            self.classes = classes
            self.hosts = hosts
            self.monitorPort = monitorPort
            self.monitorPortV1 = monitorPortV1
            self.backends = backends
        }
    }

    public static let fileName = "state.json"

    public init(blueprint: String, release: String, portOffset: Int, processes: [Process] = []) {
        self.blueprint = blueprint
        self.release = release
        self.portOffset = portOffset
        self.processes = processes
    }

    public func process(named name: String) -> Process? { processes.first { $0.name == name } }

    public mutating func record(_ process: Process) {
        processes.removeAll { $0.name == process.name }
        processes.append(process)
    }

    public func file() throws -> RenderedFile {
        RenderedFile(path: Self.fileName, contents: try LabJSON.encode(self), mode: 0o644)
    }

    public static func load(from home: URL) throws -> LabState? {
        guard let data = FileManager.default.contents(atPath: home.appendingPathComponent(fileName).path) else { return nil }
        return try LabJSON.decode(LabState.self, from: data)
    }
}
