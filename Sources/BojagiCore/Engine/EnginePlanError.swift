/// An operation the planner refuses, with the fix.
public struct EnginePlanError: Error, Sendable, Hashable, CustomStringConvertible {
    public let message: String
    public let fix: String

    public init(_ message: String, fix: String) {
        self.message = message
        self.fix = fix
    }

    public var description: String { "\(message)\n  fix: \(fix)" }
}
