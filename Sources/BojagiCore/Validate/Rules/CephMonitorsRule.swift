/// CEPH007: Ceph monitors keep the cluster map by majority vote; Bojagi places them on control hosts (else on
/// storage hosts), and with fewer than 3 such hosts one failure stops the cluster.
public struct CephMonitorsRule: Rule {
    public let id = "CEPH007"
    public let summary = "Ceph has at least 3 hosts for its monitors"

    public init() {}

    public func check(_ context: RuleContext) -> [Finding] {
        guard let ceph = context.blueprint.storage.ceph, !ceph.tiers.isEmpty else { return [] }
        let candidates = context.blueprint.hosts.filter { $0.roles.contains(.control) || $0.roles.contains(.storage) }.map(\.name)
        guard !candidates.isEmpty, candidates.count < 3 else { return [] }
        let effect = candidates.count == 1
            ? "one monitor: its loss stops every Ceph client"
            : "2 monitors: a majority needs both, and losing either stops every Ceph client"
        return [context.finding(id, .warning, "hosts",
                                "only \(candidates.joined(separator: " and ")) can host Ceph monitors (control or storage role), so Ceph can run only \(effect)",
                                fix: "have 3 control hosts (or 3 control and storage hosts together) so Ceph runs 3 monitors on distinct hosts")]
    }
}
