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

    @Test func flashTiersSharingHostsPassWhenEveryDiskHasAPath() {
        var blueprint = RuleHarness.base
        blueprint.storage.ceph?.tiers.append(.init(name: "nvme", deviceClass: "nvme"))
        for index in blueprint.hosts.indices where blueprint.hosts[index].roles.contains(.storage) {
            blueprint.hosts[index].disks.removeAll { $0.kind == .ssd }
            blueprint.hosts[index].disks += [.init(device: "/dev/sdb", sizeGB: 3840, kind: .ssd), .init(device: "/dev/sdc", sizeGB: 3840, kind: .ssd),
                                             .init(device: "/dev/nvme0n1", sizeGB: 1920, kind: .nvme)]
        }
        #expect(RuleHarness.findings("CEPH009", blueprint).isEmpty)
    }

    @Test func everyRuleHasACaseAndAStableUniqueId() {
        let ids = Validator.allRules.map(\.id)
        #expect(Set(ids).count == ids.count)
        let covered = Set(Self.cases.map(\.id))
        for id in ids { #expect(covered.contains(id), "\(id) has no test case") }
        #expect(ids.count >= 30)
    }
}
