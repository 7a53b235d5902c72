import BojagiCore
import BojagiOpenStack
/// What is running in the HA lab now.
public struct HALabStatus: Sendable, Hashable, Codable {
    public struct Process: Sendable, Hashable, Codable {
        public let service: String
        public let node: String
        public let pid: Int32
        public let alive: Bool
    }

    /// One API as a client sees it: through the VIP.
    public struct API: Sendable, Hashable, Codable {
        public let service: String
        public let url: String
        /// The HTTP status of its version document (or Horizon's login page); nil when nothing answered.
        public let status: Int?
        public let milliseconds: Int?

        public var answers: Bool { (status ?? 0) > 0 && (status ?? 0) < 500 }
    }

    public var processes: [Process]
    public var namespaces: [String]
    public var vipHolder: String?
    public var galeraClusterSize: Int?
    public var rabbitmqRunningNodes: Int?
    public var keystone: Bool
    /// Every API the lab runs, through the VIP.
    public var apis: [API] = []
    /// Every process in the lab's namespaces, epmd and workers included.
    public var residentMiB: Int
    public var upSeconds: Double?
    public var keystoneURL: String
    /// Whether the lab runs the blueprint's Ceph, and the cluster as its monitors answer (nil: no answer).
    public var cephRuns = false
    public var ceph: LabCephStatus?

    /// With Ceph: every monitor in the quorum and every OSD up (a health warning alone does not degrade the lab).
    public var cephHealthy: Bool {
        guard cephRuns else { return true }
        guard let ceph else { return false }
        return ceph.monitors > 0 && ceph.quorum.count == ceph.monitors && !ceph.osds.isEmpty && ceph.osdsUp == ceph.osds.count
    }

    public var healthy: Bool {
        !processes.isEmpty && processes.allSatisfy(\.alive) && vipHolder != nil && galeraClusterSize == 3
            && rabbitmqRunningNodes == 3 && keystone && apis.allSatisfy(\.answers) && cephHealthy
    }

    public var text: String {
        guard !processes.isEmpty || !namespaces.isEmpty else { return "HA lab: down\n" }
        var table = TextTable(["SERVICE", "NODE", "PID", "STATE"])
        for process in processes {
            table.append([process.service, process.node, String(process.pid), process.alive ? "running" : "gone"])
        }
        var apiTable = TextTable(["API", "THROUGH THE VIP", "ANSWER"])
        for api in apis {
            apiTable.append([api.service, api.url, api.status.map { "HTTP \($0) in \(api.milliseconds ?? 0) ms" } ?? "no answer"])
        }
        return """
        HA lab: \(healthy ? "healthy" : "degraded")
        \(table.render(indent: "  "))\(apis.isEmpty ? "" : apiTable.render(indent: "  "))  VIP \(vipHolder.map { "held by \($0)" } ?? "held by nobody"); Galera cluster size \(galeraClusterSize.map(String.init) ?? "?"); RabbitMQ running nodes \(rabbitmqRunningNodes.map(String.init) ?? "?"); Keystone \(keystone ? "answers" : "does not answer") at \(keystoneURL)
          memory: \(residentMiB) MiB resident in the lab's namespaces\(upSeconds.map { String(format: "; up took %.0f s", $0) } ?? "")
        \(cephText)
        """
    }

    var cephText: String {
        guard cephRuns else { return "" }
        guard let ceph else { return "  Ceph: the monitors do not answer\n" }
        return ceph.text.split(separator: "\n").map { "  " + $0 }.joined(separator: "\n") + "\n"
    }
}
