import Foundation
import BojagiCore

/// Command lines for the lab's Ceph, as values: scripts/ceph/lab-cluster.sh for the daemons, the `ceph` CLI with
/// this cluster's conf and admin key, each bounded in time (a `ceph` call without a monitor would wait 300 s).
public struct LabCephCommands: Sendable, Hashable {
    /// The lab home.
    public let home: String
    /// scripts/ceph.
    public let scripts: String

    public init(home: String, scripts: String) {
        self.home = home
        self.scripts = scripts
    }

    public static let dataDirectory = "ceph"
    /// How big a sparse OSD file may grow.
    public static let osdSize = "4G"
    /// The same in bytes (lab-cluster.sh passes it to `bluestore_block_size`: G is GiB).
    public static let osdBytes = 4 << 30

    public var data: String { home + "/" + Self.dataDirectory }
    /// The cluster's own conf (daemons, admin); the OpenStack clients use etc/ceph/ceph.conf.
    public var conf: String { data + "/ceph.conf" }
    public var clusterScript: String { scripts + "/lab-cluster.sh" }

    public func ceph(_ arguments: [String], seconds: Int = 120) -> [String] {
        ["timeout", "\(seconds)", "ceph", "-c", conf, "--connect-timeout", "10"] + arguments
    }

    /// `lab-cluster.sh up`: creates the cluster on first use, starts every daemon that is not running, creates the
    /// OSDs `groups` asks for beyond those that exist, and waits for HEALTH_OK.
    public func up(groups: [LabCephDesign.OSDGroup], hosts: Int, monitorPort: Int, monitorPortV1: Int, timeout: Int = 300) -> [String] {
        var command = [clusterScript, "up", data, "--hosts", "\(hosts)", "--port-v2", "\(monitorPort)", "--port-v1", "\(monitorPortV1)",
                       "--osd-size", Self.osdSize, "--timeout", "\(timeout)"]
        if !groups.isEmpty { command += ["--osds", groups.map { "\($0.deviceClass):\($0.count)" }.joined(separator: ",")] }
        return command
    }

    /// A daemon's place in the HA lab: a monitor (and the manager beside it) or a CRUSH host bucket, by name, with
    /// the network namespace it runs in and the address it binds.
    public struct Placement: Sendable, Hashable {
        public let name: String
        public let namespace: String
        public let address: String

        public init(name: String, namespace: String, address: String) {
            self.name = name
            self.namespace = namespace
            self.address = address
        }

        var argument: String { "\(name)@\(namespace)@\(address)" }
    }

    /// `lab-cluster.sh up` for a cluster whose monitors and managers run in `monitors`' namespaces (Ceph's own
    /// ports on each address) and whose OSDs run in `hosts`' namespaces, one CRUSH host bucket each. `adding` is a
    /// new host bucket for the OSDs this run creates (`lab add-osd --ha`).
    public func up(groups: [LabCephDesign.OSDGroup], monitors: [Placement], hosts: [Placement], adding: Placement? = nil,
                   timeout: Int = 300) -> [String] {
        var command = [clusterScript, "up", data, "--mons", monitors.map(\.argument).joined(separator: ","),
                       "--osd-hosts", hosts.map(\.argument).joined(separator: ","), "--port-v2", "3300", "--port-v1", "6789",
                       "--osd-size", Self.osdSize, "--timeout", "\(timeout)"]
        if !groups.isEmpty { command += ["--osds", groups.map { "\($0.deviceClass):\($0.count)" }.joined(separator: ",")] }
        if let adding { command += ["--add-host", adding.argument] }
        return command
    }

    /// pools.sh as `bojagi render` wrote it, whole, against this cluster: `ceph` and `rbd` read CEPH_CONF.
    public func pools(script: String) -> (command: [String], environment: [String: String]) {
        (["timeout", "900", "bash", script], ["CEPH_CONF": conf])
    }

    /// The lab's name for a Ceph daemon in state.json: mon.a → ceph-mon.a.
    public static func processName(_ daemon: String) -> String { "ceph-" + daemon }

    /// The daemon's program and arguments, as lab-cluster.sh starts it (for state.json; lab-cluster.sh starts it).
    public func daemonCommand(_ daemon: String) -> [String] {
        let parts = daemon.split(separator: ".", maxSplits: 1).map(String.init)
        guard parts.count == 2 else { return [daemon] }
        return ["ceph-\(parts[0])", "-c", conf, "-f", "-i", parts[1]]
    }

    /// Device classes of the OSDs that exist, by id, from the data directory (each OSD's lab-class file).
    public static func osdClasses(_ files: [(id: Int, deviceClass: String)]) -> [String: Int] {
        var counts: [String: Int] = [:]
        for file in files { counts[file.deviceClass, default: 0] += 1 }
        return counts
    }

    /// The groups for `lab-cluster.sh up --osds` that add one OSD of `deviceClass` to those that exist.
    public static func groups(adding deviceClass: String, to existing: [String: Int], order: [String]) -> [LabCephDesign.OSDGroup] {
        var classes = order.filter { existing[$0] != nil || $0 == deviceClass }
        for other in existing.keys.sorted() where !classes.contains(other) { classes.append(other) }
        if !classes.contains(deviceClass) { classes.append(deviceClass) }
        return classes.map { LabCephDesign.OSDGroup(deviceClass: $0, count: (existing[$0] ?? 0) + ($0 == deviceClass ? 1 : 0)) }
    }
}
