/// CAP003: nova offers instances all of a compute host's memory but `reserved_host_memory`, so on a host that is
/// also Ceph storage or a controller the reservation must hold Ceph's daemons (`CephDaemons`: each OSD at
/// osd_memory_target, 4 GiB, and the monitor, manager, RGW and MDS there),
/// the control plane's containers and the host itself, or instances take their memory.
public struct HyperConvergedMemoryRule: Rule {
    public let id = "CAP003"
    public let summary = "Compute hosts that are also storage or control hosts reserve the memory of their Ceph daemons, control plane and host"

    /// The host's own share: kernel, agents, page cache.
    static let hostGiB = 4

    public init() {}

    public func check(_ context: RuleContext) -> [Finding] {
        let reserved = context.blueprint.capacity.reservedHostMemoryGiB
        let control = Dictionary(context.topology.controlPlane.hosts.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        var findings: [Finding] = []
        var reported: Set<String> = []  // Hosts of one range are alike: report each entry once.
        for host in context.hosts(with: .compute) where host.roles.contains(.storage) || host.roles.contains(.control) {
            let ceph = context.topology.placement.ceph.host(host.name)
            let cephGiB = Int((Double(ceph?.memoryMiB ?? 0) / 1024).rounded(.up))
            let controlMiB = host.roles.contains(.control) ? control[host.name]?.neededMiB ?? 0 : 0
            guard cephGiB > 0 || controlMiB > 0 else { continue }
            let controlGiB = Int((Double(controlMiB) / 1024).rounded(.up))
            let needed = cephGiB + controlGiB + Self.hostGiB
            guard reserved < needed, reported.insert(host.origin).inserted else { continue }
            var parts: [String] = []
            if let ceph, cephGiB > 0 { parts.append("Ceph \(ceph.names.joined(separator: ", ")) ≈ \(cephGiB) GiB (OSDs at 4 GiB each)") }
            if controlMiB > 0 { parts.append("the control plane ≈ \(controlGiB) GiB") }
            parts.append("the host \(Self.hostGiB) GiB")
            let roles = [host.roles.contains(.storage) ? "storage" : nil, host.roles.contains(.control) ? "control" : nil].compactMap { $0 }
            findings.append(context.finding(id, .warning, "capacity.reserved_host_memory_gib",
                                            "\(host.name) is compute and \(roles.joined(separator: " and ")) and needs \(needed) GiB beside its instances (\(parts.joined(separator: ", "))), but capacity.reserved_host_memory_gib keeps only \(reserved) GiB: nova would give the rest to instances",
                                            fix: "set `reserved_host_memory_gib: \(needed)` under capacity (instances then get memory_gib − \(needed)), lower osd_memory_target, or separate the compute role from the others"))
        }
        return findings
    }
}
