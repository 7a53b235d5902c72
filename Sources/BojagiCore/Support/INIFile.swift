/// An INI/oslo.config file as ordered sections of ordered keys, so its bytes are stable.
public struct INIFile: Sendable, Hashable {
    public var sections: [(name: String, entries: [(String, String)])] = []

    public init(_ sections: [(String, [(String, String)])] = []) {
        self.sections = sections.map { (name: $0.0, entries: $0.1) }
    }

    public static func == (lhs: INIFile, rhs: INIFile) -> Bool { lhs.text == rhs.text }
    public func hash(into hasher: inout Hasher) { hasher.combine(text) }

    public mutating func add(_ name: String, _ entries: [(String, String)]) {
        sections.append((name: name, entries: entries))
    }

    public var text: String {
        sections.map { section in
            "[\(section.name)]\n" + section.entries.map { "\($0.0) = \($0.1)\n" }.joined()
        }.joined(separator: "\n")
    }
}
