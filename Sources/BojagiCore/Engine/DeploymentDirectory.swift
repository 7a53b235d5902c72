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
}
