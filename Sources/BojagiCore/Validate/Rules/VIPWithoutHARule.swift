/// HA007: with HA off nothing holds a VIP, so kolla-ansible's endpoints use the controller's own address; a
/// VIP written in the blueprint would be silently unused.
public struct VIPWithoutHARule: Rule {
    public let id = "HA007"
    public let summary = "With HA off, no internal VIP is given (the controller's address is used)"

    public init() {}

    public func check(_ context: RuleContext) -> [Finding] {
        let blueprint = context.blueprint
        guard !blueprint.ha.enabled, let vip = blueprint.networks.vip.internal,
              let controller = context.hosts(with: .control).first, controller.address != vip else { return [] }
        return [context.finding(id, .warning, "networks.vip.internal",
                                "HA is off, so nothing holds VIP \(vip): the APIs are reached on \(controller.name)'s address \(controller.address ?? "?") instead",
                                fix: "remove networks.vip.internal, or set ha.enabled: true with 3 controllers")]
    }
}
