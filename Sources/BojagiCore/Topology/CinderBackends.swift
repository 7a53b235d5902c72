/// Cinder's volume backends and the inventory groups kolla-ansible runs cinder-volume and cinder-backup in.
/// kolla's roles/cinder/defaults/main.yml (23.0.0) chooses the group:
/// `cinder-volume-multiple` if more than one backend and LVM, else `cinder-volume-lvm` if LVM, else
/// `cinder-volume` (the `cinder` group: control hosts), and the same for cinder-backup. With RBD or NFS the
/// daemons run on the controllers; only LVM puts them on the storage hosts, whose volume group they serve.
/// The plan's placement and render's globals both read this, so they say the same thing.
public struct CinderBackends: Sendable, Hashable {
    /// Ceph RBD backends: one per volume pool (`CephLayout`).
    public let ceph: Int
    public let lvm: Bool
    public let nfs: Bool
    /// cinder-backup runs only with a backup target: kolla's cinder_backup_driver defaults to ceph.
    public let backup: Bool

    public init(blueprint: Blueprint, members: [String]) {
        ceph = CephLayout.make(blueprint.storage.ceph, services: members)?.volumeBackends.count ?? 0
        lvm = blueprint.storage.cinder?.backend == .lvm
        nfs = blueprint.storage.cinder?.backend == .nfs
        backup = ceph > 0
    }

    /// kolla's `cinder_enabled_backends | length`.
    public var count: Int { ceph + (lvm ? 1 : 0) + (nfs ? 1 : 0) }

    /// The group kolla places cinder-volume in.
    public var volumeGroup: String { group("cinder-volume") }

    /// The group kolla places cinder-backup in, or nil when cinder-backup is off.
    public var backupGroup: String? { backup ? group("cinder-backup") : nil }

    private func group(_ base: String) -> String {
        count > 1 && lvm ? "\(base)-multiple" : lvm ? "\(base)-lvm" : base
    }

    /// The inventory groups that cinder-volume and cinder-backup could use, of which kolla uses one each.
    static let alternatives: Set<String> = [
        "cinder-volume", "cinder-volume-lvm", "cinder-volume-multiple",
        "cinder-backup", "cinder-backup-lvm", "cinder-backup-multiple",
    ]

    /// Whether kolla uses `group` of Cinder's groups: every group that is not one of the alternatives, and the
    /// chosen one of those that are.
    public func uses(_ group: String) -> Bool {
        !Self.alternatives.contains(group) || group == volumeGroup || group == backupGroup
    }

    /// The groups a `choice:cinder` container runs in.
    func groups(forContainer name: String) -> [String] {
        name == "cinder-backup" ? backupGroup.map { [$0] } ?? [] : [volumeGroup]
    }
}
