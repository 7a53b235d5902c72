import BojagiCore
import BojagiOpenStack
/// A lab step that failed: which step, why, and where to look (the log file and its last lines).
public struct LabFailure: Error, Sendable, CustomStringConvertible {
    public let step: String
    public let message: String
    public let log: String?
    public let tail: [String]
    public let fix: String?

    public init(step: String, message: String, log: String? = nil, tail: [String] = [], fix: String? = nil) {
        self.step = step
        self.message = message
        self.log = log
        self.tail = tail
        self.fix = fix
    }

    public var description: String {
        var text = "lab step '\(step)' failed: \(message)"
        if let log { text += "\n  log: \(log)" }
        if !tail.isEmpty { text += "\n  last lines:\n" + tail.map { "    " + $0 }.joined(separator: "\n") }
        if let fix { text += "\n  fix: \(fix)" }
        return text
    }
}
