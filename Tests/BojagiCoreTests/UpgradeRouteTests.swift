import Testing
@testable import BojagiCore
import BojagiTestSupport

/// The hop sequence under the TC's release cadence resolution (openstack/governance
/// resolutions/20220210-release-cadence-adjustment.rst): a SLURP release upgrades to the next SLURP release,
/// any other release only to the next one; before 2023.1 every upgrade is adjacent.
@Suite struct UpgradeRouteTests {
    struct Case: CustomTestStringConvertible, Sendable {
        let from: String
        let to: String
        let route: [String]
        let why: String
        var testDescription: String { "\(from) → \(to)" }
    }

    static let cases: [Case] = [
        Case(from: "2024.1", to: "2025.1", route: ["2024.1", "2025.1"],
             why: "one SLURP hop: 2024.1 and 2025.1 are SLURP (series_status.yaml slurp: yes)"),
        Case(from: "2024.2", to: "2025.2", route: ["2024.2", "2025.1", "2025.2"],
             why: "\"On a given tock release, the only upgrade path will be to the following release\"; from 2025.1 the next SLURP (2026.1) is past the target"),
        Case(from: "2023.1", to: "2026.1", route: ["2023.1", "2024.1", "2025.1", "2026.1"],
             why: "through each SLURP release: \"Upgrades that span more than one tick cycle are not tested\""),
        Case(from: "2023.2", to: "2026.2", route: ["2023.2", "2024.1", "2025.1", "2026.1", "2026.2"],
             why: "a tock first goes to the next tick, then tick to tick, then the last step is adjacent"),
        Case(from: "2025.1", to: "2025.2", route: ["2025.1", "2025.2"], why: "adjacent releases"),
        Case(from: "2026.1", to: "2027.1", route: ["2026.1", "2027.1"], why: "SLURP to SLURP, 2027.1 still future"),
        Case(from: "zed", to: "2024.1", route: ["zed", "2023.1", "2024.1"],
             why: "zed is not SLURP: adjacent to 2023.1, then the first SLURP hop"),
        Case(from: "yoga", to: "2023.1", route: ["yoga", "zed", "2023.1"],
             why: "\"Y->A should be a dress rehearsal ... hard guarantees are not yet made\": yoga is not SLURP"),
        Case(from: "queens", to: "stein", route: ["queens", "rocky", "stein"], why: "before SLURP, every release"),
    ]

    @Test(arguments: cases)
    func route(_ known: Case) throws {
        let catalog = Fixtures.catalog
        let from = try #require(catalog.release(named: known.from))
        let to = try #require(catalog.release(named: known.to))
        let expected = try known.route.map { try #require(catalog.release(named: $0)).name }
        #expect(catalog.upgradeRoute(from: from, to: to).map(\.name) == expected, "\(known.why)")
    }

    @Test func theRouteRuleNamesItsSource() {
        #expect(Fixtures.catalog.upgrades.route.slurpSince == "antelope")
        #expect(Fixtures.catalog.upgrades.route.source.contains("resolutions/20220210-release-cadence-adjustment.rst"))
    }

    @Test func noHopSkipsMoreThanOneRelease() {
        let catalog = Fixtures.catalog
        for from in catalog.releases {
            for to in catalog.releases where to.ordinal > from.ordinal {
                let route = catalog.upgradeRoute(from: from, to: to)
                #expect(route.first == from && route.last == to)
                for (a, b) in zip(route, route.dropFirst()) {
                    #expect(b.ordinal - a.ordinal == 1 || (a.slurp && b.slurp && b.ordinal - a.ordinal == 2),
                            "\(from.label) → \(to.label): \(a.label) → \(b.label)")
                }
            }
        }
    }
}
