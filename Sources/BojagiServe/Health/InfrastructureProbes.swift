import Foundation
import BojagiLab

/// The probes the labs share: what each infrastructure service says about itself, read as a client would.
enum InfrastructureProbes {
    static func milliseconds(since start: ContinuousClock.Instant) -> Int {
        let elapsed = ContinuousClock.now - start
        return Int(elapsed.components.seconds * 1000 + elapsed.components.attoseconds / 1_000_000_000_000_000)
    }

    /// memcached's `stats`: up when it answers with its uptime.
    static func memcached(name: String, host: String, port: Int, log: String?) async -> ComponentHealth {
        let start = ContinuousClock.now
        do {
            let answer = try await SocketQuery.ask(.tcp(host: host, port: port), "stats\r\n", terminator: "END\r\n")
            let stats = Dictionary(answer.split(separator: "\r\n").compactMap { line -> (String, String)? in
                let parts = line.split(separator: " ")
                return parts.count == 3 && parts[0] == "STAT" ? (String(parts[1]), String(parts[2])) : nil
            }, uniquingKeysWith: { first, _ in first })
            guard let uptime = stats["uptime"] else {
                return ComponentHealth(kind: "memcached", name: name, state: .down, detail: "no stats in the answer", log: log)
            }
            return ComponentHealth(kind: "memcached", name: name, state: .up,
                                   detail: "up \(uptime) s, \(stats["curr_connections"] ?? "?") connections, \(stats["curr_items"] ?? "?") items",
                                   milliseconds: milliseconds(since: start), log: log)
        } catch {
            return ComponentHealth(kind: "memcached", name: name, state: .down, detail: "\(host):\(port): \(error)", log: log)
        }
    }

    /// `SHOW STATUS LIKE 'wsrep_%'` as tab-separated rows: Galera's view of its cluster. A MariaDB without
    /// Galera (the single-node lab) answers with wsrep_ready OFF or nothing: up when it answers at all.
    static func galera(name: String, rows: String, expectedSize: Int?, milliseconds: Int, log: String?) -> ComponentHealth {
        let status = Dictionary(rows.split(whereSeparator: \.isNewline).compactMap { line -> (String, String)? in
            let parts = line.split(separator: "\t", maxSplits: 1).map(String.init)
            return parts.count == 2 ? (parts[0], parts[1]) : nil
        }, uniquingKeysWith: { first, _ in first })
        guard let expectedSize else {
            return ComponentHealth(kind: "mariadb", name: name, state: .up, detail: "answers (single node, no Galera)",
                                   milliseconds: milliseconds, log: log)
        }
        let size = status["wsrep_cluster_size"].flatMap { Int($0) }
        let state = status["wsrep_local_state_comment"] ?? "?"
        let primary = status["wsrep_cluster_status"] ?? "?"
        let detail = "wsrep_cluster_size \(size.map(String.init) ?? "?"), \(state), \(primary)"
        let health: ComponentHealth.State = size == nil || primary != "Primary" ? .down
            : (size! < expectedSize || state != "Synced") ? .degraded : .up
        return ComponentHealth(kind: "galera", name: name, state: health, detail: detail, milliseconds: milliseconds, log: log)
    }

    /// HAProxy's `show stat` CSV: every backend and the servers under it. A backend with a server down is degraded.
    static func haproxy(node: String, csv: String, log: String?) -> [ComponentHealth] {
        let lines = csv.split(whereSeparator: \.isNewline).map(String.init)
        guard let header = lines.first, header.hasPrefix("# ") else {
            return [ComponentHealth(kind: "haproxy", name: node, state: .down, detail: "no statistics from the stats socket", log: log)]
        }
        let columns = header.dropFirst(2).split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        func index(_ name: String) -> Int? { columns.firstIndex(of: name) }
        guard let proxy = index("pxname"), let server = index("svname"), let status = index("status") else {
            return [ComponentHealth(kind: "haproxy", name: node, state: .down, detail: "unexpected columns in show stat", log: log)]
        }
        var servers: [String: [(String, String)]] = [:]
        var order: [String] = []
        for line in lines.dropFirst() {
            let fields = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            guard fields.count > status, fields[server] != "FRONTEND", fields[server] != "BACKEND" else { continue }
            if servers[fields[proxy]] == nil { order.append(fields[proxy]) }
            servers[fields[proxy], default: []].append((fields[server], fields[status]))
        }
        return order.map { backend in
            let members = servers[backend] ?? []
            let up = members.filter { $0.1.hasPrefix("UP") || $0.1 == "no check" }
            let state: ComponentHealth.State = up.isEmpty ? .down : up.count < members.count ? .degraded : .up
            let detail = members.map { "\($0.0) \($0.1)" }.joined(separator: ", ")
            return ComponentHealth(kind: "haproxy", name: "\(node)/\(backend)", state: state, detail: detail, log: log)
        }
    }

    /// A process the lab started, by its pid in state.json.
    static func process(name: String, pid: Int32, alive: Bool, log: String?) -> ComponentHealth {
        ComponentHealth(kind: "process", name: name, state: alive ? .up : .down,
                        detail: alive ? "pid \(pid) running" : "pid \(pid) gone", log: log)
    }
}
