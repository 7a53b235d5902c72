/// NET012: when a network does not name its interface, render writes the name most hosts give it into
/// globals.yml, so a host that uses the network without naming it inherits a name it never gave (and may not
/// have). And a tunnel network nobody names an interface for leaves kolla's tunnel_interface on the management
/// interface. The management, external and external API interfaces have their own rules (NET005, NET010, HA008),
/// Octavia's its own (SVC015). The storage network has no kolla-ansible interface variable: Ceph's cluster
/// network is chosen by CIDR in the cephadm spec.
public struct NetworkInterfaceNamedRule: Rule {
    public let id = "NET012"
    public let summary = "Hosts that use the tunnel network name its interface, or the network names one"

    /// Who uses each network in kolla-ansible: VXLAN endpoints (tunnel_interface) on network and compute hosts.
    static let users: [(network: String, roles: [Host.Role], variable: String)] = [
        ("tunnel", [.network, .compute], "tunnel_interface"),
    ]

    public init() {}

    public func check(_ context: RuleContext) -> [Finding] {
        let networks = context.blueprint.networks
        var findings: [Finding] = []
        for (network, roles, variable) in Self.users {
            let segment = networks.tunnel
            guard segment?.interface == nil else { continue }
            let users = context.blueprint.hosts.filter { host in roles.contains { host.roles.contains($0) } }
            let named = context.blueprint.hosts.compactMap { $0.interfaces[network] }
            guard let guess = Dictionary(grouping: named, by: { $0 }).max(by: { ($0.value.count, $1.key) < ($1.value.count, $0.key) })?.key else {
                // Nobody names one: kolla falls back to the management interface.
                if network == "tunnel", let cidr = segment?.cidr, !users.isEmpty {
                    findings.append(context.finding(id, .warning, "networks.tunnel",
                                                    "networks.tunnel declares \(cidr) but neither it nor any host names an interface: kolla-ansible's tunnel_interface defaults to network_interface, so VXLAN between network and compute hosts runs on the management network",
                                                    fix: "add `interface: NAME` to networks.tunnel (the interface with an address in \(cidr)), or `tunnel: NAME` to each host's interfaces"))
                }
                continue
            }
            let givers = context.blueprint.hosts.filter { $0.interfaces[network] == guess }
            let silent = users.filter { $0.interfaces[network] == nil }
            for entry in context.entries(silent) {
                let from = HostRange.compress(givers.map(\.name), order: context.blueprint.hosts.map(\.name))
                findings.append(context.finding(id, .warning, entry.path + ".interfaces",
                                                "\(entry.names) use\(entry.hosts.count == 1 ? "s" : "") the \(network) network but name\(entry.hosts.count == 1 ? "s" : "") no \(network) interface, and networks.\(network).interface is not set: render writes \(variable): \(guess) into globals.yml (the name \(from) give\(givers.count == 1 ? "s" : "")), so \(entry.hosts.count == 1 ? "it gets" : "they get") \(guess) whether or not \(entry.hosts.count == 1 ? "it has" : "they have") it",
                                                fix: "add `\(network): NAME` to \(entry.path).interfaces, or set `interface: \(guess)` on networks.\(network) if every host that uses it has \(guess)"))
            }
        }
        return findings
    }
}
