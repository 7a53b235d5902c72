import Testing
@testable import BojagiCore
import BojagiTestSupport

/// kolla-ansible's own branch per series (openstack/releases deliverables/<series>/kolla-ansible.yaml), REL005
/// and the upgrade planner's UPG010.
@Suite struct KollaBranchTests {
    let catalog = Fixtures.catalog

    func release(_ name: String) throws -> Release { try #require(catalog.release(named: name)) }

    @Test func everySeriesFromYogaHasItsRecordedBranch() throws {
        let expected: [(String, Release.KollaBranch.Status, String)] = [
            ("yoga", .endOfLife, "yoga-eol"), ("zed", .endOfLife, "zed-eol"), ("2023.1", .endOfLife, "2023.1-eol"),
            ("2023.2", .endOfLife, "2023.2-eol"), ("2024.1", .unmaintained, "unmaintained/2024.1"),
            ("2024.2", .endOfLife, "2024.2-eol"), ("2025.1", .maintained, "stable/2025.1"),
            ("2025.2", .maintained, "stable/2025.2"), ("2026.1", .maintained, "stable/2026.1"), ("2026.2", .development, "master"),
        ]
        for (name, status, ref) in expected {
            let release = try self.release(name)
            let branch = try #require(release.kollaAnsibleBranch, "\(name) has no kolla-ansible branch")
            #expect(branch.status == status && branch.ref == ref, "\(name): \(branch)")
            #expect(release.source?.kollaAnsibleBranch?.contains("deliverables/") == true, "\(name): no source")
        }
        let indri = try self.release("indri")
        #expect(indri.kollaAnsibleBranch == nil)
    }

    /// The finding: kolla-ansible's Yoga, Zed and 2023.1 branches are gone while OpenStack calls the series
    /// unmaintained.
    @Test func yogaZedAndAntelopeEndedBeforeTheirSeries() throws {
        for name in ["yoga", "zed", "antelope"] {
            let release = try self.release(name)
            #expect(release.status(on: Fixtures.today) == "unmaintained")
            #expect(release.kollaAnsibleStatus(on: Fixtures.today) == .endOfLife)
        }
    }

    @Test func aBranchNeverOutlivesItsSeries() throws {
        let epoxy = try release("epoxy")
        #expect(epoxy.kollaAnsibleStatus(on: Day(year: 2026, month: 8, day: 1)) == .maintained)
        #expect(epoxy.kollaAnsibleStatus(on: Fixtures.today) == .unmaintained)
        let (caracal, dalmatian) = (try self.release("caracal"), try self.release("dalmatian"))
        #expect(caracal.kollaAnsibleStatus(on: Day(year: 2030, month: 1, day: 1)) == .unmaintained)
        #expect(dalmatian.kollaAnsibleStatus(on: Fixtures.today) == .endOfLife)
    }

    @Test func theFixNamesTheNearestReleaseKollaStillMaintains() throws {
        let yoga = RuleHarness.findings("REL005", Self.blueprint("yoga"))
        #expect(yoga.first?.fix?.contains("target 2025.2 Flamingo, the nearest release whose kolla-ansible branch (stable/2025.2)") == true,
                "\(yoga)")
        #expect(yoga.first?.path == "release")
        // Before Epoxy left maintenance, it was the nearest.
        let august = Day(year: 2026, month: 8, day: 1)
        let (yogaRelease, gazpacho) = (try self.release("yoga"), try self.release("2026.1"))
        #expect(catalog.nearestKollaMaintained(after: yogaRelease, on: august)?.name == "epoxy")
        #expect(catalog.nearestKollaMaintained(after: gazpacho, on: Fixtures.today) == nil)
    }

    /// REL003 already warns about a series at end of life; the maintained and not yet branched ones are fine.
    @Test func rel005StaysSilentWhereItHasNothingToAdd() {
        for name in ["queens", "2023.2", "2024.2", "2025.2", "2026.1", "2026.2"] {
            #expect(RuleHarness.findings("REL005", Self.blueprint(name)).isEmpty, "\(name)")
        }
    }

    static func blueprint(_ release: String) -> Blueprint {
        var blueprint = RuleHarness.base
        blueprint.release = release
        return blueprint
    }

    // MARK: Upgrade plans

    func upgrade(_ from: String, to: String) throws -> UpgradePlan {
        let blueprint = try Fixtures.blueprint("schema: 1\nname: test\nrelease: \(from)\nprofile: web-application\n")
        return try UpgradePlanner(catalog: catalog, today: Fixtures.today).plan(blueprint, to: to)
    }

    @Test func aRouteFromAndToReleasesWithoutKollaBranchesSaysSo() throws {
        let plan = try upgrade("2023.1", to: "2024.1")
        let start = try #require(plan.findings.first { $0.id == "UPG010" && $0.severity == .advice })
        #expect(start.message.hasPrefix("kolla-ansible 16 for 2023.1 Antelope reached end of life"))
        #expect(start.message.hasSuffix("the upgrade starts there, so the backups and checks before the first hop run with it"))
        let end = try #require(plan.findings.first { $0.id == "UPG010" && $0.severity == .warning })
        #expect(end.message.hasPrefix("kolla-ansible 18 for 2024.1 Caracal has been unmaintained"))
        #expect(end.message.hasSuffix("the upgrade ends there"))
        #expect(end.fix?.contains("target 2025.2 Flamingo") == true)
    }

    @Test func aRouteOutToAMaintainedBranchIsTheWayOut() throws {
        let plan = try upgrade("2024.1", to: "2026.1")
        let findings = plan.findings.filter { $0.id == "UPG010" }
        #expect(findings.count == 1 && findings.first?.severity == .advice)
        #expect(findings.first?.fix?.contains("this upgrade is the way out") == true)
        let (maintained, none) = (try upgrade("2025.2", to: "2026.1"), try upgrade("2024.1", to: "2024.1"))
        #expect(maintained.findings.allSatisfy { $0.id != "UPG010" })
        #expect(none.findings.allSatisfy { $0.id != "UPG010" })
    }
}
