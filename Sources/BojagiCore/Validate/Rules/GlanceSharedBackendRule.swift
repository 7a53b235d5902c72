/// SVC014: without Ceph, kolla-ansible stores images on the file backend in a local volume and then runs
/// glance-api on the first glance host only (`glance_api_hosts`).
public struct GlanceSharedBackendRule: Rule {
    public let id = "SVC014"
    public let summary = "Glance on several controllers stores images on Ceph, not on a local file backend"

    public init() {}

    public func check(_ context: RuleContext) -> [Finding] {
        guard context.has("glance") else { return [] }
        if let ceph = context.blueprint.storage.ceph, !ceph.tiers.isEmpty { return [] }
        let hosts = context.topology.placement.hosts(of: "glance")
        let ordered = context.blueprint.hosts.map(\.name).filter { hosts.contains($0) }
        guard ordered.count > 1 else { return [] }
        return [context.finding(id, .warning, "storage",
                                "Glance has no Ceph, so kolla-ansible uses its file backend and runs glance-api only on \(ordered[0]), not on \(ordered.dropFirst().joined(separator: ", ")): losing \(ordered[0]) makes images unavailable",
                                fix: "add storage.ceph with a tier holding an `images` pool, or mount shared storage and set glance_file_datadir_volume")]
    }
}
