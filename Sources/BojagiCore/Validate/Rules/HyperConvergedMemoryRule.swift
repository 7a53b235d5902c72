/// CAP003: on a host that is both compute and Ceph storage, each OSD uses about osd_memory_target (4 GiB by
/// default); nova only leaves reserved_host_memory for the host, so that reservation must cover the OSDs.
public struct HyperConvergedMemoryRule: Rule {
    public let id = "CAP003"
    public let summary = "Hyper-converged hosts reserve at least 4 GiB of memory per OSD"

    /// BlueStore's `osd_memory_target` default.
    static let osdMemoryGiB = 4

    public init() {}

    public func check(_ context: RuleContext) -> [Finding] {
        guard let ceph = context.blueprint.storage.ceph else { return [] }
        let reserved = context.blueprint.capacity.reservedHostMemoryGiB
        var findings: [Finding] = []
        for host in context.blueprint.hosts where host.roles.contains(.compute) && host.roles.contains(.storage) {
            let tiers = Set(ceph.tiers.map(\.name))
            let osds = host.disks.filter { tiers.contains($0.tier ?? CephCapacity.defaultTier(for: $0, in: ceph) ?? "") }
                .reduce(0) { $0 + $1.count }
            let needed = osds * Self.osdMemoryGiB
            guard osds > 0, reserved < needed else { continue }
            findings.append(context.finding(id, .warning, "capacity.reserved_host_memory_gib",
                                            "\(host.name) is compute and storage with \(osds) OSDs (≈ \(needed) GiB at 4 GiB each) but reserves only \(reserved) GiB for the host: nova would give the OSDs' memory to guests",
                                            fix: "set capacity.reserved_host_memory_gib to at least \(needed + 4) (OSDs plus the host), lower osd_memory_target, or separate the compute and storage roles"))
        }
        return findings
    }
}
