/// CEPH002: Ceph's default min_size is size − ⌊size/2⌋, so size 2 keeps accepting writes with one copy, and
/// size 1 (or EC with m = 1) loses data with the first failed disk.
public struct CephReplicationRule: Rule {
    public let id = "CEPH002"
    public let summary = "Each Ceph tier keeps enough copies (or coding chunks) to survive a failure safely"

    public init() {}

    public func check(_ context: RuleContext) -> [Finding] {
        guard let ceph = context.blueprint.storage.ceph else { return [] }
        var findings: [Finding] = []
        for (index, tier) in ceph.tiers.enumerated() {
            if let erasure = tier.erasure {
                if erasure.m == 1 {
                    findings.append(context.finding(id, .warning, "storage.ceph.tiers[\(index)].erasure",
                                                    "tier '\(tier.name)' uses EC \(erasure.k)+1: with min_size k+1 = \(erasure.k + 1), one failed \(ceph.failureDomain.rawValue) stops I/O, and with min_size k a second failure loses data",
                                                    fix: "use m: 2 or more (e.g. erasure: {k: \(erasure.k), m: 2}); Ceph's guide discourages m = 1 for production data"))
                }
                continue
            }
            let size = tier.replication ?? 3
            let path = "storage.ceph.tiers[\(index)].replication"
            if size == 1 {
                findings.append(context.finding(id, .error, path,
                                                "tier '\(tier.name)' keeps 1 copy: the first failed disk loses every object on it",
                                                fix: "set replication: 3 (Ceph's default size 3, min_size 2)"))
            } else if size == 2 {
                findings.append(context.finding(id, .warning, path,
                                                "tier '\(tier.name)' keeps 2 copies: Ceph's min_size is then 1, so after one failure it accepts writes on a single copy and a second failure loses them",
                                                fix: "set replication: 3 (size 3, min_size 2)"))
            }
        }
        return findings
    }
}
