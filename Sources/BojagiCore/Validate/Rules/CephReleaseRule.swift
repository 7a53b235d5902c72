/// REL002: kolla's images carry the Ceph client of the release's Ceph list. A cluster one release newer is the
/// usual upgrade order (cluster first) and stays readable; further ahead, the cluster may use OSDMap features the
/// older client cannot parse; older than every listed release, it is a Ceph this OpenStack release was never
/// used with.
public struct CephReleaseRule: Rule {
    public let id = "REL002"
    public let summary = "The Ceph release is one the OpenStack release's kolla images work with"

    public init() {}

    public func check(_ context: RuleContext) -> [Finding] {
        guard let chosen = context.blueprint.storage.ceph?.release else { return [] }
        let order = StorageDecoder.cephReleases
        let release = context.release
        guard !release.ceph.contains(chosen), let position = order.firstIndex(of: chosen) else { return [] }
        let listed = release.ceph.compactMap { order.firstIndex(of: $0) }
        guard let oldest = listed.min(), let newest = listed.max() else { return [] }
        let names = release.ceph.joined(separator: ", ")
        if position < oldest {
            return [context.finding(id, .error, "storage.ceph.release",
                                    "Ceph \(chosen) is older than every Ceph release \(release.label) is used with (\(names)): that release's kolla-ansible and images were only used with \(names), never with a \(chosen) cluster",
                                    fix: "upgrade the cluster to \(order[newest]) (set storage.ceph.release: \(order[newest])), or choose an older OpenStack release")]
        }
        if position > newest + 1 {
            return [context.finding(id, .warning, "storage.ceph.release",
                                    "Ceph \(chosen) is \(position - newest) releases newer than the \(order[newest]) client in \(release.label)'s kolla images: once the cluster uses its newer OSDMap features, that client can no longer locate objects",
                                    fix: "run Ceph \(order[newest]) (or \(order[newest + 1])) with \(release.label), or run `ceph osd set-require-min-compat-client \(order[newest])` so the cluster refuses features that client cannot parse")]
        }
        return []
    }
}
