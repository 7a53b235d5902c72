import Foundation
import BojagiCore

/// The lab's Ceph as `lab status` shows it: health, each OSD (class, up or down), placement groups by state,
/// raw usage, and each pool's stored bytes. Parsed from `ceph status`, `ceph osd tree` and `ceph df` in JSON.
public struct LabCephStatus: Sendable, Hashable, Codable {
    public struct OSD: Sendable, Hashable, Codable {
        public let id: Int
        public let deviceClass: String
        public let host: String
        public let up: Bool
    }

    public struct Pool: Sendable, Hashable, Codable {
        public let name: String
        public let storedBytes: Int
        public let objects: Int
    }

    public let health: String
    /// Health check names with their summaries (empty when HEALTH_OK).
    public let checks: [String]
    /// Monitors in the monitor map, and the names of those in the quorum.
    public let monitors: Int
    public let quorum: [String]
    public let osds: [OSD]
    public let placementGroups: Int
    public let pgStates: [String: Int]
    public let usedBytes: Int
    public let totalBytes: Int
    public let pools: [Pool]
    /// The plan's capacity for the lab's layout beside `ceph df` (`lab status` fills it in).
    public var capacity: LabCephCapacity?

    public var osdsUp: Int { osds.filter(\.up).count }
    public var activeClean: Bool { placementGroups > 0 && pgStates["active+clean"] == placementGroups }

    public struct ParseError: Error, CustomStringConvertible {
        public let description: String
    }

    /// The JSON object or array in a command's output (which may carry warnings around it).
    static func json(_ text: String, _ what: String) throws -> Any {
        guard let start = text.firstIndex(where: { $0 == "{" || $0 == "[" }),
              let end = text.lastIndex(where: { $0 == "}" || $0 == "]" }), start <= end,
              let value = try? JSONSerialization.jsonObject(with: Data(text[start...end].utf8)) else {
            throw ParseError(description: "`ceph \(what)` gave no JSON: \(text.prefix(200))")
        }
        return value
    }

    public static func parse(status: String, tree: String, df: String) throws -> LabCephStatus {
        guard let root = try json(status, "status") as? [String: Any] else { throw ParseError(description: "`ceph status`: not an object") }
        let health = root["health"] as? [String: Any] ?? [:]
        let checks = (health["checks"] as? [String: Any] ?? [:]).sorted { $0.key < $1.key }.map { name, value in
            let message = ((value as? [String: Any])?["summary"] as? [String: Any])?["message"] as? String
            return message.map { "\(name): \($0)" } ?? name
        }
        let pgmap = root["pgmap"] as? [String: Any] ?? [:]
        var states: [String: Int] = [:]
        for entry in pgmap["pgs_by_state"] as? [[String: Any]] ?? [] {
            if let name = entry["state_name"] as? String { states[name] = int(entry["count"]) }
        }

        let nodes = ((try json(tree, "osd tree") as? [String: Any])?["nodes"] as? [[String: Any]]) ?? []
        var hostOf: [Int: String] = [:]
        for node in nodes where node["type"] as? String == "host" {
            for child in node["children"] as? [Any] ?? [] { hostOf[int(child)] = node["name"] as? String ?? "" }
        }
        let osds = nodes.filter { $0["type"] as? String == "osd" }.map { node in
            OSD(id: int(node["id"]), deviceClass: node["device_class"] as? String ?? "", host: hostOf[int(node["id"])] ?? "",
                up: node["status"] as? String == "up")
        }.sorted { $0.id < $1.id }

        let dfRoot = try json(df, "df") as? [String: Any] ?? [:]
        let pools = (dfRoot["pools"] as? [[String: Any]] ?? []).map { pool in
            let stats = pool["stats"] as? [String: Any] ?? [:]
            return Pool(name: pool["name"] as? String ?? "", storedBytes: int(stats["stored"]), objects: int(stats["objects"]))
        }
        let totals = dfRoot["stats"] as? [String: Any] ?? [:]
        let monitors = int((root["monmap"] as? [String: Any])?["num_mons"])
        return LabCephStatus(health: health["status"] as? String ?? "unknown", checks: checks, monitors: monitors,
                             quorum: root["quorum_names"] as? [String] ?? [], osds: osds,
                             placementGroups: int(pgmap["num_pgs"]), pgStates: states,
                             usedBytes: int(totals["total_used_raw_bytes"] ?? pgmap["bytes_used"]),
                             totalBytes: int(totals["total_bytes"] ?? pgmap["bytes_total"]), pools: pools)
    }

    /// Whether every placement group is active+clean, from `ceph status --format json` alone (what a wait polls:
    /// one `ceph` call, not the three of `parse`).
    public static func activeClean(status: String) throws -> Bool {
        guard let root = try json(status, "status") as? [String: Any] else { throw ParseError(description: "`ceph status`: not an object") }
        let pgmap = root["pgmap"] as? [String: Any] ?? [:]
        let total = int(pgmap["num_pgs"])
        let clean = (pgmap["pgs_by_state"] as? [[String: Any]] ?? []).filter { $0["state_name"] as? String == "active+clean" }.map { int($0["count"]) }.reduce(0, +)
        return total > 0 && clean == total
    }

    static func int(_ value: Any?) -> Int {
        switch value {
        case let number as NSNumber: number.intValue
        case let text as String: Int(text) ?? 0
        default: 0
        }
    }

    public var text: String {
        var lines = ["Ceph: \(health)" + (checks.isEmpty ? "" : " — " + checks.joined(separator: "; "))]
        lines.append("  mons: \(quorum.count)/\(monitors) in quorum" + (quorum.isEmpty ? "" : " (" + quorum.joined(separator: ", ") + ")"))
        var classes: [String: (up: Int, all: Int)] = [:]
        for osd in osds { classes[osd.deviceClass, default: (0, 0)].all += 1; if osd.up { classes[osd.deviceClass]!.up += 1 } }
        lines.append("  OSDs: \(osdsUp)/\(osds.count) up (" + classes.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value.up)/\($0.value.all)" }.joined(separator: ", ") + ")"
                     + (osds.contains { !$0.up } ? "; down: " + osds.filter { !$0.up }.map { "osd.\($0.id)" }.joined(separator: ", ") : ""))
        lines.append("  PGs:  \(placementGroups) — " + pgStates.sorted { $0.key < $1.key }.map { "\($0.value) \($0.key)" }.joined(separator: ", "))
        lines.append("  raw:  " + Self.bytes(usedBytes) + " used of " + Self.bytes(totalBytes))
        if !pools.isEmpty {
            lines.append("  pools: " + pools.map { "\($0.name) \(Self.bytes($0.storedBytes))" }.joined(separator: ", "))
        }
        if let capacity { lines.append(capacity.text.split(separator: "\n").map { "  " + $0 }.joined(separator: "\n")) }
        return lines.joined(separator: "\n") + "\n"
    }

    static func bytes(_ value: Int) -> String {
        let units = ["B", "KiB", "MiB", "GiB", "TiB"]
        var amount = Double(value)
        var unit = 0
        while amount >= 1024 && unit < units.count - 1 { amount /= 1024; unit += 1 }
        return unit == 0 ? "\(value) B" : String(format: "%.1f %@", amount, units[unit])
    }
}
