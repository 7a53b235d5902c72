/// SVC015: Octavia's amphorae are driven over a management network (lb-mgmt) that the controllers reach through
/// `octavia_network_interface`; kolla-ansible also needs four certificate files before it deploys.
public struct OctaviaManagementNetworkRule: Rule {
    public let id = "SVC015"
    public let summary = "Octavia has a load-balancer management network among the provider networks"

    static let names = ["lb-mgmt", "octavia"]

    public init() {}

    public func check(_ context: RuleContext) -> [Finding] {
        // A blueprint without hosts is a package sketch: networks are described with the hosts.
        guard context.has("octavia"), !context.blueprint.hosts.isEmpty else { return [] }
        let described = context.blueprint.networks.provider.contains { network in
            ([network.name] + (network.purpose.map { [$0] } ?? [])).contains { Self.names.contains($0.lowercased()) }
        }
        guard !described else { return [] }
        let controllers = context.topology.placement.hosts(of: "octavia")
        return [context.finding(id, .warning, "networks.provider",
                                "Octavia is in the package but no provider network is its management network (name or purpose lb-mgmt): the amphorae would be unreachable from \(controllers.isEmpty ? "the controllers" : controllers.joined(separator: ", "))",
                                fix: "add `{name: lb-mgmt, vlan: N, cidr: ..., purpose: octavia}` under networks.provider, give the controllers an interface with an address on it (octavia_network_interface), and run `kolla-ansible octavia-certificates` before deploying")]
    }
}
