import Yams

/// Collects the problems found while reading one YAML file.
final class DiagnosticSink {
    let file: String
    private(set) var diagnostics: [Diagnostic] = []
    /// Line of every path read, so later findings can point into the file.
    var lines: [String: Int] = [:]

    init(file: String) { self.file = file }

    func report(_ node: Node?, _ path: String, _ message: String, fix: String? = nil) {
        diagnostics.append(Diagnostic(file: file, line: node?.mark?.line, column: node?.mark?.column,
                                      path: path, message: message, fix: fix))
    }
}

/// A node of the user's YAML with its dotted path, reading typed values and reporting, never throwing, so
/// that every problem in the file is found in one pass.
struct YAMLField {
    let node: Node
    let path: String
    let sink: DiagnosticSink

    var line: Int? { node.mark?.line }

    func child(_ key: String, _ node: Node) -> YAMLField {
        located(node, path.isEmpty ? key : "\(path).\(key)")
    }

    func element(_ index: Int, _ node: Node) -> YAMLField {
        located(node, "\(path)[\(index)]")
    }

    private func located(_ node: Node, _ path: String) -> YAMLField {
        if let line = node.mark?.line { sink.lines[path] = line }
        return YAMLField(node: node, path: path, sink: sink)
    }

    func report(_ message: String, fix: String? = nil) {
        sink.report(node, path, message, fix: fix)
    }

    var isNull: Bool {
        if case let .scalar(scalar) = node, scalar.style == .plain, ["", "~", "null", "Null", "NULL"].contains(scalar.string) {
            return true
        }
        return false
    }

    /// The keys of a mapping, refusing keys outside `allowed` (with a suggestion) and duplicates.
    func mapping(allowed: [String], what: String) -> [String: YAMLField]? {
        guard case let .mapping(mapping) = node else {
            if !isNull { report("expected a mapping of \(what), found \(kindName)") }
            return isNull ? [:] : nil
        }
        var fields: [String: YAMLField] = [:]
        for (keyNode, valueNode) in mapping {
            guard let key = keyNode.string else {
                sink.report(keyNode, path, "keys must be plain names")
                continue
            }
            guard allowed.contains(key) else {
                if Self.looksSecret(key) {
                    sink.report(keyNode, path.isEmpty ? key : "\(path).\(key)",
                                "'\(key)' looks like a secret: secrets do not belong in bojagi.yaml, which is meant to be kept in git",
                                fix: "remove it; Bojagi generates every password into passwords.yml (mode 0600) and keeps them across renders")
                    continue
                }
                sink.report(keyNode, path.isEmpty ? key : "\(path).\(key)",
                            "unknown key '\(key)' in \(what)" + Suggestion.phrase(for: key, in: allowed),
                            fix: "use one of: \(allowed.joined(separator: ", "))")
                continue
            }
            guard fields[key] == nil else {
                sink.report(keyNode, path.isEmpty ? key : "\(path).\(key)", "'\(key)' is given twice",
                            fix: "keep one '\(key)'")
                continue
            }
            fields[key] = child(key, valueNode)
        }
        return fields
    }

    static func looksSecret(_ key: String) -> Bool {
        let key = key.lowercased()
        return ["password", "passwd", "secret", "token", "private_key", "credential", "api_key"].contains { key.contains($0) }
    }

    /// Entries of a mapping whose keys are user-chosen names (pools, interfaces).
    func namedEntries() -> [(String, YAMLField)]? {
        guard case let .mapping(mapping) = node else {
            if !isNull { report("expected a mapping, found \(kindName)") }
            return isNull ? [] : nil
        }
        return mapping.compactMap { keyNode, valueNode in
            guard let key = keyNode.string else { return nil }
            return (key, child(key, valueNode))
        }
    }

    func sequence() -> [YAMLField]? {
        if isNull { return [] }
        guard case let .sequence(sequence) = node else {
            report("expected a list, found \(kindName)", fix: "write it as [a, b] or as lines starting with '- '")
            return nil
        }
        return sequence.enumerated().map { element($0.offset, $0.element) }
    }

    func string() -> String? {
        guard case let .scalar(scalar) = node, !isNull else {
            report("expected a text value, found \(kindName)")
            return nil
        }
        return scalar.string
    }

    func int(in range: ClosedRange<Int>? = nil) -> Int? {
        guard case .scalar = node, let value = node.int else {
            report("expected a whole number, found \(describe)")
            return nil
        }
        if let range, !range.contains(value) {
            report("\(value) is out of range", fix: "use a value from \(range.lowerBound) to \(range.upperBound)")
            return nil
        }
        return value
    }

    func double(in range: ClosedRange<Double>? = nil) -> Double? {
        guard case .scalar = node, let value = node.float ?? node.int.map(Double.init) else {
            report("expected a number, found \(describe)")
            return nil
        }
        if let range, !range.contains(value) {
            report("\(value) is out of range", fix: "use a value from \(range.lowerBound) to \(range.upperBound)")
            return nil
        }
        return value
    }

    func bool() -> Bool? {
        guard case .scalar = node, let value = node.bool else {
            report("expected true or false, found \(describe)")
            return nil
        }
        return value
    }

    /// A list of texts; a single text is accepted as a list of one.
    func strings() -> [String]? {
        if case .scalar = node, !isNull { return string().map { [$0] } }
        guard let items = sequence() else { return nil }
        return items.compactMap { $0.string() }
    }

    /// One of `choices`, any case, with a suggestion when it is none of them.
    func choice(_ choices: [String], what: String) -> String? {
        guard let text = string() else { return nil }
        if let match = choices.first(where: { $0.lowercased() == text.lowercased() }) { return match }
        report("unknown \(what) '\(text)'" + Suggestion.phrase(for: text, in: choices),
               fix: "use one of: \(choices.joined(separator: ", "))")
        return nil
    }

    private var kindName: String {
        switch node {
        case .mapping: "a mapping"
        case .sequence: "a list"
        case .scalar: "a value"
        case .alias: "an alias"
        }
    }

    private var describe: String {
        if case let .scalar(scalar) = node { return "'\(scalar.string)'" }
        return kindName
    }
}
