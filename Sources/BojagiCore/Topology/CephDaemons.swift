/// Ceph's own daemons on each host, where the rendered cephadm spec (`CephClusterSpec`) puts them, and the
/// memory each takes. Render's `CephCluster` reads the monitors from here, so the plan and the spec agree.
public struct CephDaemons: Sendable, Hashable, Codable {
    public struct Host: Sendable, Hashable, Codable {
        public let name: String
        public let mon: Bool
        public let mgr: Bool
        public let osds: Int
        public let rgw: Bool
        public let mds: Bool

        /// The daemons as cephadm names them: `mon`, `mgr`, `osd ×12`, `rgw`, `mds`.
        public var names: [String] {
            (mon ? ["mon"] : []) + (mgr ? ["mgr"] : []) + (osds > 0 ? ["osd ×\(osds)"] : [])
                + (rgw ? ["rgw"] : []) + (mds ? ["mds"] : [])
        }

        public var memoryMiB: Int {
            (mon ? CephDaemons.monMiB : 0) + (mgr ? CephDaemons.mgrMiB : 0) + osds * CephDaemons.osdMiB
                + (rgw ? CephDaemons.rgwMiB : 0) + (mds ? CephDaemons.mdsMiB : 0)
        }
    }

    /// Hosts with at least one daemon, in blueprint order.
    public let hosts: [Host]

    public func host(_ name: String) -> Host? { hosts.first { $0.name == name } }

    // Memory per daemon. Ceph's hardware recommendations (docs.ceph.com/en/latest/start/hardware-recommendations,
    // "Minimum Hardware Recommendations"): ceph-mon "2-4GB+ per daemon", so the upper figure; ceph-mgr shares the
    // monitors' section ("Monitors and managers"), the same; ceph-mds "2GB+ per daemon".
    static let monMiB = 4096
    static let mgrMiB = 4096
    static let mdsMiB = 2048
    /// BlueStore's `osd_memory_target` default, 4 GiB (same page, "Memory": "4GB is the current default").
    static let osdMiB = CephCapacity.osdMemoryGiB * 1024
    /// Ceph's page gives no figure for RGW; Canonical's Ceph hardware recommendations (MicroCeph "Memory
    /// requirements") give RadosGW 4 GB.
    static let rgwMiB = 4096

    /// cephadm places mon and mgr (and MDS) on the monitor hosts' labels, OSDs and RGW on the storage hosts.
    public static func make(blueprint: Blueprint, members: [String]) -> CephDaemons {
        guard let ceph = blueprint.storage.ceph, let layout = CephLayout.make(ceph, services: members) else {
            return CephDaemons(hosts: [])
        }
        let monitors = Set(Self.monitors(blueprint.hosts).map(\.name))
        let rgw = ceph.rgw || members.contains("ceph-rgw")
        let cephFS = layout.pool(for: "manila") != nil && layout.pool(for: "manila-metadata") != nil
        let hosts = blueprint.hosts.compactMap { host -> Host? in
            let monitor = monitors.contains(host.name)
            let storage = host.roles.contains(.storage)
            guard monitor || storage else { return nil }
            return Host(name: host.name, mon: monitor, mgr: monitor, osds: CephCapacity.osds(on: host, in: ceph),
                        rgw: storage && rgw, mds: monitor && cephFS)
        }
        return CephDaemons(hosts: hosts)
    }

    /// Monitors go on the control hosts; with fewer than three, storage hosts make up three where they can.
    /// At most five, and an odd number, so a majority always exists.
    public static func monitors(_ hosts: [BojagiCore.Host]) -> [BojagiCore.Host] {
        var chosen = hosts.filter { $0.roles.contains(.control) }
        if chosen.count < 3 {
            for host in hosts where host.roles.contains(.storage) && !chosen.contains(where: { $0.name == host.name }) {
                guard chosen.count < 3 else { break }
                chosen.append(host)
            }
        }
        chosen = Array(chosen.prefix(maximumMonitors))
        if !chosen.isEmpty, chosen.count.isMultiple(of: 2) { chosen.removeLast() }
        return chosen
    }

    public static let maximumMonitors = 5
}
