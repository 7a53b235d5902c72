/// HA002: keepalived binds the internal VIP on the management interface, so it must be a usable address there.
public struct VIPInManagementNetworkRule: Rule {
    public let id = "HA002"
    public let summary = "The internal VIP is set and is a usable address of the management network"

    public init() {}

    public func check(_ context: RuleContext) -> [Finding] {
        let networks = context.blueprint.networks
        guard context.blueprint.ha.enabled, !context.blueprint.hosts.isEmpty else { return [] }
        guard let text = networks.vip.internal, let vip = IPv4(text) else {
            return [context.finding(id, .error, "networks.vip.internal",
                                    "HA is on but there is no internal VIP: kolla-ansible would render HAProxy binding no address",
                                    fix: "set networks.vip.internal to a free address of the management network")]
        }
        guard let cidrText = networks.management.cidr, let cidr = CIDR(cidrText) else { return [] }
        if !cidr.contains(vip) {
            return [context.finding(id, .error, "networks.vip.internal",
                                    "internal VIP \(vip) is outside the management network \(cidr): keepalived binds it on the management interface, where nothing could reach it",
                                    fix: "choose a free address inside \(cidr)")]
        }
        if cidr.prefix < 31, vip == cidr.network || vip == cidr.broadcast {
            return [context.finding(id, .error, "networks.vip.internal",
                                    "internal VIP \(vip) is the \(vip == cidr.network ? "network" : "broadcast") address of \(cidr)",
                                    fix: "choose a host address inside \(cidr)")]
        }
        return []
    }
}
