import Foundation

/// A `verify --tempest` step that failed: which step, why, where to look and how to continue.
public struct TempestFailure: Error, Sendable, CustomStringConvertible {
    public let step: String
    public let message: String
    public let log: String?
    public let fix: String?

    public init(step: String, message: String, log: String? = nil, fix: String? = nil) {
        self.step = step
        self.message = message
        self.log = log
        self.fix = fix
    }

    public var description: String {
        var text = "tempest step '\(step)' failed: \(message)"
        if let log { text += "\n  log: \(log)" }
        if let fix { text += "\n  fix: \(fix)" }
        return text
    }
}
