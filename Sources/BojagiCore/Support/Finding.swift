/// A result of resolving or validating a blueprint: a stable rule id, a severity, the blueprint path it
/// concerns, and a fix the user can act on. All findings are collected, then reported together.
public struct Finding: Sendable, Hashable, Codable {
    public enum Severity: String, Sendable, Hashable, Codable, Comparable, CaseIterable {
        case error, warning, advice

        private var rank: Int {
            switch self {
            case .error: 0
            case .warning: 1
            case .advice: 2
            }
        }

        public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rank < rhs.rank }
    }

    public let id: String
    public let severity: Severity
    /// Dotted path into bojagi.yaml: `services.add[1]`, `hosts[2].address`; empty for the whole file.
    public let path: String
    public let message: String
    public let fix: String?
    /// Line in bojagi.yaml, when the path points at something written there.
    public var line: Int?

    public init(id: String, severity: Severity, path: String, message: String, fix: String? = nil, line: Int? = nil) {
        self.id = id
        self.severity = severity
        self.path = path
        self.message = message
        self.fix = fix
        self.line = line
    }
}

extension Array where Element == Finding {
    /// Errors first, then by rule id and path, so reports are stable.
    public func sortedForReport() -> [Finding] {
        sorted { ($0.severity, $0.id, $0.path, $0.message) < ($1.severity, $1.id, $1.path, $1.message) }
    }

    public var hasErrors: Bool { contains { $0.severity == .error } }
}
