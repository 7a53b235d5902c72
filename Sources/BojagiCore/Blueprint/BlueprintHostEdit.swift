/// Adds or removes one host of a blueprint's `hosts:` list in its text, leaving every other line (comments
/// included) as the user wrote it. The result is a blueprint like one edited by hand: the caller decodes, plans
/// and validates it before anything acts on it, as a real scale-out does.
public enum BlueprintHostEdit {
    public struct Failure: Error, CustomStringConvertible, Equatable {
        public let description: String
    }

    /// The host after `names`, following their numbering (`cmp10` → `cmp11`, `cmp[01:02]`'s cmp02 → cmp03),
    /// with the address after the last one's; names and addresses the blueprint already uses are skipped.
    public static func next(after names: [String], in blueprint: Blueprint, or first: String) -> (name: String, address: String?) {
        let taken = Set(blueprint.hosts.map(\.name))
        let addresses = Set(blueprint.hosts.compactMap(\.address))
        guard let last = names.last else { return (first, nil) }
        var name = last
        repeat { name = increment(name) } while taken.contains(name)
        var address = blueprint.hosts.first { $0.name == last }?.address.flatMap(IPv4.init)
        repeat { address = address?.advanced(by: 1) } while address.map { addresses.contains($0.description) } == true
        return (name, address?.description)
    }

    /// A compute host modelled on the blueprint's last compute host (roles, size, interfaces, disks, rack),
    /// named and addressed after it.
    public static func nextCompute(_ blueprint: Blueprint) -> Host {
        let computes = blueprint.hosts.filter { $0.roles.contains(.compute) }
        let next = next(after: computes.map(\.name), in: blueprint, or: "compute01")
        var host = computes.last ?? Host(name: next.name, roles: [.compute])
        host.name = next.name
        host.address = next.address
        host.origin = ""
        return host
    }

    /// `cmp09` → `cmp10`, `compute` → `compute1`: the trailing number plus one, as wide as before.
    static func increment(_ name: String) -> String {
        let digits = name.reversed().prefix { $0.isNumber }.count
        let number = String((Int(name.suffix(digits)) ?? 0) + 1)
        return String(name.dropLast(digits)) + String(repeating: "0", count: max(0, digits - number.count)) + number
    }

    /// `text` with `host` appended to `hosts:` as a block entry.
    public static func adding(_ host: Host, to text: String, file: String) throws -> String {
        var lines = text.components(separatedBy: "\n")
        let block = try hostsBlock(lines, file: file)
        if block.emptyFlow { lines[block.key] = "hosts:" }
        let dash = block.entries.first.map { indentation(lines[$0]) } ?? "  "
        let insertAt = (block.key + 1..<block.end).last { !lines[$0].trimmingCharacters(in: .whitespaces).isEmpty }.map { $0 + 1 } ?? block.key + 1
        lines.insert(contentsOf: entry(host, indent: dash), at: insertAt)
        return lines.joined(separator: "\n")
    }

    /// `text` without the `hosts:` entry named `name` (its lines, up to the comments before the next entry).
    public static func removing(_ name: String, from text: String, file: String) throws -> String {
        var lines = text.components(separatedBy: "\n")
        let block = try hostsBlock(lines, file: file)
        for (position, start) in block.entries.enumerated() {
            let end = position + 1 < block.entries.count ? block.entries[position + 1] : block.end
            guard let entryName = entryName(lines[start..<end]) else { continue }
            if entryName.contains("[") {
                if rangeCovers(entryName, name) {
                    throw Failure(description: "\(file):\(start + 1): \(name) is one of the range \(entryName); "
                                  + "fix: write \(name) as an entry of its own (and shorten the range), then run this again")
                }
                continue
            }
            guard entryName == name else { continue }
            // Comments and blank lines just before the next entry belong to it.
            var last = end
            while last > start + 1, lines[last - 1].trimmingCharacters(in: .whitespaces).isEmpty
                    || lines[last - 1].trimmingCharacters(in: .whitespaces).hasPrefix("#") { last -= 1 }
            lines.removeSubrange(start..<last)
            if block.entries.count == 1 { lines[block.key] = "hosts: []" + trailingComment(lines[block.key]) }
            return lines.joined(separator: "\n")
        }
        throw Failure(description: "\(file): no host named \(name) under hosts:; fix: name a host the blueprint lists")
    }

    // MARK: the text

    struct Block {
        /// The `hosts:` line.
        let key: Int
        /// First line after the block.
        let end: Int
        /// Lines that start an entry (`- `).
        let entries: [Int]
        /// `hosts: []`.
        let emptyFlow: Bool
    }

