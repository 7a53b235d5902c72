/// CEPH009: cephadm's OSD spec for a tier picks its disks by device path when every disk of the tier has one, else
/// by the kernel's rotational flag (what `render` writes). Two tiers on one host that are both flash (ssd and
/// nvme) or both spinning cannot then be told apart: the first spec cephadm applies takes the other tier's disks
/// too, and they join the wrong device class.
public struct CephDeviceSelectionRule: Rule {
    public let id = "CEPH009"
    public let summary = "Tiers that share a host and a rotational flag give each of their disks a device path"

    public init() {}

    public func check(_ context: RuleContext) -> [Finding] {
        guard let ceph = context.blueprint.storage.ceph, ceph.tiers.count > 1 else { return [] }
        let hosts = context.hosts(with: .storage)
        func tier(of disk: Host.Disk) -> Storage.Ceph.Tier? {
            let name = disk.tier ?? CephCapacity.defaultTier(for: disk, in: ceph)
            return ceph.tiers.first { $0.name == name }
        }
        // Render selects a tier by paths only when every disk of it, on every host, has one.
        let byRotational = Set(ceph.tiers.filter { tier in
            hosts.contains { $0.disks.contains { self.tierName($0, tier: tier, ceph) && $0.device == nil } }
        }.map(\.name))
        var findings: [Finding] = []
        var reported: Set<String> = []  // Hosts of one range share their disks: report each entry once.
        for host in hosts {
            let tiers = Dictionary(grouping: Set(host.disks.compactMap(tier)).sorted { $0.name < $1.name }) { $0.deviceClass == "hdd" }
            for (spinning, group) in tiers.sorted(by: { !$0.key && $1.key }) where group.count > 1 {
                let unpathed = group.map(\.name).filter(byRotational.contains)
                let origin = host.origin.isEmpty ? "hosts" : host.origin
                guard !unpathed.isEmpty, reported.insert(origin + "\(spinning)").inserted else { continue }
                let names = group.map { "'\($0.name)' (\($0.deviceClass))" }.joined(separator: " and ")
                findings.append(context.finding(
                    id, .error, origin + ".disks",
                    "\(host.name) holds disks of tiers \(names), all \(spinning ? "spinning" : "flash"); cephadm would pick the disks of "
                        + "\(unpathed.map { "'\($0)'" }.joined(separator: ", ")) by the rotational flag, since not each of them has a device path, "
                        + "so one tier's OSD spec would also take the other's disks and put them in the wrong device class",
                    fix: "give every disk of tiers \(group.map(\.name).joined(separator: ", ")) its `device:` path (every host of a tier must present "
                        + "the same paths), or keep those tiers on different hosts"))
            }
        }
        return findings
    }

    func tierName(_ disk: Host.Disk, tier: Storage.Ceph.Tier, _ ceph: Storage.Ceph) -> Bool {
        (disk.tier ?? CephCapacity.defaultTier(for: disk, in: ceph)) == tier.name
    }
}
