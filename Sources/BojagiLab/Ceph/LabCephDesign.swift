import BojagiCore

/// The blueprint's Ceph design as the single-node lab runs it: the tiers (one OSD group per device class), the
/// pools and Cinder backends of `CephLayout` (the same kolla-ansible gets), and the files `bojagi render` writes
/// for the blueprint — ceph/pools.sh (rules, pools, client caps) and ceph/keys.yml (the client keys). Only the
/// daemons' start differs from cephadm, which needs containers: the lab starts a monitor, a manager and OSDs on
/// files itself (scripts/ceph/lab-cluster.sh).
public struct LabCephDesign: Sendable {
    /// OSDs of one device class: as many as the widest tier on that class needs, and at least three.
    public struct OSDGroup: Sendable, Hashable, Codable {
        public let deviceClass: String
        public let count: Int
    }

    public let ceph: Storage.Ceph
    public let layout: CephLayout
    /// Every file `bojagi render` writes for the blueprint (written to `<home>/deployment`).
    public let deployment: [RenderedFile]
    public let keys: CephKeys

    public static let minimumOSDsPerClass = 3

    public enum Failure: Error, CustomStringConvertible {
        case noPoolsScript
        case rackFailureDomain

        public var description: String {
            switch self {
            case .noPoolsScript: "the rendered deployment has no ceph/pools.sh and ceph/keys.yml"
            case .rackFailureDomain: "the lab's OSDs sit in host buckets under one root; CRUSH rules over racks would never place a PG"
            }
        }
    }

    /// nil when the blueprint has no Ceph tiers.
    public init?(blueprint: Blueprint, plan: Plan, deployment: [RenderedFile]) throws {
        guard let ceph = blueprint.storage.ceph, !ceph.tiers.isEmpty,
              let layout = CephLayout.make(ceph, services: (plan.services + plan.infrastructure).map(\.name)) else { return nil }
        guard ceph.failureDomain != .rack else { throw Failure.rackFailureDomain }
        guard deployment.contains(where: { $0.path == Self.poolsScript }),
              let keysFile = deployment.first(where: { $0.path == CephRenderer.keysPath }) else { throw Failure.noPoolsScript }
        self.ceph = ceph
        self.layout = layout
        self.deployment = deployment
        keys = try CephKeys(yaml: keysFile.contents, file: CephRenderer.keysPath)
    }

    /// Where the lab writes what `bojagi render` writes, and the part of it the lab runs.
    public static let deploymentDirectory = "deployment"
    public static let poolsScript = "ceph/pools.sh"

    /// A tier's width: the OSDs (in distinct failure domains) one placement group needs.
    static func width(_ tier: Storage.Ceph.Tier) -> Int {
        if let erasure = tier.erasure { return erasure.k + erasure.m }
        return tier.replication ?? 3
    }

    /// One group per device class, in tier order.
    public var osdGroups: [OSDGroup] {
        var groups: [OSDGroup] = []
        for tier in ceph.tiers {
            let need = max(Self.minimumOSDsPerClass, Self.width(tier))
            if let index = groups.firstIndex(where: { $0.deviceClass == tier.deviceClass }) {
                groups[index] = OSDGroup(deviceClass: tier.deviceClass, count: max(groups[index].count, need))
            } else {
                groups.append(OSDGroup(deviceClass: tier.deviceClass, count: need))
            }
        }
        return groups
    }

    /// Host buckets: the k-th OSD of a class goes into bucket k mod this, so a rule over hosts finds as many
    /// hosts as its widest tier needs.
    /// Which tier each pool is on, by name (for the plan's capacity beside `ceph df`).
    public var poolTiers: [String: String] { Dictionary(layout.pools.map { ($0.name, $0.tier.name) }) { first, _ in first } }

    public var hostBuckets: Int { ceph.tiers.map(Self.width).max() ?? Self.minimumOSDsPerClass }

    /// Cinder's backends with their pools and the device class each pool's tier is on.
    var backends: [LabState.Ceph.Backend] {
        layout.volumeBackends.map { backend in
            let tier = layout.pools.first { $0.name == backend.pool }?.tier
            return LabState.Ceph.Backend(name: backend.name, pool: backend.pool, deviceClass: tier?.deviceClass ?? "")
        }
    }

    /// What the lab's configuration renderer needs.
    public func settings(ports: LabPorts) -> LabCephSettings {
        settings(monitors: ["127.0.0.1"], port: ports.cephMonitor, portV1: ports.cephMonitorV1)
    }

    /// The same for monitors on several addresses (the HA lab's, one per controller, on Ceph's own ports).
    public func settings(monitors: [String], port: Int = 3300, portV1: Int = 6789) -> LabCephSettings {
        var keyring: [String: String] = [:]
        for (name, value) in keys.values where name.hasPrefix("client.") { keyring[name] = value }
        let backends = layout.volumeBackends.map { backend in
            LabCephSettings.Backend(name: backend.name, volumeType: backend.volumeType, pool: backend.pool)
        }
        var settings = LabCephSettings(monitor: monitors.first ?? "127.0.0.1", monitorPort: port, monitorPortV1: portV1,
                                       backends: backends, imagesPool: layout.pool(for: "glance")?.name,
                                       backupsPool: layout.pool(for: "cinder-backup")?.name, keys: keyring)
        settings.monitors = monitors
        return settings
    }
}

/// The lab's Ceph as its configuration files see it: where the monitor listens, the Cinder backends (one per
/// volume pool, each a volume type), Glance's pool, the backup pool, and the client keys.
public struct LabCephSettings: Sendable, Hashable {
    public struct Backend: Sendable, Hashable {
        /// kolla's name: rbd-1, rbd-<tier>.
        public let name: String
        public let volumeType: String
        public let pool: String
    }

    public var monitor: String
    /// Every monitor's address, `monitor` first: clients try them in turn (mon_host).
    public var monitors: [String]
    public var monitorPort: Int
    public var monitorPortV1: Int
    public var backends: [Backend]
    public var imagesPool: String?
    public var backupsPool: String?
    /// client.<name> → cephx key, from ceph/keys.yml.
    public var keys: [String: String]

    public init(monitor: String, monitorPort: Int, monitorPortV1: Int, backends: [Backend], imagesPool: String?,
                backupsPool: String?, keys: [String: String]) {
        self.monitor = monitor
        self.monitors = [monitor]
        self.monitorPort = monitorPort
        self.monitorPortV1 = monitorPortV1
        self.backends = backends
        self.imagesPool = imagesPool
        self.backupsPool = backupsPool
        self.keys = keys
    }

    public var monHost: String {
        monitors.map { "[v2:\($0):\(monitorPort),v1:\($0):\(monitorPortV1)]" }.joined(separator: ",")
    }
    public var defaultVolumeType: String? { backends.first?.volumeType }
}
