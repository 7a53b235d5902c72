/// The Ceph side of `bojagi render`: kolla-ansible's external-Ceph files under config/, and under ceph/ what
/// builds the cluster with cephadm — the service specification, the bootstrap script (and its pools, rules and
/// clients part, which also runs alone) and the keys they share.
public enum CephRenderer {
    public static let keysPath = "ceph/keys.yml"

    /// Files for config/ (kolla's external-Ceph layout) and ceph/ (cephadm), plus ceph/keys.yml (0600) holding the fsid and client keys, existing values kept.
    public static func render(_ context: RenderContext, existingKeys: CephKeys?, secrets: any SecretSource) throws -> [RenderedFile] {
        guard let cluster = CephCluster(context) else { return [] }
        let keys = CephKeys.complete(clients: cluster.clients.map(\.name), existing: existingKeys, secrets: secrets)
        var files = [try keys.file(path: keysPath)]
        files += KollaCephConfig.files(cluster, keys: keys, context: context)
        files.append(RenderedFile(path: "ceph/cluster-spec.yaml", contents: CephClusterSpec.render(cluster, context: context)))
        files.append(RenderedFile(path: CephBootstrapScript.path, contents: CephBootstrapScript.render(cluster, context: context), mode: 0o755))
        files.append(RenderedFile(path: CephBootstrapScript.poolsPath, contents: CephBootstrapScript.renderPools(cluster, context: context), mode: 0o755))
        return files.sorted { $0.path < $1.path }
    }
}
