/// The Ceph pools and clients OpenStack uses, derived once from the blueprint so globals.yml, config/ and
/// the cephadm files agree. Pool names follow kolla-ansible's defaults (`images`, `vms`, `volumes`, `backups`).
public struct CephLayout: Sendable, Hashable {
    public struct Pool: Sendable, Hashable {
        public let name: String
        public let tier: Storage.Ceph.Tier
        /// Who uses it: glance, nova, cinder, cinder-backup, gnocchi, rgw, manila (CephFS data), manila-metadata.
        public let application: String
    }

    /// A Cinder backend: one per volume pool, offered as a volume type.
    public struct VolumeBackend: Sendable, Hashable {
        /// kolla's backend name, `rbd-1` for the first (kolla's default), `rbd-<tier>` for the others.
        public let name: String
        public let volumeType: String
        public let pool: String
    }

    public let pools: [Pool]
    public let volumeBackends: [VolumeBackend]

    public func pool(for application: String) -> Pool? { pools.first { $0.application == application } }

    /// The CephFS file system Manila's CephFS-native backend shares from, and its pools.
    public static let cephFSName = "manila"
    public static let cephFSMetadataPool = "cephfs_metadata"
    public static let cephFSDataPool = "cephfs_data"

    /// nil when the blueprint has no Ceph tiers.
    public static func make(_ ceph: Storage.Ceph?, services: [String]) -> CephLayout? {
        guard let ceph, let firstTier = ceph.tiers.first else { return nil }
        func tier(_ name: String) -> Storage.Ceph.Tier { ceph.tiers.first { $0.name == name } ?? firstTier }
        let given = Dictionary(ceph.pools.map { ($0.name, $0.tier) }, uniquingKeysWith: { first, _ in first })
        var pools: [Pool] = []
        func add(_ name: String, _ application: String, default fallback: Storage.Ceph.Tier) {
            pools.append(Pool(name: name, tier: given[name].map(tier) ?? fallback, application: application))
        }
        if services.contains("glance") { add("images", "glance", default: firstTier) }
        if services.contains("nova") { add("vms", "nova", default: firstTier) }
        if services.contains("cinder") {
            let volumePools = ceph.pools.filter { $0.name == "volumes" || $0.name.hasPrefix("volumes-") }.map(\.name)
            if volumePools.isEmpty {
                add("volumes", "cinder", default: firstTier)
                for other in ceph.tiers.dropFirst() { add("volumes-\(other.name)", "cinder", default: other) }
            } else {
                for name in volumePools.sorted(by: { ($0 == "volumes" ? 0 : 1, $0) < ($1 == "volumes" ? 0 : 1, $1) }) {
                    add(name, "cinder", default: firstTier)
                }
            }
            add("backups", "cinder-backup", default: ceph.tiers.last!)
        }
        if services.contains("gnocchi") { add("gnocchi", "gnocchi", default: firstTier) }
        if services.contains("manila") {
            // Manila's CephFS file system: metadata on the first tier (small, latency-bound), data on the last.
            add(cephFSMetadataPool, "manila-metadata", default: firstTier)
            add(cephFSDataPool, "manila", default: ceph.tiers.last!)
        }
        if services.contains("ceph-rgw") || ceph.rgw {
            // RGW creates its own pools; the data pool's tier is what the blueprint calls `rgw`.
            add("default.rgw.buckets.data", "rgw", default: given["rgw"].map(tier) ?? ceph.tiers.last!)
        }
        let volumes = pools.filter { $0.application == "cinder" }
        let backends = volumes.enumerated().map { index, pool in
            VolumeBackend(name: index == 0 ? "rbd-1" : "rbd-\(pool.tier.name)",
                          volumeType: pool.tier.volumeType ?? pool.tier.name, pool: pool.name)
        }
        return CephLayout(pools: pools, volumeBackends: backends)
    }
}
