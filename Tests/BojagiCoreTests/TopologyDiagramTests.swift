import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
@testable import BojagiCore
import BojagiTestSupport

/// The topology SVG, pinned for the seed's two references; re-record with BOJAGI_RECORD=1 when a change is intended.
@Suite struct TopologyDiagramTests {
    func diagram(_ example: String) throws -> String {
        let text = try String(contentsOf: ExamplesTests.directory.appendingPathComponent(example), encoding: .utf8)
        let blueprint = try Fixtures.blueprint(text)
        return TopologyDiagram.svg(Fixtures.planner.plan(blueprint), networks: blueprint.networks)
    }

    @Test(arguments: ["map-platform", "exchange"])
    func golden(_ name: String) throws {
        try assertGolden(try diagram("\(name).yaml"), named: "topology-\(name).svg")
    }

    @Test(arguments: ["map-platform", "exchange"])
    func isWellFormedXML(_ name: String) throws {
        let parser = XMLParser(data: Data(try diagram("\(name).yaml").utf8))
        #expect(parser.parse(), "\(parser.parserError.map { "\($0)" } ?? "")")
    }

    @Test func theMapPlatformShowsItsVIPVLANsAndTiers() throws {
        let svg = try diagram("map-platform.yaml")
        #expect(svg.contains("internal VIP 10.10.0.10, VRRP id 61"))
        #expect(svg.contains("VLANs 100:199"))
        #expect(svg.contains("provider VLANs: web VLAN 110 192.168.110.0/24"))
        #expect(svg.contains("compute ×10"))
        #expect(svg.contains("fast (ssd): 16 OSDs in 8 domains"))
        #expect(!svg.contains("http://") || svg.components(separatedBy: "http://").count == 2, "only the SVG namespace may be a URL")
    }

    @Test func textFromTheBlueprintIsEscaped() throws {
        var blueprint = try Fixtures.blueprint(try String(contentsOf: ExamplesTests.directory.appendingPathComponent("exchange.yaml"), encoding: .utf8))
        var provider = Networks.Provider(name: "a<b>&\"c'")
        provider.vlan = 300
        blueprint.networks.provider.append(provider)
        let svg = TopologyDiagram.svg(Fixtures.planner.plan(blueprint), networks: blueprint.networks)
        #expect(svg.contains("a&lt;b&gt;&amp;&quot;c&#39; VLAN 300"))
        #expect(!svg.contains("a<b>"))
        #expect(XMLParser(data: Data(svg.utf8)).parse())
    }

    @Test func aBlueprintWithoutHostsSaysSo() throws {
        let blueprint = try Fixtures.blueprint("schema: 1\nname: bare\nrelease: 2026.2\nprofile: base\n")
        let svg = TopologyDiagram.svg(Fixtures.planner.plan(blueprint), networks: blueprint.networks)
        #expect(svg.contains("lists no hosts"))
    }
}
