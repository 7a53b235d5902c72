import Foundation

/// JSON for machines: sorted keys and stable formatting, so output can be diffed and pinned.
public enum JSON {
    public static func encode(_ value: some Encodable) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.keyEncodingStrategy = .convertToSnakeCase
        return String(decoding: try encoder.encode(value), as: UTF8.self) + "\n"
    }

    /// Reads what `encode` wrote back into the same type. Foundation's `convertFromSnakeCase` would give `runId`
    /// and `keystoneUrl` for `run_id` and `keystone_url`; Swift names them `runID` and `keystoneURL`.
    public static func decode<T: Decodable>(_ type: T.Type, from data: Data) throws -> T {
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .custom { path in
            let parts = path.last!.stringValue.split(separator: "_")
            let name = parts.enumerated().map { index, part -> String in
                if index == 0 { return String(part) }
                if acronyms.contains(String(part)) { return part.uppercased() }
                return part.prefix(1).uppercased() + part.dropFirst()
            }.joined()
            return Key(stringValue: name)
        }
        return try decoder.decode(type, from: data)
    }

    /// Words Swift names write in capitals after the first word (`runID`, `keystoneURL`).
    static let acronyms: Set<String> = ["id", "url"]

    private struct Key: CodingKey {
        let stringValue: String
        let intValue: Int? = nil
        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }
}
