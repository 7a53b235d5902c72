import Foundation
import BojagiCore

/// The plan's Ceph capacity for the lab's layout, beside what Ceph reports. The plan's arithmetic
/// (`CephCapacity`, the same `bojagi plan` uses) runs over the lab's OSDs — their count, size and host bucket per
/// device class — and each tier is set beside `ceph df`: the raw bytes of its class, and the `max_avail` of the
/// pools on it. Ceph gives less than the plan's usable figure for reasons it states itself: the full ratio it
/// holds back, the raw space already used (data and BlueStore's own), and the fullest OSD of the class
/// (`ceph osd df`'s VAR), from which it projects `max_avail`. A tier agrees when its raw bytes match within 1 %
/// and its `max_avail` lies between the plan's usable figure and that figure less those stated overheads.
public struct LabCephCapacity: Sendable, Hashable, Codable {
    public struct Tier: Sendable, Hashable, Codable {
        public let name: String
        public let deviceClass: String
        public let protection: String
        public let osds: Int
        public let planRawBytes: Int
        public let planUsableBytes: Int
        public let cephRawBytes: Int
        public let cephUsedRawBytes: Int
        /// The smallest `max_avail` of the pools on this tier; nil when no pool is on it.
        public let cephMaxAvailBytes: Int?
        public let pools: [String]
        /// The highest utilisation of an OSD of the class over the class's mean (`ceph osd df` VAR).
        public let maxVariance: Double
        /// The least `max_avail` the stated overheads explain.
        public let lowestExplainedBytes: Int
        public let rawAgrees: Bool
        public let usableAgrees: Bool

        public var agrees: Bool { rawAgrees && usableAgrees }
    }

    public let fullRatio: Double
    public let tiers: [Tier]

    public var agrees: Bool { tiers.allSatisfy(\.agrees) }

    /// One OSD as the lab laid it out: its id, device class and CRUSH host bucket.
    public struct OSD: Sendable, Hashable {
        public let id: Int
        public let deviceClass: String
        public let host: String
    }

    /// `df` is `ceph df --format json`, `osdDF` is `ceph osd df --format json`, `fullRatio` from `ceph osd dump`.
    public static func compare(design: Storage.Ceph, poolTiers: [String: String], osds: [OSD], osdBytes: Int,
                               df: [String: Any], osdDF: [String: Any], fullRatio: Double) -> LabCephCapacity {
        let plan = CephCapacity.make(ceph: design, planned: [:]) { tier in
            let mine = osds.filter { $0.deviceClass == tier.deviceClass }
            var domains: [String: Double] = [:]
            for osd in mine {
                let key = design.failureDomain == .osd ? "osd.\(osd.id)" : osd.host
                domains[key, default: 0] += Double(osdBytes) / 1e12
            }
            return (mine.count, domains)
        }
        let byClass = df["stats_by_class"] as? [String: Any] ?? [:]
        var maxAvail: [String: Int] = [:]
        for pool in df["pools"] as? [[String: Any]] ?? [] {
            guard let name = pool["name"] as? String else { continue }
            maxAvail[name] = LabCephStatus.int((pool["stats"] as? [String: Any])?["max_avail"])
        }
        var variance: [String: Double] = [:]
        var utilisation: [String: [Double]] = [:]
        for node in osdDF["nodes"] as? [[String: Any]] ?? [] {
            guard let deviceClass = node["device_class"] as? String else { continue }
            utilisation[deviceClass, default: []].append((node["utilization"] as? NSNumber)?.doubleValue ?? 0)
        }
        for (deviceClass, values) in utilisation {
            let mean = values.reduce(0, +) / Double(max(values.count, 1))
            variance[deviceClass] = mean > 0 ? (values.max() ?? mean) / mean : 1
        }

        let tiers = plan.tiers.map { tier -> Tier in
            let stats = byClass[tier.deviceClass] as? [String: Any] ?? [:]
            let cephRaw = LabCephStatus.int(stats["total_bytes"])
            let used = LabCephStatus.int(stats["total_used_raw_bytes"])
            let pools = poolTiers.filter { $0.value == tier.name }.map(\.key).sorted()
            let avail = pools.compactMap { maxAvail[$0] }.min()
            let planRaw = tier.rawTB * 1e12
            let efficiency = tier.rawTB > 0 ? tier.usableTB / tier.rawTB : 0
            let skew = variance[tier.deviceClass] ?? 1
            // Ceph keeps (1 − full ratio) of each OSD back, counts what is used already, and projects the
            // fullest OSD over the class: what is left of the plan's usable figure after those.
            let lowest = max(0, (planRaw * fullRatio - Double(used)) * efficiency / skew)
            let rawAgrees = planRaw > 0 && abs(Double(cephRaw) - planRaw) <= planRaw * 0.01
            let usableAgrees = avail.map { Double($0) <= tier.usableTB * 1e12 && Double($0) >= lowest * 0.99 } ?? true
            return Tier(name: tier.name, deviceClass: tier.deviceClass, protection: tier.protection, osds: tier.osds,
                        planRawBytes: Int(planRaw), planUsableBytes: Int(tier.usableTB * 1e12), cephRawBytes: cephRaw,
                        cephUsedRawBytes: used, cephMaxAvailBytes: avail, pools: pools, maxVariance: skew,
                        lowestExplainedBytes: Int(lowest), rawAgrees: rawAgrees, usableAgrees: usableAgrees)
        }
        return LabCephCapacity(fullRatio: fullRatio, tiers: tiers)
    }

    public var text: String {
        var lines = ["Capacity, the plan for this layout beside `ceph df` (full ratio " + String(format: "%.2f", fullRatio) + "):"]
        for tier in tiers {
            let b = LabCephStatus.bytes
            lines.append("  \(tier.name) (\(tier.deviceClass), \(tier.osds) OSDs, \(tier.protection)): raw plan \(b(tier.planRawBytes)), "
                         + "ceph \(b(tier.cephRawBytes))\(tier.rawAgrees ? "" : " — DIFFERS")")
            if let avail = tier.cephMaxAvailBytes {
                lines.append("    usable plan \(b(tier.planUsableBytes)); ceph max_avail \(b(avail)) for \(tier.pools.joined(separator: ", ")); "
                             + "the overheads Ceph states (full ratio, \(b(tier.cephUsedRawBytes)) raw used, fullest OSD at "
                             + String(format: "%.2f", tier.maxVariance) + "× the mean) explain down to \(b(tier.lowestExplainedBytes))"
                             + (tier.usableAgrees ? "" : " — OUTSIDE"))
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
