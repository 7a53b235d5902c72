/// NET006: Neutron plugs the external interface into a bridge and takes its address away; sharing it with
/// management cuts the host off.
public struct ExternalInterfaceDedicatedRule: Rule {
    public let id = "NET006"
    public let summary = "Neutron's external interface is not the management interface"

    public init() {}

    public func check(_ context: RuleContext) -> [Finding] {
        guard context.has("neutron") else { return [] }
        return context.blueprint.hosts.compactMap { host in
            guard let external = context.interface(of: host, for: "external"),
                  external == context.interface(of: host, for: "management"),
                  host.roles.contains(.network) || host.roles.contains(.compute) else { return nil }
            return context.finding(id, .error, host.origin + ".interfaces",
                                   "\(host.name) uses \(external) for both management and Neutron's external network: Open vSwitch takes the interface into br-ex and the host loses its address",
                                   fix: "give Neutron a dedicated interface without an IP address (or a VLAN sub-interface)")
        }
    }
}
