/// CEPH003: RBD images (Nova's vms, Cinder's volumes and backups, Glance's images) keep their metadata in omap,
/// which erasure-coded pools cannot hold: they need a replicated pool, with an EC pool at most as the data pool.
public struct CephErasureRBDRule: Rule {
    public let id = "CEPH003"
    public let summary = "RBD pools (vms, volumes, images, backups) are on replicated tiers"

    /// kolla-ansible's default RBD pool names (`ceph_*_pool_name` in group_vars/all/ceph.yml).
    static let rbdPools = ["backups", "images", "vms", "volumes"]

    public init() {}

    public func check(_ context: RuleContext) -> [Finding] {
        guard let ceph = context.blueprint.storage.ceph else { return [] }
        let replicated = ceph.tiers.filter { $0.erasure == nil }.map(\.name)
        var findings: [Finding] = []
        for pool in ceph.pools where Self.rbdPools.contains(pool.name) {
            guard let tier = ceph.tiers.first(where: { $0.name == pool.tier }), let erasure = tier.erasure else { continue }
            let path = "storage.ceph.pools.\(pool.name).tier"
            if replicated.isEmpty {
                findings.append(context.finding(id, .error, path,
                                                "RBD pool '\(pool.name)' is on tier '\(tier.name)' (EC \(erasure.k)+\(erasure.m)) and no tier is replicated: RBD cannot keep image metadata in an erasure-coded pool",
                                                fix: "add a replicated tier for the RBD pools, or set replication on '\(tier.name)'"))
            } else {
                findings.append(context.finding(id, .warning, path,
                                                "RBD pool '\(pool.name)' is on tier '\(tier.name)' (EC \(erasure.k)+\(erasure.m)): RBD needs a replicated pool for metadata and the EC pool as its data pool with allow_ec_overwrites, which kolla-ansible does not set up",
                                                fix: "put '\(pool.name)' on a replicated tier (\(replicated.joined(separator: ", "))), or create it replicated with `rbd default data pool` pointing at an EC pool that has allow_ec_overwrites true"))
            }
        }
        return findings
    }
}
