/// SVC010: kolla-ansible's cinder precheck fails with "Please enable at least one backend when enabling
/// Cinder"; the only backend a blueprint describes is Ceph RBD.
public struct CinderBackendRule: Rule {
    public let id = "SVC010"
    public let summary = "Cinder has a volume backend: a Ceph tier"

    public init() {}

    public func check(_ context: RuleContext) -> [Finding] {
        // A blueprint without hosts is a package sketch: storage is described with the hosts.
        guard context.has("cinder"), !context.blueprint.hosts.isEmpty else { return [] }
        guard let ceph = context.blueprint.storage.ceph else {
            return [context.finding(id, .error, "storage",
                                    "Cinder is in the package but storage.ceph is missing: Cinder has no backend, and kolla-ansible's precheck fails with \"Please enable at least one backend when enabling Cinder\"",
                                    fix: "add storage.ceph with a tier (e.g. `tiers: [{name: ssd, device_class: ssd, replication: 3}]`) and storage hosts, or remove the block-storage capability")]
        }
        guard ceph.tiers.isEmpty else { return [] }
        return [context.finding(id, .error, "storage.ceph.tiers",
                                "Cinder is in the package but storage.ceph defines no tier: there is no pool for volumes, so Cinder has no backend",
                                fix: "add a tier, e.g. `tiers: [{name: ssd, device_class: ssd, replication: 3}]`, and put the volumes pool on it")]
    }
}
