/// A problem in a file the user wrote, with where it is and how to fix it.
public struct Diagnostic: Sendable, Hashable, CustomStringConvertible {
    public let file: String
    public let line: Int?
    public let column: Int?
    public let path: String
    public let message: String
    public let fix: String?

    public init(file: String, line: Int? = nil, column: Int? = nil, path: String, message: String, fix: String? = nil) {
        self.file = file
        self.line = line
        self.column = column
        self.path = path
        self.message = message
        self.fix = fix
    }

    public var description: String {
        var place = file
        if let line { place += ":\(line)" }
        if let column { place += ":\(column)" }
        let subject = path.isEmpty ? "" : "\(path): "
        var text = "\(place): error: \(subject)\(message)"
        if let fix { text += "\n  fix: \(fix)" }
        return text
    }
}

/// A blueprint that cannot be read: every problem found, in file order.
public struct BlueprintError: Error, Sendable, CustomStringConvertible {
    public let diagnostics: [Diagnostic]

    public var description: String {
        diagnostics.map(\.description).joined(separator: "\n")
    }
}
