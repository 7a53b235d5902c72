@testable import BojagiCore

extension RuleCases {
    static let service: [RuleCase] = []
}
