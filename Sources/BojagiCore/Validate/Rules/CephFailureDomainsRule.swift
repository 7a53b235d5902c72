/// CEPH001: CRUSH puts each copy (or EC chunk) in a distinct failure domain, so a tier needs at least as many
/// domains holding its disks as copies, or its placement groups never become clean.
public struct CephFailureDomainsRule: Rule {
    public let id = "CEPH001"
    public let summary = "Each Ceph tier has at least as many failure domains with its disks as copies or EC chunks"

    public init() {}

    public func check(_ context: RuleContext) -> [Finding] {
        guard let ceph = context.blueprint.storage.ceph, let capacity = context.topology.ceph else { return [] }
        let domainWord = ceph.failureDomain == .osd ? "OSD" : ceph.failureDomain.rawValue
        var findings: [Finding] = []
        for (index, tier) in capacity.tiers.enumerated() where tier.osds > 0 {
            let path = "storage.ceph.tiers[\(index)]"
            let names = domains(of: tier.name, ceph: ceph, hosts: context.hosts(with: .storage))
            let held = ceph.failureDomain == .osd ? "" : " (\(names.joined(separator: ", ")))"
            let have = "\(tier.failureDomains) \(domainWord)\(tier.failureDomains == 1 ? "" : "s")\(held)"
            if tier.width > tier.failureDomains {
                findings.append(context.finding(id, .error, path,
                                                "tier '\(tier.name)' (\(tier.protection)) needs \(tier.width) \(domainWord)s with \(tier.deviceClass) OSDs, but only \(have) hold them: every placement group stays undersized and degraded",
                                                fix: "add \(tier.width - tier.failureDomains) more \(domainWord)\(tier.width - tier.failureDomains == 1 ? "" : "s") with \(tier.deviceClass) disks, or lower the tier's \(ceph.tiers[index].erasure == nil ? "replication" : "k+m") to at most \(tier.failureDomains)"))
            } else if let erasure = ceph.tiers[index].erasure, tier.width == tier.failureDomains {
                // Ceph's erasure-code guide: most EC pools need k+m domains, but k+m+1 lets a lost domain be rebuilt.
                findings.append(context.finding(id, .warning, path,
                                                "tier '\(tier.name)' (EC \(erasure.k)+\(erasure.m)) spreads its chunks over exactly \(have): after losing one, Ceph has nowhere to rebuild the missing chunks",
                                                fix: "add one more \(domainWord) with \(tier.deviceClass) disks (k+m+1 = \(tier.width + 1)), or reduce k"))
            }
        }
        return findings
    }

    /// The failure domains holding a tier's disks, named as CRUSH would bucket them.
    private func domains(of tier: String, ceph: Storage.Ceph, hosts: [Host]) -> [String] {
        var names: [String] = []
        for host in hosts where host.disks.contains(where: { ($0.tier ?? CephCapacity.defaultTier(for: $0, in: ceph)) == tier }) {
            let name = ceph.failureDomain == .rack ? (host.rack ?? host.name) : host.name
            if !names.contains(name) { names.append(name) }
        }
        return names
    }
}
