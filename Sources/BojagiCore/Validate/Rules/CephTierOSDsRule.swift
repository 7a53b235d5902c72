/// CEPH005: a CRUSH rule that takes a device class with no OSDs maps no placement group, so the tier's pools
/// never become active.
public struct CephTierOSDsRule: Rule {
    public let id = "CEPH005"
    public let summary = "Each Ceph tier has OSDs: disks of its device class on storage hosts"

    public init() {}

    public func check(_ context: RuleContext) -> [Finding] {
        guard let ceph = context.blueprint.storage.ceph, let capacity = context.topology.ceph else { return [] }
        let storageHosts = context.hosts(with: .storage)
        guard !storageHosts.isEmpty else { return [] }  // HOST001 reports Ceph without storage hosts.
        var findings: [Finding] = []
        for (index, tier) in capacity.tiers.enumerated() where tier.osds == 0 {
            let pools = ceph.pools.filter { $0.tier == tier.name }.map(\.name)
            let stranded = pools.isEmpty ? "" : "; its pools (\(pools.joined(separator: ", "))) could never store data"
            let kinds = Set(storageHosts.flatMap { $0.disks.map(\.kind.rawValue) }).sorted()
            findings.append(context.finding(id, .error, "storage.ceph.tiers[\(index)]",
                                            "tier '\(tier.name)' (device class \(tier.deviceClass)) has no OSD: no storage host has \(tier.deviceClass) disks for it\(stranded)",
                                            fix: "add \(tier.deviceClass) disks to storage hosts, or set the tier's device_class to one the hosts have (\(kinds.isEmpty ? "none listed" : kinds.joined(separator: ", ")))"))
        }
        return findings
    }
}
