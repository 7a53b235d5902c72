import Testing
@testable import BojagiCore
import BojagiTestSupport

/// `bojagi plan` output, pinned: re-record with BOJAGI_RECORD=1 when a change is intended.
@Suite struct PlanGoldenTests {
    static let cases: [(String, String)] = [
        ("web-application", "queens"), ("big-data", "queens"), ("e-commerce", "queens"),
        ("web-application", "2026.2"), ("big-data", "2026.2"), ("e-commerce", "2026.2"),
        ("base", "2026.2"), ("kubernetes", "2026.2"), ("vendor-everything", "queens"),
    ]

    func plan(_ profile: String, _ release: String) throws -> Plan {
        let blueprint = try Fixtures.blueprint("schema: 1\nname: golden\nrelease: \(release)\nprofile: \(profile)\n")
        return Fixtures.planner.plan(blueprint)
    }

    @Test(arguments: cases)
    func text(profile: String, release: String) throws {
        try assertGolden(PlanReport.text(try plan(profile, release)), named: "plan-\(profile)-\(release).txt")
    }

    @Test func json() throws {
        try assertGolden(try JSON.encode(try plan("web-application", "2026.2")), named: "plan-web-application-2026.2.json")
    }

    @Test func theFittedPackageIsSmallerThanTheVendorsEverything() throws {
        let plan = try plan("web-application", "queens")
        #expect(plan.totals.projects == 10)
        #expect(plan.vendor.projects > plan.totals.projects)
        #expect(plan.vendor.containers > plan.totals.containers)
        #expect(plan.vendor.controllerMemoryMiB > plan.totals.controllerMemoryMiB)
    }
}
