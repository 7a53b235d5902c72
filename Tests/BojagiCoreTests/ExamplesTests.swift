import Foundation
import Testing
@testable import BojagiCore
import BojagiTestSupport

/// Every blueprint under examples/ decodes, plans and validates without errors.
@Suite struct ExamplesTests {
    static let directory = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("examples")

    static let files: [String] = {
        let manager = FileManager.default
        let enumerator = manager.enumerator(atPath: directory.path)
        return (enumerator?.allObjects as? [String] ?? []).filter { $0.hasSuffix(".yaml") }.sorted()
    }()

    @Test func theSeedReferencesAndEveryProfileHaveAnExample() {
        for name in ["map-platform.yaml", "exchange.yaml", "single-node.yaml"] + Fixtures.catalog.profiles.keys.map({ "profiles/\($0).yaml" }) {
            #expect(Self.files.contains(name), "examples/\(name) is missing")
        }
    }

    @Test(arguments: files)
    func exampleValidates(_ name: String) throws {
        let text = try String(contentsOf: Self.directory.appendingPathComponent(name), encoding: .utf8)
        let blueprint = try BlueprintDecoder(catalog: Fixtures.catalog).decode(text, file: name)
        let plan = Fixtures.planner.plan(blueprint)
        let errors = plan.findings.filter { $0.severity == .error }
        #expect(errors.isEmpty, "\(name): \(errors.map(\.message))")
        #expect(plan.topology != nil)
    }

    @Test func theMapPlatformHasTheSeedsHardware() throws {
        let text = try String(contentsOf: Self.directory.appendingPathComponent("map-platform.yaml"), encoding: .utf8)
        let plan = Fixtures.planner.plan(try Fixtures.blueprint(text))
        let topology = try #require(plan.topology)
        #expect(topology.ha.controllers.count == 3)
        #expect(topology.compute.hosts == 10)
        #expect(plan.hosts.filter { $0.roles.contains(.storage) }.count == 8)
        // 8 nodes × (2 × 1.92 TB + 10 × 7.5 TB) = 630.72 TB raw, of which the HDD tier is the seed's 600 TB.
        let bulk = try #require(topology.ceph?.tiers.first { $0.name == "bulk" })
        #expect(bulk.rawTB == 600)
        #expect(bulk.osds == 80)
    }
}
