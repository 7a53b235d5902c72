@testable import BojagiCore

extension RuleCases {
    static let capacity: [RuleCase] = []
}
