/// kolla-ansible's external-Ceph layout under config/ (doc/source/reference/storage/external-ceph-guide.rst and
/// each role's tasks/external_ceph.yml): `config/<service>/ceph.conf` and the keyrings beside it.
enum KollaCephConfig {
    /// One ceph.conf per service. No leading whitespace anywhere: kolla merges these files with its INI parser,
    /// which breaks on the leading tabs `ceph config generate-minimal-conf` writes.
    static func files(_ cluster: CephCluster, keys: CephKeys, context: RenderContext) -> [RenderedFile] {
        var files: [RenderedFile] = []
        for service in cluster.configServices {
            files.append(RenderedFile(path: "config/\(service)/ceph.conf", contents: conf(cluster, keys: keys, service: service, context: context)))
        }
        for client in cluster.clients {
            for path in client.keyringPaths {
                files.append(RenderedFile(path: path, contents: keyring(client.name, key: keys.key(for: client.name)!), mode: 0o600))
            }
        }
        return files.sorted { $0.path < $1.path }
    }

    static func conf(_ cluster: CephCluster, keys: CephKeys, service: String, context: RenderContext) -> String {
        var lines = ["[global]", "fsid = \(keys.fsid!)"]
        // The guide's Glance example names its keyring; the other services find theirs on Ceph's default path.
        if service == "glance" { lines.append("keyring = /etc/ceph/ceph.client.glance.keyring") }
        lines += [
            "mon_initial_members = \(cluster.monitors.map(\.name).joined(separator: ", "))",
            "mon_host = \(cluster.monitors.map(CephCluster.address).joined(separator: ","))",
            "auth_cluster_required = cephx",
            "auth_service_required = cephx",
            "auth_client_required = cephx",
        ]
        return context.header("ceph.conf for \(service) (external Ceph)") + lines.joined(separator: "\n") + "\n"
    }

    /// As `ceph auth get-or-create` prints it (a tab before `key`): kolla copies keyrings with `template`, never
    /// through its INI merge, and nova-cell reads the key with `key\s*=`.
    static func keyring(_ client: String, key: String) -> String {
        "[\(client)]\n\tkey = \(key)\n"
    }
}
