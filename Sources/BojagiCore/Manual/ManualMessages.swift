import Foundation
import Yams

/// One language's message catalog for the manual: named keys, each a sentence with `{placeholders}`. Both
/// languages come from the same keys, so the Korean and English manuals say the same things.
public struct ManualMessages: Sendable {
    public enum Language: String, Sendable, Codable, CaseIterable {
        case en, ko
    }

    public let language: Language
    public let entries: [String: String]

    /// What marks a missing key or an unfilled placeholder in the output, so a test (and the command) can
    /// refuse a manual that has one. Never a brace: commands may carry braces of their own.
    public static let unresolvedMark = "⟦"

    public init(language: Language, yaml: String) throws {
        guard let map = try Yams.load(yaml: yaml) as? [String: Any] else {
            throw ManualError.catalog(language.rawValue, "the catalog is not a map of key: text")
        }
        var entries: [String: String] = [:]
        for (key, value) in map {
            guard let text = value as? String else {
                throw ManualError.catalog(language.rawValue, "key \(key) is not a string; quote it")
            }
            entries[key] = text
        }
        self.language = language
        self.entries = entries
    }

    /// `Resources/manual/<language>.yaml` from the bundle.
    public static func bundled(_ language: Language) throws -> ManualMessages {
        guard let url = Bundle.module.url(forResource: "manual/\(language.rawValue)", withExtension: "yaml")
            ?? Bundle.module.url(forResource: language.rawValue, withExtension: "yaml", subdirectory: "manual") else {
            throw ManualError.catalog(language.rawValue, "manual/\(language.rawValue).yaml is not in the bundle")
        }
        return try ManualMessages(language: language, yaml: String(contentsOf: url, encoding: .utf8))
    }

    /// The template of `key`: the language's catalog; for English, sentences the code says itself (the
    /// upgrade planner's, the topology drawing's) come from their owners' tables (`Phrase.english`), so that
    /// English has one source. Korean has them all in ko.yaml.
    public func template(_ key: String) -> String? {
        entries[key] ?? (language == .en ? Phrase.english[key] : nil)
    }

    /// The text of `key` with each `{name}` replaced from `arguments`; a missing key or argument shows as
    /// `⟦…⟧`, which the tests and `bojagi manual` refuse.
    public func callAsFunction(_ key: String, _ arguments: [String: String] = [:]) -> String {
        guard let template = template(key) else { return "\(Self.unresolvedMark)\(key)⟧" }
        return Template.fill(template, arguments)
    }

    /// A phrase (an upgrade step, a catalog fact) in this language.
    public func callAsFunction(_ phrase: Phrase) -> String {
        phrase.text(language, templates: template)
    }

    /// The `{placeholders}` a key's text names, for the catalogs' agreement test.
    public static func placeholders(_ text: String) -> Set<String> {
        var names: Set<String> = []
        var rest = Substring(text)
        while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
            names.insert(String(rest[rest.index(after: open)..<close]))
            rest = rest[rest.index(after: close)...]
        }
        return names
    }
}

/// What stops a manual: a catalog that cannot be read, a record that cannot be parsed.
public enum ManualError: Error, Equatable, CustomStringConvertible {
    case catalog(String, String)
    case unresolved([String])

    public var description: String {
        switch self {
        case let .catalog(language, message):
            "manual message catalog \(language).yaml: \(message)"
        case let .unresolved(items):
            "the manual has unresolved messages: \(items.joined(separator: ", "))\n  fix: add them to Sources/BojagiCore/Resources/manual/en.yaml and ko.yaml"
        }
    }
}
