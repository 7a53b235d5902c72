/// Raw and usable capacity of each Ceph tier, and what it can safely hold when one failure domain is lost.
public struct CephCapacity: Sendable, Hashable, Codable {
    public struct Tier: Sendable, Hashable, Codable {
        public let name: String
        public let deviceClass: String
        /// `3× replication` or `EC 4+2`.
        public let protection: String
        public let osds: Int
        /// Failure domains (hosts, racks or OSDs) holding this tier's disks.
        public let failureDomains: Int
        /// Copies or chunks each object needs on distinct failure domains.
        public let width: Int
        public let rawTB: Double
        /// After replication or erasure coding.
        public let usableTB: Double
        /// Usable up to the nearfull ratio: what the tier should hold in normal operation.
        public let nearfullTB: Double
        /// Usable at the nearfull ratio after losing the largest failure domain and re-protecting its data.
        public let afterLossTB: Double
        public let plannedTB: Double?

        /// Whether Ceph can re-protect the data after losing a failure domain: only with more domains than copies
        /// or chunks. With exactly as many, the tier runs degraded (one copy or chunk short) until the domain is back.
        public var reprotects: Bool { failureDomains > width }

        /// Whether the planned data (or, without a plan, the nearfull level) survives the loss of a failure domain.
        public var survivesLoss: Bool {
            (plannedTB ?? nearfullTB) <= afterLossTB && reprotects
        }

        /// The plan's "after losing one" cell: the capacity once re-protected, or that the tier runs degraded.
        public var afterLossText: String {
            reprotects ? String(format: "%.1f TB", afterLossTB) : "degraded until back"
        }
    }

    public let failureDomain: Storage.Ceph.FailureDomain
    public let nearfullRatio: Double
    public let tiers: [Tier]

    public static func make(ceph: Storage.Ceph, hosts: [Host], planned: [String: Double]) -> CephCapacity {
        let storageHosts = hosts.filter { $0.roles.contains(.storage) }
        return make(ceph: ceph, planned: planned) { tier in
            // Raw TB per failure domain for the disks that serve this tier.
            var domains: [String: Double] = [:]
            var osds = 0
            for host in storageHosts {
                for disk in host.disks where (disk.tier ?? defaultTier(for: disk, in: ceph)) == tier.name {
                    osds += disk.count
                    let size = Double(disk.sizeGB) / 1000
                    switch ceph.failureDomain {
                    case .host: domains[host.name, default: 0] += size * Double(disk.count)
                    case .rack: domains[host.rack ?? host.name, default: 0] += size * Double(disk.count)
                    case .osd:
                        for index in 0..<disk.count { domains["\(host.name)/\(disk.device ?? "disk")/\(index)", default: 0] += size }
                    }
                }
            }
            return (osds, domains)
        }
    }

    /// The same arithmetic over OSDs placed some other way: `domains` gives, for a tier, its OSD count and the raw
    /// TB in each failure domain (the lab's OSD files in their host buckets).
    public static func make(ceph: Storage.Ceph, planned: [String: Double],
                            domains: (Storage.Ceph.Tier) -> (osds: Int, tb: [String: Double])) -> CephCapacity {
        let tiers = ceph.tiers.map { tier -> Tier in
            let (osds, domains) = domains(tier)
            let raw = domains.values.reduce(0, +)
            let efficiency: Double
            let width: Int
            let protection: String
            if let erasure = tier.erasure {
                efficiency = Double(erasure.k) / Double(erasure.k + erasure.m)
                width = erasure.k + erasure.m
                protection = "EC \(erasure.k)+\(erasure.m)"
            } else {
                let size = tier.replication ?? 3
                efficiency = 1 / Double(size)
                width = size
                protection = "\(size)× replication"
            }
            let largest = domains.values.max() ?? 0
            return Tier(name: tier.name, deviceClass: tier.deviceClass, protection: protection, osds: osds,
                        failureDomains: domains.count, width: width, rawTB: raw, usableTB: raw * efficiency,
                        nearfullTB: raw * efficiency * ceph.nearfullRatio,
                        afterLossTB: (raw - largest) * efficiency * ceph.nearfullRatio,
                        plannedTB: planned[tier.name])
        }
        return CephCapacity(failureDomain: ceph.failureDomain, nearfullRatio: ceph.nearfullRatio, tiers: tiers)
    }

    /// BlueStore's `osd_memory_target` default: what each OSD holds in memory.
    public static let osdMemoryGiB = 4

    /// The OSDs a storage host runs: its disks that serve a tier.
    public static func osds(on host: Host, in ceph: Storage.Ceph?) -> Int {
        guard let ceph, host.roles.contains(.storage) else { return 0 }
        let tiers = Set(ceph.tiers.map(\.name))
        return host.disks.filter { tiers.contains($0.tier ?? defaultTier(for: $0, in: ceph) ?? "") }.reduce(0) { $0 + $1.count }
    }

    /// A disk without a tier goes to the first tier of its device class.
    static func defaultTier(for disk: Host.Disk, in ceph: Storage.Ceph) -> String? {
        ceph.tiers.first { $0.deviceClass == disk.kind.rawValue }?.name
    }
}
