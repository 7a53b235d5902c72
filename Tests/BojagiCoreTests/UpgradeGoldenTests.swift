import Foundation
import Testing
@testable import BojagiCore
import BojagiTestSupport

/// `bojagi upgrade plan` output, pinned: re-record with BOJAGI_RECORD=1 when a change is intended.
@Suite struct UpgradeGoldenTests {
    /// The seed's map platform as it would have been built on 2024.1: Rocky Linux 9, Ceph Reef.
    static func mapPlatform2024_1() throws -> Blueprint {
        let url = ExamplesTests.directory.appendingPathComponent("map-platform.yaml")
        let text = try String(contentsOf: url, encoding: .utf8)
            .replacingOccurrences(of: "release: 2026.1", with: "release: 2024.1")
            .replacingOccurrences(of: "host_os: rocky-10", with: "host_os: rocky-9")
            .replacingOccurrences(of: "release: squid", with: "release: reef")
        return try Fixtures.blueprint(text)
    }

    static let bigData = "schema: 1\nname: analytics\nrelease: 2023.1\nprofile: big-data\ndeployment: {base_distro: ubuntu, host_os: ubuntu-jammy}\n"

    let planner = UpgradePlanner(catalog: Fixtures.catalog, today: Fixtures.today)

    @Test func mapPlatformTo2026_1() throws {
        let plan = try planner.plan(try Self.mapPlatform2024_1(), to: "2026.1")
        #expect(!plan.blocked)
        try assertGolden(UpgradeReport.text(plan), named: "upgrade-map-platform-2024.1-2026.1.txt")
    }

    @Test func bigDataIsBlockedBySahara() throws {
        let plan = try planner.plan(try Fixtures.blueprint(Self.bigData), to: "2024.1")
        #expect(plan.blocked)
        try assertGolden(UpgradeReport.text(plan), named: "upgrade-big-data-2023.1-2024.1.txt")
    }

    @Test func json() throws {
        let plan = try planner.plan(try Fixtures.blueprint(Self.bigData), to: "2024.1")
        try assertGolden(try JSON.encode(plan), named: "upgrade-big-data-2023.1-2024.1.json")
    }

    /// Like `bojagi plan`, the report reads at 80 columns: only sources and commands may not wrap, and none
    /// of those run over either.
    @Test(arguments: [("2023.1", "2026.2"), ("2024.2", "2025.2"), ("queens", "2023.1")])
    func fitsEightyColumns(from: String, to: String) throws {
        var blueprint = try Self.mapPlatform2024_1()
        blueprint.release = try #require(Fixtures.catalog.release(named: from)).name
        let text = UpgradeReport.text(try planner.plan(blueprint, to: to))
        for line in text.split(separator: "\n") {
            #expect(line.count <= 80, "\(line.count) columns: \(line)")
        }
    }
}
