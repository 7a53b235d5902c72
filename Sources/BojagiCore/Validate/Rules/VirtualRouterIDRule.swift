/// HA004: keepalived's VRRP id must be unique on the L2 segment; kolla-ansible's default 51 is shared by every
/// kolla cloud that does not change it.
public struct VirtualRouterIDRule: Rule {
    public let id = "HA004"
    public let summary = "keepalived's virtual router id is chosen, not kolla-ansible's default 51"

    public init() {}

    public func check(_ context: RuleContext) -> [Finding] {
        guard context.blueprint.ha.enabled, !context.blueprint.hosts.isEmpty,
              context.blueprint.networks.vip.virtualRouterID == 51 else { return [] }
        return [context.finding(id, .advice, "networks.vip.virtual_router_id",
                                "virtual_router_id is kolla-ansible's default 51: two clouds (or a lab and production) on one L2 segment with the same id steal each other's VIP",
                                fix: "set networks.vip.virtual_router_id to a value (1–255) unique on the management network")]
    }
}
