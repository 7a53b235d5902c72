/// HA006: DHCP and L3 agents run on network hosts; with one, its loss cuts every tenant router and lease, and
/// kolla-ansible's agent HA (which render turns on with two or more) cannot be used.
public struct NeutronAgentRedundancyRule: Rule {
    public let id = "HA006"
    public let summary = "Neutron's DHCP and L3 agents have at least two network hosts"

    public init() {}

    public func check(_ context: RuleContext) -> [Finding] {
        guard context.blueprint.ha.enabled, context.has("neutron") else { return [] }
        let network = context.hosts(with: .network)
        guard network.count == 1 else { return [] }
        return [context.finding(id, .warning, "hosts",
                                "one network host (\(network[0].name)) runs every DHCP and L3 agent: its loss stops tenant routing and DHCP, and kolla-ansible's agent HA (enable_neutron_agent_ha) needs two",
                                fix: "add `network` to the roles of a second host (usually every control host): render then sets enable_neutron_agent_ha, so routers fail over (l3_ha) and each network gets DHCP from 2 agents")]
    }
}
