/// HA006: DHCP and L3 agents run on network hosts; with one, its loss cuts every tenant router and lease.
public struct NeutronAgentRedundancyRule: Rule {
    public let id = "HA006"
    public let summary = "Neutron's DHCP and L3 agents have at least two network hosts"

    public init() {}

    public func check(_ context: RuleContext) -> [Finding] {
        guard context.blueprint.ha.enabled, context.has("neutron") else { return [] }
        let network = context.hosts(with: .network)
        guard network.count == 1 else { return [] }
        return [context.finding(id, .warning, "hosts",
                                "one network host (\(network[0].name)) runs every DHCP and L3 agent: its loss stops tenant routing and DHCP",
                                fix: "give the network role to a second host so kolla-ansible runs redundant agents")]
    }
}
