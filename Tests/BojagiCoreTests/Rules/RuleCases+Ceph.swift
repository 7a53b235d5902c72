@testable import BojagiCore

extension RuleCases {
    static let ceph: [RuleCase] = []
}
