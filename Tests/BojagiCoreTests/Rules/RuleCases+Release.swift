@testable import BojagiCore

extension RuleCases {
    static let release: [RuleCase] = []
}
