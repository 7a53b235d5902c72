/// Reads `hosts:`. A name with a range, `cmp[01:10]`, stands for identical hosts; their addresses count up
/// from the one given.
struct HostDecoder {
    static let keys = ["name", "address", "roles", "cores", "memory_gib", "interfaces", "disks", "services", "rack"]
    static let networkNames = ["management", "external", "external_api", "storage", "tunnel", "octavia"]

    func hosts(_ field: YAMLField) -> [Host] {
        guard let items = field.sequence() else { return [] }
        return items.flatMap { host($0) }
    }

    private func host(_ field: YAMLField) -> [Host] {
        guard let fields = field.mapping(allowed: Self.keys, what: "a host") else { return [] }
        guard let nameField = fields["name"] else {
            field.report("a host needs a 'name'", fix: "add `name: ctl01` (or a range such as `cmp[01:10]`)")
            return []
        }
        guard let pattern = nameField.string(), let names = Self.expand(pattern, field: nameField) else { return [] }
        let roleNames = fields["roles"]?.strings() ?? []
        var roles: [Host.Role] = []
        for (index, name) in roleNames.enumerated() {
            if let role = Host.Role(rawValue: name.lowercased()) {
                roles.append(role)
            } else {
                let item = fields["roles"]!
                item.report("unknown role '\(name)' (entry \(index + 1))" + Suggestion.phrase(for: name, in: Host.Role.allCases.map(\.rawValue)),
                            fix: "use roles from: \(Host.Role.allCases.map(\.rawValue).joined(separator: ", "))")
            }
        }
        if fields["roles"] == nil {
            field.report("host '\(pattern)' has no 'roles'", fix: "add for example `roles: [control, network]` or `roles: [compute]`")
        }
        var template = Host(name: pattern, roles: roles)
        template.origin = field.path
        template.cores = fields["cores"]?.int(in: 1...4096)
        template.memoryGiB = fields["memory_gib"]?.int(in: 1...65536)
        template.rack = fields["rack"]?.string()
        template.services = fields["services"]?.strings() ?? []
        if let interfaces = fields["interfaces"]?.namedEntries() {
            for (network, value) in interfaces {
                guard Self.networkNames.contains(network) else {
                    value.report("unknown network '\(network)'" + Suggestion.phrase(for: network, in: Self.networkNames),
                                 fix: "name interfaces by network: \(Self.networkNames.joined(separator: ", "))")
                    continue
                }
                if let name = value.string() { template.interfaces[network] = name }
            }
        }
        template.disks = fields["disks"]?.sequence()?.compactMap(disk) ?? []

        var start: IPv4?
        if let addressField = fields["address"], let text = addressField.string() {
            start = IPv4(text)
            if start == nil {
                addressField.report("'\(text)' is not an IPv4 address", fix: "write the management address, e.g. 10.0.0.11")
            }
        }
        return names.enumerated().map { index, name in
            var host = template
            host.name = name
            host.address = start?.advanced(by: index)?.description
            return host
        }
    }

    private func disk(_ field: YAMLField) -> Host.Disk? {
        guard let fields = field.mapping(allowed: ["device", "size_gb", "type", "count", "tier"], what: "a disk") else { return nil }
        guard let size = fields["size_gb"]?.int(in: 1...1_000_000) else {
            if fields["size_gb"] == nil { field.report("a disk needs 'size_gb'", fix: "add for example `size_gb: 3840`") }
            return nil
        }
        guard let typeField = fields["type"] else {
            field.report("a disk needs a 'type'", fix: "add `type: ssd`, `hdd` or `nvme`")
            return nil
        }
        guard let type = typeField.choice(Host.Disk.Kind.allCases.map(\.rawValue), what: "disk type") else { return nil }
        return Host.Disk(device: fields["device"]?.string(), sizeGB: size, kind: Host.Disk.Kind(rawValue: type)!,
                         count: fields["count"]?.int(in: 1...1000) ?? 1, tier: fields["tier"]?.string())
    }

    /// `cmp[01:10]` → cmp01…cmp10 (the start's width is kept); a plain name → itself.
    static func expand(_ pattern: String, field: YAMLField) -> [String]? {
        guard let open = pattern.firstIndex(of: "["), let close = pattern.firstIndex(of: "]"), open < close else {
            return [pattern]
        }
        let inside = pattern[pattern.index(after: open)..<close].split(separator: ":", omittingEmptySubsequences: false)
        guard inside.count == 2, let first = Int(inside[0]), let last = Int(inside[1]), first <= last, last - first < 10_000 else {
            field.report("'\(pattern)' is not a valid range", fix: "write a range as name[01:10] (first ≤ last)")
            return nil
        }
        let width = inside[0].count
        let prefix = pattern[..<open], suffix = pattern[pattern.index(after: close)...]
        return (first...last).map { number in
            let digits = String(number)
            return prefix + String(repeating: "0", count: max(0, width - digits.count)) + digits + suffix
        }
    }
}
