/// A JSON document written byte for byte the same every time: keys sorted, two-space indent, numbers as
/// given. Grafana's dashboard model has camelCase keys and nulls, which `JSON.encode` is not for.
indirect enum JSONValue: Sendable, Hashable, ExpressibleByStringLiteral, ExpressibleByIntegerLiteral,
                          ExpressibleByBooleanLiteral, ExpressibleByArrayLiteral, ExpressibleByDictionaryLiteral {
    case string(String)
    case integer(Int)
    /// A decimal already formatted (`0.85`), so no float printing decides the bytes.
    case decimal(String)
    case bool(Bool)
    case null
    case array([JSONValue])
    case object([String: JSONValue])

    init(stringLiteral value: String) { self = .string(value) }
    init(integerLiteral value: Int) { self = .integer(value) }
    init(booleanLiteral value: Bool) { self = .bool(value) }
    init(arrayLiteral elements: JSONValue...) { self = .array(elements) }
    init(dictionaryLiteral elements: (String, JSONValue)...) {
        self = .object(Dictionary(elements, uniquingKeysWith: { _, last in last }))
    }

    /// The document and a final newline.
    var text: String { write(indent: 0) + "\n" }

    private func write(indent: Int) -> String {
        let inner = String(repeating: "  ", count: indent + 1), outer = String(repeating: "  ", count: indent)
        switch self {
        case let .string(text): return Self.quoted(text)
        case let .integer(value): return String(value)
        case let .decimal(text): return text
        case let .bool(value): return value ? "true" : "false"
        case .null: return "null"
        case let .array(elements):
            guard !elements.isEmpty else { return "[]" }
            return "[\n" + elements.map { inner + $0.write(indent: indent + 1) }.joined(separator: ",\n") + "\n\(outer)]"
        case let .object(members):
            guard !members.isEmpty else { return "{}" }
            return "{\n" + members.sorted { $0.key < $1.key }
                .map { inner + Self.quoted($0.key) + ": " + $0.value.write(indent: indent + 1) }
                .joined(separator: ",\n") + "\n\(outer)}"
        }
    }

    static func quoted(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            case "\r": out += "\\r"
            default:
                if scalar.value < 0x20 {
                    out += "\\u" + String(repeating: "0", count: 4 - String(scalar.value, radix: 16).count) + String(scalar.value, radix: 16)
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }
}
