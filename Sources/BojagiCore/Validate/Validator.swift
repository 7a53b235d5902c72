/// Runs every rule and collects all findings, so the user sees every problem at once.
public struct Validator: Sendable {
    public let rules: [any Rule]

    public init(rules: [any Rule] = Validator.allRules) {
        self.rules = rules
    }

    public func validate(_ context: RuleContext) -> [Finding] {
        rules.flatMap { $0.check(context) }
    }
}
