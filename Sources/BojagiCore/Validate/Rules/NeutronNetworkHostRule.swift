/// SVC011: kolla-ansible puts Neutron's L3, DHCP and metadata agents (or OVN gateway chassis) on the `network`
/// group; with no network host, routers and DHCP have nowhere to run.
public struct NeutronNetworkHostRule: Rule {
    public let id = "SVC011"
    public let summary = "Neutron has at least one network host for its agents"

    public init() {}

    public func check(_ context: RuleContext) -> [Finding] {
        guard context.has("neutron"), !context.blueprint.hosts.isEmpty, context.hosts(with: .network).isEmpty else { return [] }
        let controls = context.hosts(with: .control).map(\.name)
        let suggestion = controls.isEmpty ? "2 hosts" : controls.joined(separator: ", ")
        return [context.finding(id, .error, "hosts",
                                "Neutron is in the package but no host has the network role: L3 routers, DHCP and metadata agents (and kolla's loadbalancer group) would have no host",
                                fix: "add the network role to \(suggestion) (at least 2 for redundant agents)")]
    }
}
