/// NET010: instances attach to provider networks on the compute hosts, so render turns on kolla-ansible's
/// `enable_neutron_provider_networks`, which bridges `neutron_external_interface` (br-ex) on every compute and
/// maps physnet1 there (`bridge_mappings`). A compute without that interface cannot bind a provider port.
public struct ComputeExternalInterfaceRule: Rule {
    public let id = "NET010"
    public let summary = "With provider networks, every compute host names an external interface"

    public init() {}

    public func check(_ context: RuleContext) -> [Finding] {
        let providers = context.blueprint.networks.provider
        guard context.has("neutron"), !providers.isEmpty else { return [] }
        let missing = context.hosts(with: .compute).filter { context.interface(of: $0, for: "external") == nil }
        let names = providers.map(\.name).joined(separator: ", ")
        let vlans = providers.compactMap(\.vlan).map(String.init)
        let carrying = vlans.isEmpty ? "the provider networks" : "VLAN\(vlans.count == 1 ? "" : "s") \(vlans.joined(separator: ", "))"
        return context.entries(missing).map { entry in
            context.finding(id, .error, entry.path + ".interfaces",
                            "networks.provider declares \(names), so instances attach to them on the compute hosts, but \(entry.names) name\(entry.hosts.count == 1 ? "s" : "") no external interface: kolla-ansible bridges neutron_external_interface (br-ex) on every compute for provider networks, and a port there could not bind",
                            fix: "add `external: NAME` to \(entry.path).interfaces (the interface carrying \(carrying), with no IP address), or set networks.external.interface for every host")
        }
    }
}
