/// An `up`, `down` or drill step that failed: which step, why, and the end of the log that says more.
public struct HALabError: Error, CustomStringConvertible, Sendable {
    public let step: String
    public let message: String
    public let log: String?
    public let lastLines: [String]

    public init(step: String, message: String, log: String? = nil, lastLines: [String] = []) {
        self.step = step
        self.message = message
        self.log = log
        self.lastLines = lastLines
    }

    public var description: String {
        var text = "HA lab step '\(step)' failed: \(message)"
        if let log { text += "\n  log: \(log)" }
        if !lastLines.isEmpty { text += "\n  last lines:\n" + lastLines.map { "    \($0)" }.joined(separator: "\n") }
        return text
    }
}
