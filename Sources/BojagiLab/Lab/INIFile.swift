import BojagiCore
import BojagiOpenStack
/// An INI/oslo.config file as ordered sections of ordered keys, so its bytes are stable.
struct INIFile: Sendable, Hashable {
    var sections: [(name: String, entries: [(String, String)])] = []

    init(_ sections: [(String, [(String, String)])] = []) {
        self.sections = sections.map { (name: $0.0, entries: $0.1) }
    }

    static func == (lhs: INIFile, rhs: INIFile) -> Bool { lhs.text == rhs.text }
    func hash(into hasher: inout Hasher) { hasher.combine(text) }

    mutating func add(_ name: String, _ entries: [(String, String)]) {
        sections.append((name: name, entries: entries))
    }

    var text: String {
        sections.map { section in
            "[\(section.name)]\n" + section.entries.map { "\($0.0) = \($0.1)\n" }.joined()
        }.joined(separator: "\n")
    }
}
