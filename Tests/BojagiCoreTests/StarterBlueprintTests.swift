import Testing
@testable import BojagiCore
import BojagiTestSupport

@Suite struct StarterBlueprintTests {
    /// What `bojagi init` writes must decode and plan without errors, for every profile and release.
    @Test(arguments: ["base", "web-application", "big-data", "e-commerce", "kubernetes", "bare-metal-hpc", "nfv", "ai-gpu"])
    func starterDecodesAndPlans(profile: String) throws {
        for release in ["queens", "2025.1", "2026.2"] {
            let text = StarterBlueprint.text(profile: Fixtures.catalog.profiles[profile]!,
                                             release: Fixtures.catalog.release(named: release)!, catalog: Fixtures.catalog)
            let blueprint = try Fixtures.blueprint(text)
            #expect(blueprint.profile == profile)
            #expect(blueprint.hosts.count == 8)
            let plan = Fixtures.planner.plan(blueprint)
            #expect(!plan.hasErrors, "\(profile) on \(release): \(plan.findings.filter { $0.severity == .error })")
        }
    }
}

@Suite struct StarterValidationTests {
    /// The starter names a host OS the release supports, so REL001 has nothing to say about it.
    @Test(arguments: ["2024.1", "2025.1", "2025.2", "2026.1", "2026.2"])
    func starterNamesASupportedHostOS(release: String) throws {
        for profile in Fixtures.catalog.profiles.keys.sorted() {
            let text = StarterBlueprint.text(profile: Fixtures.catalog.profiles[profile]!,
                                             release: Fixtures.catalog.release(named: release)!, catalog: Fixtures.catalog)
            let plan = Fixtures.planner.plan(try Fixtures.blueprint(text))
            let hostFindings = plan.findings.filter { $0.id == "REL001" || $0.id.hasPrefix("REL00") && $0.path.hasPrefix("deployment") }
            #expect(hostFindings.isEmpty, "\(profile) on \(release): \(hostFindings)")
        }
    }
}

@Suite struct SuggestionTests {
    @Test func prefixThenEditDistance() {
        let profiles = ["base", "web-application", "big-data", "e-commerce", "kubernetes"]
        #expect(Suggestion.closest(to: "web-app", in: profiles) == "web-application")
        #expect(Suggestion.closest(to: "kube", in: profiles) == "kubernetes")
        #expect(Suggestion.closest(to: "big-dta", in: profiles) == "big-data")
        #expect(Suggestion.closest(to: "desginate", in: ["designate", "nova"]) == "designate")
        #expect(Suggestion.closest(to: "zzz", in: profiles) == nil)
    }
}
