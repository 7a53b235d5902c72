import Foundation

/// What `up` started and created, so `down` stops exactly that. Written after every step.
public struct HALabState: Sendable, Hashable, Codable {
    public struct Process: Sendable, Hashable, Codable {
        public var service: HALabService
        public var node: Int
        public var pid: Int32
    }

    public var namespaces: [String] = []
    public var hostLink: String?
    public var processes: [Process] = []
    public var upSeconds: Double?
    public var venv: String?

    public init() {}

    public func pid(_ service: HALabService, _ node: HALabNode) -> Int32? {
        processes.last { $0.service == service && $0.node == node.index }?.pid
    }

    mutating func record(_ service: HALabService, _ node: HALabNode, pid: Int32) {
        processes.removeAll { $0.service == service && $0.node == node.index }
        processes.append(Process(service: service, node: node.index, pid: pid))
    }

    func file() throws -> RenderedFile { RenderedFile(path: "state.json", contents: try JSON.encode(self)) }

    static func load(_ path: String) -> HALabState? {
        guard let data = FileManager.default.contents(atPath: path) else { return nil }
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        return try? decoder.decode(HALabState.self, from: data)
    }
}
