/// NET004: every host needs a management address inside the management network: kolla-ansible's inventory,
/// API binds and cluster peers all use it.
public struct HostInManagementNetworkRule: Rule {
    public let id = "NET004"
    public let summary = "Every host has a management address inside the management network"

    public init() {}

    public func check(_ context: RuleContext) -> [Finding] {
        let blueprint = context.blueprint
        guard !blueprint.hosts.isEmpty else { return [] }
        guard let cidrText = blueprint.networks.management.cidr, let cidr = CIDR(cidrText) else {
            return [context.finding(id, .error, "networks.management.cidr", "the management network has no CIDR",
                                    fix: "set networks.management.cidr, e.g. 10.0.0.0/24")]
        }
        var findings: [Finding] = []
        for host in blueprint.hosts {
            guard let text = host.address, let address = IPv4(text) else {
                findings.append(context.finding(id, .error, host.origin, "\(host.name) has no management address",
                                                fix: "add `address:` to the host (ranges count up from the first address)"))
                continue
            }
            if !cidr.contains(address) {
                findings.append(context.finding(id, .error, host.origin + ".address",
                                                "\(host.name) has address \(address), outside the management network \(cidr)",
                                                fix: "use an address inside \(cidr), or correct networks.management.cidr"))
            } else if cidr.prefix < 31, address == cidr.network || address == cidr.broadcast {
                findings.append(context.finding(id, .error, host.origin + ".address",
                                                "\(host.name) has the \(address == cidr.network ? "network" : "broadcast") address \(address) of \(cidr)",
                                                fix: "use a host address inside \(cidr)"))
            }
        }
        return findings
    }
}
