/// A sentence kept as what a language catalog needs to say it, rather than as finished English: the code's
/// own sentences as message keys with arguments (their English templates stay with the code that says them),
/// the catalogs' data sentences with their translations beside them, and names, versions and commands as they
/// are. Composed sentences (a base sentence and optional clauses) are a `sequence`, each part translatable.
public indirect enum Phrase: Sendable, Hashable {
    /// The same in every language: a name, a version, a command.
    case verbatim(String)
    /// A sentence from a catalog file, with its translations (`text:` beside `text_ko:`).
    case translated(Translated)
    /// A message key and its arguments; the English template is in `Phrase.english`, the others in the
    /// language's catalog (`Resources/manual/ko.yaml`).
    case message(String, [String: Phrase])
    /// Parts said one after another.
    case sequence([Phrase])
    /// Items with a separator between them, itself a phrase (`, `, ` or `).
    case joined([Phrase], separator: Phrase)

    /// Says the phrase in `language`: message keys from `templates` (for English, `Phrase.english`), catalog
    /// sentences in their translation. A missing template, argument or translation shows as `⟦…⟧`.
    public func text(_ language: ManualMessages.Language, templates: (String) -> String?) -> String {
        switch self {
        case let .verbatim(text):
            return text
        case let .translated(text):
            return text[language] ?? "\(ManualMessages.unresolvedMark)\(language.rawValue): \(text.en)⟧"
        case let .message(key, arguments):
            guard let template = templates(key) else { return "\(ManualMessages.unresolvedMark)\(key)⟧" }
            return Template.fill(template, arguments.mapValues { $0.text(language, templates: templates) })
        case let .sequence(parts):
            return parts.map { $0.text(language, templates: templates) }.joined()
        case let .joined(items, separator):
            return items.map { $0.text(language, templates: templates) }.joined(separator: separator.text(language, templates: templates))
        }
    }

    /// The phrase in English, from the code's own templates: what the planner and the reports print.
    public var english: String { text(.en) { Self.english[$0] } }

    /// Every English template a phrase may name, by key: the owners' tables, each kept beside the code that
    /// says it. Keys are unique across owners (checked by the catalog agreement test).
    public static let english: [String: String] = UpgradePlanner.messages
        .merging(Catalog.availabilityMessages) { first, _ in first }
        .merging(TopologyDiagram.english) { first, _ in first }
        .merging(Resolver.messages) { first, _ in first }
        .merging(common) { first, _ in first }

    /// Separators that differ between languages.
    static let common: [String: String] = [
        "list.or": " or ",
        "list.comma": ", ",
    ]

    /// A message whose arguments are all verbatim.
    public static func key(_ key: String, _ arguments: [String: String] = [:]) -> Phrase {
        .message(key, arguments.mapValues { .verbatim($0) })
    }

    /// Names joined with `or` in the reader's language.
    public static func or(_ names: [String]) -> Phrase {
        .joined(names.map { .verbatim($0) }, separator: .key("list.or"))
    }
}

/// A catalog sentence with its translations. English is required; a missing translation shows as unresolved.
public struct Translated: Sendable, Hashable {
    public let en: String
    public let ko: String?

    public init(en: String, ko: String?) {
        self.en = en
        self.ko = ko
    }

    public subscript(language: ManualMessages.Language) -> String? {
        switch language {
        case .en: en
        case .ko: ko
        }
    }
}

/// `{name}` placeholders in a template.
public enum Template {
    /// `template` with each `{name}` replaced from `arguments`; a missing argument shows as `⟦name⟧`. Values are
    /// not scanned again, so text with braces of its own (`{{ docker_namespace }}`) passes through.
    public static func fill(_ template: String, _ arguments: [String: String]) -> String {
        var out = ""
        var rest = Substring(template)
        while let open = rest.firstIndex(of: "{") {
            guard let close = rest[open...].firstIndex(of: "}") else { break }
            out += rest[..<open]
            let name = String(rest[rest.index(after: open)..<close])
            out += arguments[name] ?? "\(ManualMessages.unresolvedMark)\(name)⟧"
            rest = rest[rest.index(after: close)...]
        }
        return out + rest
    }
}
