import Testing
@testable import BojagiCore
import BojagiTestSupport

/// What the plan's HA section says about Neutron's routers and DHCP, and what render makes of it.
@Suite struct HALayoutTests {
    func layout(_ blueprint: Blueprint) throws -> HALayout {
        try #require(Fixtures.planner.plan(blueprint).topology).ha
    }

    @Test func twoOrMoreNetworkHostsWithHATurnAgentHAOn() throws {
        let ha = try layout(RuleHarness.base)
        #expect(ha.neutronAgentHA)
        #expect(ha.networkHosts == ["ctl01", "ctl02", "ctl03"])
        #expect(!ha.notHA.contains { $0.contains("router") })
        let text = PlanReport.text(Fixtures.planner.plan(RuleHarness.base))
        #expect(text.contains("Neutron agent HA on ctl[01:03] (enable_neutron_agent_ha): each new router is a VRRP group of up to 3 L3 agents (l3_ha), each network gets DHCP from 2 agents"))
    }

    @Test func oneNetworkHostLeavesRoutersAndDHCPSingle() throws {
        var blueprint = RuleHarness.base
        for index in 1...2 { blueprint.hosts[index].roles.removeAll { $0 == .network } }
        let ha = try layout(blueprint)
        #expect(!ha.neutronAgentHA)
        #expect(ha.notHA.contains("one network host (ctl01): every tenant router and DHCP server runs there, so its loss cuts the instances' routing and new leases"))
    }

    @Test func haOffLeavesAgentHAOffAndSaysSo() throws {
        var blueprint = RuleHarness.base
        blueprint.ha.enabled = false
        let ha = try layout(blueprint)
        #expect(!ha.neutronAgentHA)
        #expect(ha.notHA.contains { $0.hasPrefix("HA is off, so Neutron's agent HA is off too") })
    }
}
