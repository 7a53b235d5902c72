/// NET009: the management network must hold every host and the VIP, with room to grow.
public struct ManagementNetworkSizeRule: Rule {
    public let id = "NET009"
    public let summary = "The management network has room for every host and the VIP"

    public init() {}

    public func check(_ context: RuleContext) -> [Finding] {
        let blueprint = context.blueprint
        guard let text = blueprint.networks.management.cidr, let cidr = CIDR(text), !blueprint.hosts.isEmpty else { return [] }
        let needed = blueprint.hosts.count + (blueprint.networks.vip.internal == nil ? 0 : 1)
        if needed > cidr.hostCount {
            return [context.finding(id, .error, "networks.management.cidr",
                                    "\(needed) addresses (hosts and VIP) do not fit in \(cidr), which has \(cidr.hostCount)",
                                    fix: "use a larger management network, e.g. /\(Self.prefix(for: needed + needed / 4))")]
        }
        if needed * 5 > cidr.hostCount * 4 {
            return [context.finding(id, .advice, "networks.management.cidr",
                                    "\(needed) of \(cidr.hostCount) addresses in \(cidr) are planned: scaling out will need renumbering",
                                    fix: "leave at least 20 % of the management network free")]
        }
        return []
    }

    /// The longest prefix whose network holds `count` hosts.
    static func prefix(for count: Int) -> Int {
        var prefix = 30
        while prefix > 8, (1 << (32 - prefix)) - 2 < count { prefix -= 1 }
        return prefix
    }
}
