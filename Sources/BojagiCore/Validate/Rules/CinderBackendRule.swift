/// SVC010: kolla-ansible's cinder precheck fails with "Please enable at least one backend when enabling
/// Cinder". A blueprint gives Cinder Ceph RBD (`storage.ceph` tiers), LVM or NFS (`storage.cinder`); LVM runs
/// cinder-volume on the storage hosts (kolla's cinder-volume-lvm group), so it needs some.
public struct CinderBackendRule: Rule {
    public let id = "SVC010"
    public let summary = "Cinder has a volume backend: a Ceph tier, or storage.cinder (LVM on storage hosts, or NFS)"

    public init() {}

    public func check(_ context: RuleContext) -> [Finding] {
        // A blueprint without hosts is a package sketch: storage is described with the hosts.
        guard context.has("cinder"), !context.blueprint.hosts.isEmpty else { return [] }
        let storage = context.blueprint.storage
        var findings: [Finding] = []
        if storage.cinder?.backend == .lvm, context.hosts(with: .storage).isEmpty {
            findings.append(context.finding(id, .error, "storage.cinder.backend",
                                            "Cinder's LVM backend runs cinder-volume on the storage hosts (kolla's cinder-volume-lvm group), and no host has the storage role",
                                            fix: "give the host with the `\(storage.cinder?.volumeGroup ?? CinderGlobals.defaultVolumeGroup)` volume group `roles: [storage]`, or use `backend: nfs` with shares"))
        }
        guard storage.cinder == nil else { return findings }
        guard let ceph = storage.ceph else {
            return [context.finding(id, .error, "storage",
                                    "Cinder is in the package but neither storage.ceph nor storage.cinder gives it a backend, and kolla-ansible's precheck fails with \"Please enable at least one backend when enabling Cinder\"",
                                    fix: "add storage.ceph with a tier (e.g. `tiers: [{name: ssd, device_class: ssd, replication: 3}]`) and storage hosts, or `storage.cinder: {backend: lvm, volume_group: cinder-volumes}` (LVM on the storage hosts) or `{backend: nfs, shares: [\"host:/export\"]}`, or remove the block-storage capability")]
        }
        guard ceph.tiers.isEmpty else { return findings }
        return [context.finding(id, .error, "storage.ceph.tiers",
                                "Cinder is in the package but storage.ceph defines no tier: there is no pool for volumes, so Cinder has no backend",
                                fix: "add a tier, e.g. `tiers: [{name: ssd, device_class: ssd, replication: 3}]`, and put the volumes pool on it, or give storage.cinder an LVM or NFS backend")]
    }
}
