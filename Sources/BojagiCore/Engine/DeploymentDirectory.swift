import Foundation

/// What the planner knows of a rendered deployment directory: its path, its files and the hosts its inventory
/// names per group (the hosts kolla-ansible runs on now, before a re-render changes them).
public struct DeploymentDirectory: Sendable, Hashable {
    public let path: String
    public let files: Set<String>
    /// Host group (`control`, `compute`…) → host names, from the inventory's host sections.
    public let groups: [String: [String]]

    public init(path: String, files: Set<String>, groups: [String: [String]]) {
        self.path = path
        self.files = files
        self.groups = groups
    }

    /// Every host the inventory names.
    public var hosts: Set<String> { Set(groups.values.joined()) }

    /// The host sections of a kolla-ansible INI inventory: `[group]` followed by one host per line (its first
    /// word). `[group:children]` and `[group:vars]` sections and the `deployment` group are skipped.
    public static func inventoryGroups(_ text: String) -> [String: [String]] {
        var groups: [String: [String]] = [:]
        var current: String?
        for raw in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let line = raw.trimmingCharacters(in: .whitespaces)
            if line.isEmpty || line.hasPrefix("#") || line.hasPrefix(";") { continue }
            if line.hasPrefix("["), line.hasSuffix("]") {
                let name = String(line.dropFirst().dropLast())
                current = name.contains(":") || name == "deployment" ? nil : name
                if let current, groups[current] == nil { groups[current] = [] }
                continue
            }
            guard let current, let host = line.split(separator: " ").first else { continue }
            groups[current, default: []].append(String(host))
        }
        return groups
    }

    /// The `[group:children]` sections of a kolla-ansible INI inventory: group → its child groups.
    public static func inventoryChildren(_ text: String) -> [String: [String]] {
        var children: [String: [String]] = [:]
        var current: String?
        for raw in text.split(separator: "\n") {
            let line = raw.trimmingCharacters(in: .whitespaces)
            if line.isEmpty || line.hasPrefix("#") || line.hasPrefix(";") { continue }
            if line.hasPrefix("["), line.hasSuffix("]") {
                let name = String(line.dropFirst().dropLast())
                current = name.hasSuffix(":children") ? String(name.dropLast(":children".count)) : nil
                continue
            }
            if let current { children[current, default: []].append(line) }
        }
        return children
    }

    /// The hosts of `group` in an inventory's text: its own hosts and, through `:children`, its child groups'.
    public static func hosts(of group: String, inventory text: String) -> [String] {
        let groups = inventoryGroups(text)
        let children = inventoryChildren(text)
        var seen: Set<String> = []
        var result: [String] = []
        func visit(_ name: String) {
            guard seen.insert(name).inserted else { return }
            for host in groups[name] ?? [] where !result.contains(host) { result.append(host) }
            for child in children[name] ?? [] { visit(child) }
        }
        visit(group)
        return result
    }
}
