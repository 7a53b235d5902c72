/// HA003: a VIP that is also a host's address makes keepalived fight the host for it.
public struct VIPNotAHostAddressRule: Rule {
    public let id = "HA003"
    public let summary = "The VIPs are not host addresses"

    public init() {}

    public func check(_ context: RuleContext) -> [Finding] {
        let vip = context.blueprint.networks.vip
        var findings: [Finding] = []
        for (path, address) in [("networks.vip.internal", vip.internal), ("networks.vip.external", vip.external)] {
            guard let address, let host = context.blueprint.hosts.first(where: { $0.address == address }) else { continue }
            findings.append(context.finding(id, .error, path,
                                            "VIP \(address) is also the address of \(host.name): keepalived would move the host's own address between controllers",
                                            fix: "choose an unused address for the VIP"))
        }
        return findings
    }
}
