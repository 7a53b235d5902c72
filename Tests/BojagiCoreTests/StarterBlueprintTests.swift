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
