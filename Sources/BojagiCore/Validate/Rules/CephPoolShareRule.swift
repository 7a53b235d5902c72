/// CEPH006: pool percentages are shares of one tier's usable capacity; more than 100 % promises space the
/// tier does not have.
public struct CephPoolShareRule: Rule {
    public let id = "CEPH006"
    public let summary = "The pool percentages of each Ceph tier add up to at most 100"

    public init() {}

    public func check(_ context: RuleContext) -> [Finding] {
        guard let ceph = context.blueprint.storage.ceph else { return [] }
        var findings: [Finding] = []
        for tier in ceph.tiers {
            let pools = ceph.pools.filter { $0.tier == tier.name && $0.percent != nil }
            let total = pools.reduce(0) { $0 + ($1.percent ?? 0) }
            guard total > 100 else { continue }
            let parts = pools.map { "\($0.name) \($0.percent!) %" }.joined(separator: " + ")
            findings.append(context.finding(id, .error, "storage.ceph.pools",
                                            "pools on tier '\(tier.name)' claim \(total) % of its capacity (\(parts))",
                                            fix: "lower the percentages so they add up to 100 or less, or move a pool to another tier"))
        }
        return findings
    }
}
