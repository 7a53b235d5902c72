/// HA008: keepalived binds the external VIP on `kolla_external_vip_interface`, which is the management interface
/// unless the blueprint declares the public API network (`networks.external_api`). The external VIP must lie in
/// that network, or in the management network when there is none, or nothing routes to it.
public struct ExternalVIPNetworkRule: Rule {
    public let id = "HA008"
    public let summary = "The external VIP lies in the external API network (or the management network), whose interface the load balancers name"

    public init() {}

    public func check(_ context: RuleContext) -> [Finding] {
        let networks = context.blueprint.networks
        guard !context.blueprint.hosts.isEmpty else { return [] }
        guard let text = networks.vip.external, let vip = IPv4(text) else {
            guard networks.externalAPI != nil else { return [] }
            return [context.finding(id, .warning, "networks.external_api",
                                    "networks.external_api is declared but networks.vip.external is not set: kolla-ansible serves the public endpoints on the internal VIP, and nothing uses the external API network",
                                    fix: "set networks.vip.external to a free address of \(networks.externalAPI?.cidr ?? "the external API network"), or remove networks.external_api")]
        }
        guard let api = networks.externalAPI else {
            if let management = networks.management.cidr.flatMap(CIDR.init), management.contains(vip) { return [] }
            let onto = networks.management.interface.map { " (\($0))" } ?? ""
            return [context.finding(id, .error, "networks.vip.external",
                                    "external VIP \(vip) lies in no declared network: without networks.external_api kolla-ansible binds it on the management interface\(onto) (kolla_external_vip_interface defaults to network_interface), where nothing routes \(vip)",
                                    fix: "declare the public API network under networks, e.g. `external_api: {cidr: \(Self.network24(of: vip)), interface: NAME}` (NAME: the load balancers' interface on it), or choose an external VIP inside the management network")]
        }
        guard let cidrText = api.cidr, let cidr = CIDR(cidrText) else {
            return [context.finding(id, .error, "networks.external_api",
                                    "networks.external_api has no cidr, so Bojagi cannot check that the external VIP \(vip) lies in it",
                                    fix: "set networks.external_api.cidr, e.g. `cidr: \(Self.network24(of: vip))`")]
        }
        if !cidr.contains(vip) {
            return [context.finding(id, .error, "networks.vip.external",
                                    "external VIP \(vip) is outside networks.external_api \(cidr): keepalived binds it on the external API interface, where nothing would route it",
                                    fix: "choose a free address inside \(cidr), or correct networks.external_api.cidr")]
        }
        if cidr.prefix < 31, vip == cidr.network || vip == cidr.broadcast {
            return [context.finding(id, .error, "networks.vip.external",
                                    "external VIP \(vip) is the \(vip == cidr.network ? "network" : "broadcast") address of networks.external_api \(cidr)",
                                    fix: "choose a host address inside \(cidr)")]
        }
        let balancers = Set(context.topology.placement.hosts(of: "haproxy"))
        let missing = context.blueprint.hosts.filter { balancers.contains($0.name) && context.interface(of: $0, for: "external_api") == nil }
        return context.entries(missing).map { entry in
            context.finding(id, .error, entry.path + ".interfaces",
                            "load balancer host\(entry.hosts.count == 1 ? "" : "s") \(entry.names) name\(entry.hosts.count == 1 ? "s" : "") no interface on networks.external_api: keepalived would bind the external VIP \(vip) on the management interface",
                            fix: "set networks.external_api.interface (every load balancer host has it), or add `external_api: NAME` to \(entry.path).interfaces")
        }
    }

    /// The /24 around an address, as a starting point for the user's real network.
    static func network24(of address: IPv4) -> String {
        "\(IPv4(address.value & 0xFFFF_FF00))/24"
    }
}
