/// One key of globals.yml with the blueprint setting that produced it.
public struct GlobalsEntry: Sendable, Hashable {
    public enum Value: Sendable, Hashable {
        case string(String)
        case flag(Bool)
        case number(Int)
        /// A YAML block already indented by two spaces per level, for lists of mappings.
        case block([String])
    }

    public let key: String
    public let value: Value
    /// Which blueprint setting produced it: `ha.enabled`, `storage.ceph.tiers`.
    public let origin: String

    public init(_ key: String, _ value: Value, from origin: String) {
        self.key = key
        self.value = value
        self.origin = origin
    }

    var yaml: String {
        switch value {
        case let .string(text): return "\(key): \"\(text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\""))\""
        case let .flag(on): return "\(key): \"\(on ? "yes" : "no")\""
        case let .number(number): return "\(key): \(number)"
        case let .block(lines): return "\(key):\n" + lines.map { "  " + $0 }.joined(separator: "\n")
        }
    }
}
