/// SVC015: Octavia's amphorae are driven over a management network (lb-mgmt) that the controllers reach through
/// `octavia_network_interface`; kolla-ansible also needs four certificate files before it deploys.
public struct OctaviaManagementNetworkRule: Rule {
    public let id = "SVC015"
    public let summary = "Octavia has a load-balancer management network and every Octavia host an interface on it"

    public init() {}

    public func check(_ context: RuleContext) -> [Finding] {
        // A blueprint without hosts is a package sketch: networks are described with the hosts.
        guard context.has("octavia"), !context.blueprint.hosts.isEmpty else { return [] }
        let controllers = context.topology.placement.hosts(of: "octavia")
        guard let network = context.blueprint.networks.octaviaManagement else {
            return [context.finding(id, .warning, "networks.provider",
                                    "Octavia is in the package but no provider network is its management network (name or purpose lb-mgmt): the amphorae would be unreachable from \(controllers.isEmpty ? "the controllers" : controllers.joined(separator: ", "))",
                                    fix: "add `{name: lb-mgmt, vlan: N, cidr: ..., purpose: octavia}` under networks.provider, give the controllers an interface on it (`interfaces: {octavia: bond0.N}`), and run `kolla-ansible octavia-certificates` before deploying")]
        }
        var findings: [Finding] = []
        let index = context.blueprint.networks.provider.firstIndex(of: network) ?? 0
        if network.cidr == nil {
            findings.append(context.finding(id, .warning, "networks.provider[\(index)]",
                                            "\(network.name) has no cidr: kolla-ansible creates the amphora subnet as 10.1.0.0/24, which the controllers' interfaces on the VLAN may not be in",
                                            fix: "add `cidr: ...` to \(network.name): the subnet the controllers' octavia interfaces have their addresses in"))
        }
        let silent = context.blueprint.hosts.filter { controllers.contains($0.name) && $0.interfaces["octavia"] == nil }
        for entry in context.entries(silent) {
            findings.append(context.finding(id, .error, entry.path + ".interfaces",
                                            "\(entry.names) run\(entry.hosts.count == 1 ? "s" : "") Octavia's health manager and worker but name\(entry.hosts.count == 1 ? "s" : "") no octavia interface: kolla-ansible binds them on the management interface, which is not on \(network.name)\(network.vlan.map { " (VLAN \($0))" } ?? ""), so no amphora heartbeat arrives and every load balancer goes to ERROR",
                                            fix: "add `octavia: IFACE` to the interfaces (an interface with an address in \(network.cidr ?? "the lb-mgmt subnet")\(network.vlan.map { ", e.g. a VLAN \($0) sub-interface such as bond0.\($0)" } ?? ""))"))
        }
        findings.append(context.finding(id, .advice, "networks.provider[\(index)]",
                                        "kolla-ansible copies Octavia's two CAs and its client certificate from config/octavia/; render does not make them",
                                        fix: "run `kolla-ansible octavia-certificates -i DIR/inventory --configdir DIR` after render (`bojagi deploy` runs it)"))
        return findings
    }
}
