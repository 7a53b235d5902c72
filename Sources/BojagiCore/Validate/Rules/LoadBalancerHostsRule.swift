/// HA005: HAProxy and keepalived run on the network hosts (kolla's `loadbalancer` group); one such host means
/// the VIP has nowhere to go.
public struct LoadBalancerHostsRule: Rule {
    public let id = "HA005"
    public let summary = "HA has at least two load balancer (network) hosts"

    public init() {}

    public func check(_ context: RuleContext) -> [Finding] {
        guard context.blueprint.ha.enabled else { return [] }
        let balancers = context.topology.placement.hosts(of: "haproxy")
        guard balancers.count == 1 else { return [] }
        return [context.finding(id, .error, "hosts",
                                "HA is on but only \(balancers[0]) runs HAProxy and keepalived: when it fails, every API goes with it",
                                fix: "give the network role to at least two hosts (usually all control hosts)")]
    }
}
