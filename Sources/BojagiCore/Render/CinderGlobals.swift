/// globals.yml keys and config/ files for Cinder's LVM or NFS backend (`storage.cinder`), beside or instead of
/// Ceph RBD; kolla-ansible 23's group_vars/all/cinder.yml and roles/cinder.
enum CinderGlobals {
    static func entries(_ context: RenderContext) -> [GlobalsEntry] {
        guard context.has("cinder") else { return [] }
        let backends = CinderBackends(blueprint: context.blueprint, members: context.members)
        var entries: [GlobalsEntry] = []
        if let cinder = context.blueprint.storage.cinder {
            switch cinder.backend {
            case .lvm:
                // With LVM kolla runs cinder-volume (and iscsid, tgtd) on the storage hosts, in their volume group.
                entries.append(GlobalsEntry("enable_cinder_backend_lvm", .flag(true),
                                            from: "storage.cinder.backend: lvm (cinder-volume on the \(backends.volumeGroup) group)"))
                if let group = cinder.volumeGroup, group != defaultVolumeGroup {
                    entries.append(GlobalsEntry("cinder_volume_group", .string(group), from: "storage.cinder.volume_group"))
                }
            case .nfs:
                entries.append(GlobalsEntry("enable_cinder_backend_nfs", .flag(true),
                                            from: "storage.cinder.backend: nfs (shares in config/cinder/nfs_shares)"))
            }
        }
        // kolla's cinder_backup_driver defaults to ceph: without Ceph, cinder-backup has nowhere to write.
        if !backends.backup {
            entries.append(GlobalsEntry("enable_cinder_backup", .flag(false), from: "storage.cinder without storage.ceph (cinder-backup writes to Ceph)"))
        }
        // Several cinder-volume hosts need a cluster name and a coordination backend (kolla prechecks).
        let volumeHosts = context.plan.topology?.placement.services["cinder"]?.first { $0.name == backends.volumeGroup }?.hosts ?? []
        if volumeHosts.count > 1 {
            entries.append(GlobalsEntry("cinder_cluster_name", .string(context.blueprint.name ?? "bojagi"),
                                        from: "hosts (\(volumeHosts.count) cinder-volume hosts)"))
        }
        return entries
    }

    /// kolla's `cinder_volume_group` default.
    static let defaultVolumeGroup = "cinder-volumes"

    /// `config/cinder/nfs_shares`, which kolla copies into cinder-volume (`nfs_shares_config`), one share a line.
    static func files(_ context: RenderContext) -> [RenderedFile] {
        guard context.has("cinder"), let cinder = context.blueprint.storage.cinder, cinder.backend == .nfs else { return [] }
        return [RenderedFile(path: "config/cinder/nfs_shares",
                             contents: context.header("Cinder NFS shares") + cinder.shares.map { $0 + "\n" }.joined())]
    }
}
