/// SVC013: kolla-ansible's ceph-rgw role only registers an external RGW in Keystone and HAProxy; the gateway
/// itself must run in the Ceph cluster.
public struct CephRGWRule: Rule {
    public let id = "SVC013"
    public let summary = "Object storage through Ceph RGW has a Ceph cluster that runs RGW"

    public init() {}

    public func check(_ context: RuleContext) -> [Finding] {
        // A blueprint without hosts is a package sketch: storage is described with the hosts.
        guard context.has("ceph-rgw"), !context.blueprint.hosts.isEmpty else { return [] }
        guard let ceph = context.blueprint.storage.ceph else {
            return [context.finding(id, .error, "storage",
                                    "object storage comes from Ceph RGW, but storage.ceph is missing: Keystone and HAProxy would point at a gateway that does not exist",
                                    fix: "add storage.ceph with `rgw: true`, a tier and storage hosts")]
        }
        guard !ceph.rgw else { return [] }
        return [context.finding(id, .error, "storage.ceph.rgw",
                                "object storage comes from Ceph RGW, but storage.ceph.rgw is false: Keystone's object-store endpoint would point at no gateway",
                                fix: "set storage.ceph.rgw: true")]
    }
}
