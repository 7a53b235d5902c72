/// A step of a long run (a lab, Tempest) that failed: which step, why, where to look (the log and its last
/// lines) and how to continue.
public struct StepFailure: Error, Sendable, CustomStringConvertible {
    /// What was running: "lab", "tempest".
    public let scope: String
    public let step: String
    public let message: String
    public let log: String?
    public let tail: [String]
    public let fix: String?

    public init(_ scope: String, step: String, message: String, log: String? = nil, tail: [String] = [], fix: String? = nil) {
        self.scope = scope
        self.step = step
        self.message = message
        self.log = log
        self.tail = tail
        self.fix = fix
    }

    public var description: String {
        var text = "\(scope) step '\(step)' failed: \(message)"
        if let log { text += "\n  log: \(log)" }
        if !tail.isEmpty { text += "\n  last lines:\n" + tail.map { "    " + $0 }.joined(separator: "\n") }
        if let fix { text += "\n  fix: \(fix)" }
        return text
    }
}

/// A `verify --tempest` step that failed.
public typealias TempestFailure = StepFailure
