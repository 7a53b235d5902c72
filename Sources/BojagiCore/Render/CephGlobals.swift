/// globals.yml keys for external Ceph: which services store on RBD, one Cinder backend per volume pool (the
/// seed's SSD/HDD tiers as volume types), and the RGW endpoints HAProxy fronts.
enum CephGlobals {
    static func entries(_ context: RenderContext) -> [GlobalsEntry] {
        guard let layout = CephLayout.make(context.blueprint.storage.ceph, services: context.members) else { return [] }
        var entries: [GlobalsEntry] = []
        if context.has("glance") { entries.append(GlobalsEntry("glance_backend_ceph", .flag(true), from: "storage.ceph")) }
        if context.has("nova") { entries.append(GlobalsEntry("nova_backend_ceph", .flag(true), from: "storage.ceph")) }
        if context.has("gnocchi") { entries.append(GlobalsEntry("gnocchi_backend_storage", .string("ceph"), from: "storage.ceph")) }
        if context.has("cinder") {
            entries.append(GlobalsEntry("cinder_backend_ceph", .flag(true), from: "storage.ceph"))
            let backends = layout.volumeBackends
            if backends.count > 1 || backends.first.map({ $0.pool != "volumes" || $0.volumeType != $0.name }) == true {
                let lines = backends.flatMap { backend in
                    ["- name: \"\(backend.name)\"", "  backend_name: \"\(backend.volumeType)\"", "  cluster: \"ceph\"",
                     "  user: \"cinder\"", "  pool: \"\(backend.pool)\"", "  enabled: true"]
                }
                entries.append(GlobalsEntry("cinder_ceph_backends", .block(lines), from: "storage.ceph.tiers / pools (one backend per volume pool)"))
            }
        }
        if context.has("manila"), layout.pool(for: "manila") != nil {
            entries.append(GlobalsEntry("enable_manila_backend_cephfs_native", .flag(true), from: "storage.ceph (Manila shares CephFS)"))
            entries.append(GlobalsEntry("manila_cephfs_filesystem_name", .string(CephLayout.cephFSName), from: "storage.ceph (the file system bootstrap.sh creates)"))
        }
        if context.has("ceph-rgw") {
            let storage = context.blueprint.hosts.filter { $0.roles.contains(.storage) }
            let lines = storage.compactMap { host in
                host.address.map { "- host: \"\(host.name)\"\n  ip: \"\($0)\"\n  port: 8080" }
            }.flatMap { $0.split(separator: "\n").map(String.init) }
            entries.append(GlobalsEntry("ceph_rgw_hosts", .block(lines), from: "storage.ceph.rgw (RGW daemons on the storage hosts)"))
        }
        return entries
    }
}