    static func hostsBlock(_ lines: [String], file: String) throws -> Block {
        guard let key = lines.firstIndex(where: { $0.hasPrefix("hosts:") }) else {
            throw Failure(description: "\(file): no hosts: section; fix: add `hosts:` with the cloud's hosts (bojagi init writes one)")
        }
        let value = uncommented(String(lines[key].dropFirst("hosts:".count))).trimmingCharacters(in: .whitespaces)
        if value == "[]" { return Block(key: key, end: key + 1, entries: [], emptyFlow: true) }
        guard value.isEmpty else {
            throw Failure(description: "\(file):\(key + 1): hosts: is written in flow style; fix: write it as a block list, one `- name:` entry per host")
        }
        var end = key + 1
        while end < lines.count {
            let line = lines[end]
            if let first = line.first, first != " ", first != "\t", !line.hasPrefix("- ") { break }
            end += 1
        }
        let dashes = (key + 1..<end).filter { lines[$0].trimmingCharacters(in: .whitespaces).hasPrefix("- ") }
        let dashIndent = dashes.map { indentation(lines[$0]).count }.min() ?? 0
        return Block(key: key, end: end, entries: dashes.filter { indentation(lines[$0]).count == dashIndent }, emptyFlow: false)
    }

    /// The name of an entry, written `- name: x`, `- {name: x, …}` or on a later `name:` line.
    static func entryName(_ lines: ArraySlice<String>) -> String? {
        for (offset, line) in lines.enumerated() {
            var body = uncommented(line).trimmingCharacters(in: .whitespaces)
            if offset == 0 { body = String(body.dropFirst(2)).trimmingCharacters(in: .whitespaces) }
            if body.hasPrefix("{") {
                guard let range = body.range(of: "name:") else { continue }
                let rest = body[range.upperBound...].trimmingCharacters(in: .whitespaces)
                return unquoted(String(rest.prefix { $0 != "," && $0 != "}" }).trimmingCharacters(in: .whitespaces))
            }
            if body.hasPrefix("name:") { return unquoted(String(body.dropFirst(5)).trimmingCharacters(in: .whitespaces)) }
        }
        return nil
    }

    /// Whether `cmp[01:03]` stands for `name`.
    static func rangeCovers(_ pattern: String, _ name: String) -> Bool {
        guard let open = pattern.firstIndex(of: "["), let close = pattern.firstIndex(of: "]"), open < close else { return false }
        let bounds = pattern[pattern.index(after: open)..<close].split(separator: ":")
        guard bounds.count == 2, let low = Int(bounds[0]), let high = Int(bounds[1]), low <= high else { return false }
        let prefix = String(pattern[..<open]), suffix = String(pattern[pattern.index(after: close)...])
        let width = bounds[0].count
        return (low...high).contains { number in
            let digits = String(number)
            let padded: String = String(repeating: "0", count: max(0, width - digits.count)) + digits
            return prefix + padded + suffix == name
        }
    }

    static func entry(_ host: Host, indent: String) -> [String] {
        let field = indent + "  "
        var lines = ["\(indent)- name: \(host.name)"]
        if let address = host.address { lines.append("\(field)address: \(address)") }
        lines.append("\(field)roles: [\(host.roles.map(\.rawValue).joined(separator: ", "))]")
        if let cores = host.cores { lines.append("\(field)cores: \(cores)") }
        if let memory = host.memoryGiB { lines.append("\(field)memory_gib: \(memory)") }
        if !host.interfaces.isEmpty {
            lines.append("\(field)interfaces: {" + host.interfaces.sorted { $0.key < $1.key }.map { "\($0.key): \($0.value)" }.joined(separator: ", ") + "}")
        }
        if !host.services.isEmpty { lines.append("\(field)services: [\(host.services.joined(separator: ", "))]") }
        if let rack = host.rack { lines.append("\(field)rack: \(rack)") }
        if !host.disks.isEmpty {
            lines.append("\(field)disks:")
            for disk in host.disks {
                var parts = disk.device.map { ["device: \($0)"] } ?? []
                parts += ["size_gb: \(disk.sizeGB)", "type: \(disk.kind.rawValue)"]
                if disk.count != 1 { parts.append("count: \(disk.count)") }
                if let tier = disk.tier { parts.append("tier: \(tier)") }
                lines.append("\(field)  - {\(parts.joined(separator: ", "))}")
            }
        }
        return lines
    }

    static func indentation(_ line: String) -> String { String(line.prefix { $0 == " " || $0 == "\t" }) }

    static func uncommented(_ line: String) -> String {
        guard let hash = line.range(of: " #") ?? (line.hasPrefix("#") ? line.range(of: "#") : nil) else { return line }
        return String(line[..<hash.lowerBound])
    }

    static func trailingComment(_ line: String) -> String {
        line.range(of: " #").map { String(line[$0.lowerBound...]) } ?? ""
    }

    static func unquoted(_ text: String) -> String {
        text.count >= 2 && (text.hasPrefix("\"") && text.hasSuffix("\"") || text.hasPrefix("'") && text.hasSuffix("'"))
            ? String(text.dropFirst().dropLast()) : text
    }
}
