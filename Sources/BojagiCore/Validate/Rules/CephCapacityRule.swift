/// CEPH004: Ceph warns at nearfull and stops writes at full (mon_osd_full_ratio 0.95); after losing a failure
/// domain it re-replicates onto the rest, which must still hold the data below nearfull.
public struct CephCapacityRule: Rule {
    public let id = "CEPH004"
    public let summary = "Each Ceph tier holds its planned data below nearfull, also after losing its largest failure domain"

    /// Ceph's `mon_osd_full_ratio` default: OSDs refuse writes above it.
    static let fullRatio = 0.95

    public init() {}

    public func check(_ context: RuleContext) -> [Finding] {
        guard let capacity = context.topology.ceph else { return [] }
        var findings: [Finding] = []
        for tier in capacity.tiers {
            guard let planned = tier.plannedTB, tier.osds > 0 else { continue }
            let path = "capacity.planned_storage_tb.\(tier.name)"
            let full = tier.usableTB * Self.fullRatio
            let nearfullPercent = Int((capacity.nearfullRatio * 100).rounded())
            if planned > full {
                findings.append(context.finding(id, .error, path,
                                                "tier '\(tier.name)' plans \(tb(planned)) TB but holds \(tb(tier.usableTB)) TB usable (\(tier.protection) of \(tb(tier.rawTB)) TB raw): above \(tb(full)) TB (full ratio 95 %) Ceph stops accepting writes",
                                                fix: "add \(tier.deviceClass) disks, lower the plan, or move pools to another tier"))
            } else if planned > tier.nearfullTB {
                findings.append(context.finding(id, .warning, path,
                                                "tier '\(tier.name)' plans \(tb(planned)) TB, above its nearfull level of \(tb(tier.nearfullTB)) TB (\(nearfullPercent) % of \(tb(tier.usableTB)) TB usable): the cluster would run in HEALTH_WARN with no room for growth",
                                                fix: "add \(tier.deviceClass) disks or lower the plan to at most \(tb(tier.nearfullTB)) TB"))
            } else if tier.failureDomains > tier.width, planned > tier.afterLossTB {
                // With as many domains as copies there is nowhere to re-replicate, so a loss only degrades.
                findings.append(context.finding(id, .warning, path,
                                                "tier '\(tier.name)' plans \(tb(planned)) TB but after losing its largest \(capacity.failureDomain.rawValue) and re-replicating it holds only \(tb(tier.afterLossTB)) TB below nearfull: recovery would fill the remaining OSDs",
                                                fix: "add \(tier.deviceClass) capacity spread over the \(capacity.failureDomain.rawValue)s, or lower the plan to at most \(tb(tier.afterLossTB)) TB"))
            }
        }
        return findings
    }

    private func tb(_ value: Double) -> String {
        let rounded = (value * 10).rounded() / 10
        return rounded == rounded.rounded() ? String(Int(rounded)) : String(rounded)
    }
}
