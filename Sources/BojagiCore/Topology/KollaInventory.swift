import Foundation

/// kolla-ansible's inventory group model: host groups (`control`, `compute`…) and the service groups built from
/// them with `[group:children]`. Read from kolla-ansible's own multinode inventory, bundled as data.
public struct KollaInventory: Sendable {
    /// The groups a blueprint role fills with hosts.
    public static let hostGroups = ["control", "network", "compute", "monitoring", "storage"]

    /// Every group in file order.
    public let groups: [String]
    /// Group → its child groups, as `[group:children]` lists them.
    public let children: [String: [String]]
    /// Every container kolla's roles run, with the groups that place it (empty when not given).
    public let containers: [KollaContainer]

    public init(parsing text: String, containers: [KollaContainer] = []) {
        var groups: [String] = []
        var children: [String: [String]] = [:]
        var current: String?
        for raw in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let line = raw.trimmingCharacters(in: .whitespaces)
            if line.isEmpty || line.hasPrefix("#") { continue }
            if line.hasPrefix("["), line.hasSuffix("]") {
                let name = String(line.dropFirst().dropLast())
                if name.hasSuffix(":children") {
                    let group = String(name.dropLast(":children".count))
                    current = group
                    if children[group] == nil { groups.append(group); children[group] = [] }
                } else {
                    current = nil
                    if !groups.contains(name) { groups.append(name) }
                }
                continue
            }
            if let group = current { children[group, default: []].append(line) }
        }
        self.groups = groups
        self.children = children
        self.containers = containers
    }

    public static func bundled() throws -> KollaInventory {
        guard let url = Bundle.module.url(forResource: "kolla/multinode", withExtension: nil)
                ?? Bundle.module.url(forResource: "multinode", withExtension: nil, subdirectory: "kolla"),
              let text = try? String(contentsOf: url, encoding: .utf8) else {
            throw CatalogError.missing(path: "kolla/multinode", reason: "kolla-ansible's inventory model is not in the bundle")
        }
        return KollaInventory(parsing: text, containers: try KollaContainer.bundled())
    }

    /// The host groups whose hosts end up in `group`.
    public func hostGroups(of group: String) -> Set<String> {
        var seen: Set<String> = []
        var result: Set<String> = []
        var stack = [group]
        while let next = stack.popLast() {
            guard seen.insert(next).inserted else { continue }
            if Self.hostGroups.contains(next) { result.insert(next); continue }
            stack.append(contentsOf: children[next] ?? [])
        }
        return result
    }

    /// The groups of a service: `name` and `name-*`, plus any the catalog names (HAProxy runs on
    /// `loadbalancer`, nova-compute on `compute`).
    public func groups(forService name: String, named explicit: [String] = []) -> [String] {
        groups.filter { $0 == name || $0.hasPrefix(name + "-") || explicit.contains($0) }
    }
}
