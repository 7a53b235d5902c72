import Testing
@testable import BojagiCore

@Suite struct RuleTests {
    static let cases: [RuleCase] = RuleCases.all

    @Test func theBaseBlueprintIsClean() {
        let findings = Validator().validate(RuleHarness.context(RuleHarness.base))
        #expect(findings.isEmpty, "\(findings)")
    }

    @Test(arguments: cases)
    func ruleFires(_ ruleCase: RuleCase) throws {
        #expect(RuleHarness.findings(ruleCase.id, RuleHarness.base).isEmpty, "the base blueprint already trips \(ruleCase.id)")
        var blueprint = RuleHarness.base
        ruleCase.mutate(&blueprint)
        let findings = RuleHarness.findings(ruleCase.id, blueprint)
        let finding = try #require(findings.first, "\(ruleCase.id) did not fire for: \(ruleCase.label)")
        #expect(finding.id == ruleCase.id)
        #expect(finding.severity == ruleCase.severity)
        #expect(finding.message.contains(ruleCase.message), "message was: \(finding.message)")
        #expect(finding.fix?.isEmpty == false)
    }

    @Test func everyRuleHasACaseAndAStableUniqueId() {
        let ids = Validator.allRules.map(\.id)
        #expect(Set(ids).count == ids.count)
        let covered = Set(Self.cases.map(\.id))
        for id in ids { #expect(covered.contains(id), "\(id) has no test case") }
        #expect(ids.count >= 30)
    }
}
