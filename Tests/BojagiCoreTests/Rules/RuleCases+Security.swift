@testable import BojagiCore

extension RuleCases {
    static let security: [RuleCase] = []
}
