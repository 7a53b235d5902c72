/// What is running in the HA lab now.
public struct HALabStatus: Sendable, Hashable, Codable {
    public struct Process: Sendable, Hashable, Codable {
        public let service: HALabService
        public let node: String
        public let pid: Int32
        public let alive: Bool
    }

    public var processes: [Process]
    public var namespaces: [String]
    public var vipHolder: String?
    public var galeraClusterSize: Int?
    public var rabbitmqRunningNodes: Int?
    public var keystone: Bool
    /// Every process in the lab's namespaces, epmd and workers included.
    public var residentMiB: Int
    public var upSeconds: Double?
    public var keystoneURL: String

    public var healthy: Bool {
        !processes.isEmpty && processes.allSatisfy(\.alive) && vipHolder != nil && galeraClusterSize == 3
            && rabbitmqRunningNodes == 3 && keystone
    }

    public var text: String {
        guard !processes.isEmpty || !namespaces.isEmpty else { return "HA lab: down\n" }
        var table = TextTable(["SERVICE", "NODE", "PID", "STATE"])
        for process in processes {
            table.append([process.service.rawValue, process.node, String(process.pid), process.alive ? "running" : "gone"])
        }
        return """
        HA lab: \(healthy ? "healthy" : "degraded")
        \(table.render(indent: "  "))  VIP \(vipHolder.map { "held by \($0)" } ?? "held by nobody"); Galera cluster size \(galeraClusterSize.map(String.init) ?? "?"); RabbitMQ running nodes \(rabbitmqRunningNodes.map(String.init) ?? "?"); Keystone \(keystone ? "answers" : "does not answer") at \(keystoneURL)
          memory: \(residentMiB) MiB resident in the lab's namespaces\(upSeconds.map { String(format: "; up took %.0f s", $0) } ?? "")

        """
    }
}
