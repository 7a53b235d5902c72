/// CEPH008: a disk on a storage host becomes an OSD of the tier it names, else of the first tier of its device
/// class; with neither, the OSD would serve no pool.
public struct CephUnassignedDisksRule: Rule {
    public let id = "CEPH008"
    public let summary = "Every disk of a storage host serves a Ceph tier"

    public init() {}

    public func check(_ context: RuleContext) -> [Finding] {
        guard let ceph = context.blueprint.storage.ceph, !ceph.tiers.isEmpty else { return [] }
        let tierNames = ceph.tiers.map(\.name)
        var findings: [Finding] = []
        var reported: Set<String> = []  // Hosts of one range share their disks: report each entry once.
        for host in context.hosts(with: .storage) {
            for (index, disk) in host.disks.enumerated() {
                let path = (host.origin.isEmpty ? "hosts" : host.origin) + ".disks[\(index)]"
                guard reported.insert(path).inserted else { continue }
                let disks = "\(disk.count) × \(disk.sizeGB) GB \(disk.kind.rawValue)"
                if let tier = disk.tier {
                    guard !tierNames.contains(tier) else { continue }
                    findings.append(context.finding(id, .warning, path + ".tier",
                                                    "\(host.name)'s \(disks) disk\(disk.count == 1 ? " names" : "s name") tier '\(tier)', which storage.ceph.tiers does not define: \(disk.count == 1 ? "that OSD" : "those OSDs") would serve no pool"
                                                    + Suggestion.phrase(for: tier, in: tierNames),
                                                    fix: "name one of the tiers (\(tierNames.joined(separator: ", "))) or define tier '\(tier)'"))
                } else if CephCapacity.defaultTier(for: disk, in: ceph) == nil {
                    findings.append(context.finding(id, .warning, path,
                                                    "\(host.name)'s \(disks) disk\(disk.count == 1 ? " matches" : "s match") no tier (tiers use device classes \(Set(ceph.tiers.map(\.deviceClass)).sorted().joined(separator: ", "))): \(disk.count == 1 ? "that OSD" : "those OSDs") would serve no pool",
                                                    fix: "add a tier with device_class: \(disk.kind.rawValue), give the disks `tier:` naming an existing tier, or remove them"))
                }
            }
        }
        return findings
    }
}
