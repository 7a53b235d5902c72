/// Every host, through kolla's node exporter: down, disks filling, memory, and the clock Galera, RabbitMQ,
/// Ceph's monitors and Keystone's tokens depend on.
enum NodeAlerts {
    /// File systems that are not disks: the containers' overlays, memory and namespaces.
    static let pseudoFileSystems = "tmpfs|overlay|squashfs|nsfs|ramfs|fuse.*"
    /// Ceph's mon_clock_drift_allowed: the monitors warn beyond it.
    static let clockSkewSeconds = "0.05"

    static func group(_ cloud: MonitoredCloud) -> AlertGroup? {
        let host = ["job": "node", "instance": "10.0.0.21:9100"]
        let disk = host.merging(["device": "/dev/sda2", "fstype": "xfs", "mountpoint": "/"]) { $1 }
        let memoryDisk = host.merging(["device": "tmpfs", "fstype": "tmpfs", "mountpoint": "/run"]) { $1 }
        let docker = host.merging(["device": "/dev/sdb1", "fstype": "xfs", "mountpoint": "/var/lib/docker"]) { $1 }
        func filesystem(_ labels: [String: String], available: String, size: String = "100x35") -> [AlertTest.Series] {
            [AlertTest.Series("node_filesystem_avail_bytes", labels, available), AlertTest.Series("node_filesystem_size_bytes", labels, size),
             AlertTest.Series("node_filesystem_readonly", labels, "0x35")]
        }
        let imageLabels = host.merging(["device": "/dev/sr0", "fstype": "iso9660", "mountpoint": "/mnt/image"]) { $1 }
        let image = [AlertTest.Series("node_filesystem_avail_bytes", imageLabels, "0x35"), AlertTest.Series("node_filesystem_size_bytes", imageLabels, "100x35"),
                     AlertTest.Series("node_filesystem_readonly", imageLabels, "1x35")]
        let free = "(node_filesystem_avail_bytes{fstype!~\"\(pseudoFileSystems)\"} / node_filesystem_size_bytes)"
        let writable = "on (instance, device, mountpoint) node_filesystem_readonly == 0"
        return AlertGroup(name: "bojagi-node", rules: [
            AlertRule(
                name: "NodeDown", component: "node", expression: "up{job=\"node\"} == 0", duration: "2m", severity: .critical,
                summary: "Host {{ $labels.instance }} is down",
                description: "Prometheus cannot scrape the node exporter on {{ $labels.instance }}: the host is down or cut off. "
                    + "Its instances, OSDs or control-plane members are gone with it; the alerts of those components say what it costs.",
                tests: [.fires("a host stops answering", [AlertTest.Series("up", host, "1x4 0x30")], at: "10m", with: [host]),
                        .quiet("the host answers", [AlertTest.Series("up", host, "1x35")], at: "10m")]),
            AlertRule(
                name: "NodeFilesystemAlmostFull", component: "node",
                expression: "\(free) < 0.10 and \(free) >= 0.05 and \(writable)", duration: "15m", severity: .warning,
                summary: "{{ $labels.mountpoint }} on {{ $labels.instance }} has less than 10% free",
                description: "{{ $labels.device }} ({{ $labels.mountpoint }}) on {{ $labels.instance }} is over 90% full. On a "
                    + "controller, MariaDB, RabbitMQ and Prometheus stop when their volume fills; free space or grow it.",
                tests: [.fires("a disk is 92% full", filesystem(disk, available: "50x4 8x30"), at: "30m", with: [disk]),
                        .quiet("disks are 50% and 88% full and only tmpfs is 92% full",
                               filesystem(disk, available: "50x35") + filesystem(docker, available: "12x35") + filesystem(memoryDisk, available: "8x35"),
                               at: "30m")]),
            AlertRule(
                name: "NodeFilesystemFull", component: "node",
                expression: "\(free) < 0.05 and \(writable)", duration: "5m", severity: .critical,
                summary: "{{ $labels.mountpoint }} on {{ $labels.instance }} has less than 5% free",
                description: "{{ $labels.device }} ({{ $labels.mountpoint }}) on {{ $labels.instance }} is over 95% full: what "
                    + "writes there (MariaDB, RabbitMQ, Prometheus, logs, instance disks) is about to fail.",
                tests: [.fires("a disk is 98% full", filesystem(disk, available: "50x4 2x30"), at: "10m", with: [disk]),
                        .quiet("disks are 92% and 94.5% full, tmpfs and a read-only image are full",
                               filesystem(disk, available: "8x35") + filesystem(docker, available: "55x35", size: "1000x35")
                                   + filesystem(memoryDisk, available: "1x35") + image, at: "10m")]),
            AlertRule(
                name: "NodeMemoryLow", component: "node",
                expression: "node_memory_MemAvailable_bytes / node_memory_MemTotal_bytes < 0.05", duration: "10m", severity: .warning,
                summary: "Host {{ $labels.instance }} has less than 5% memory available",
                description: "The kernel will soon kill a process on {{ $labels.instance }} (often a container of the control "
                    + "plane, an OSD or an instance). Compare with the plan's control-plane memory and reservations.",
                tests: [.fires("memory runs out", [AlertTest.Series("node_memory_MemAvailable_bytes", host, "50x4 3x30"),
                                                   AlertTest.Series("node_memory_MemTotal_bytes", host, "100x35")], at: "20m", with: [host]),
                        .quiet("6% of the memory is free", [AlertTest.Series("node_memory_MemAvailable_bytes", host, "6x35"),
                                                          AlertTest.Series("node_memory_MemTotal_bytes", host, "100x35")], at: "20m")]),
            AlertRule(
                name: "NodeClockSkew", component: "node",
                expression: "abs(node_timex_offset_seconds{job=\"node\"}) > \(clockSkewSeconds)", duration: "5m", severity: .warning,
                summary: "The clock of {{ $labels.instance }} is off by more than \(clockSkewSeconds) s",
                description: "{{ $labels.instance }}'s clock is more than \(clockSkewSeconds) s from its time source: Ceph's monitors "
                    + "warn (clock skew), and Galera, RabbitMQ and Keystone's token expiry misbehave. Check chrony.",
                tests: [.fires("clocks drift either way", [AlertTest.Series("node_timex_offset_seconds", host, "0.2x35"),
                                                           AlertTest.Series("node_timex_offset_seconds", ["job": "node", "instance": "10.0.0.22:9100"], "-0.2x35")],
                               at: "10m", with: [host, ["job": "node", "instance": "10.0.0.22:9100"]]),
                        .quiet("the clock is 40 ms off", [AlertTest.Series("node_timex_offset_seconds", host, "-0.04x35")], at: "10m")]),
            AlertRule(
                name: "NodeClockNotSynchronised", component: "node",
                expression: "min_over_time(node_timex_sync_status{job=\"node\"}[5m]) == 0", duration: "10m", severity: .warning,
                summary: "The clock of {{ $labels.instance }} is not synchronised",
                description: "The kernel reports {{ $labels.instance }}'s clock unsynchronised: chrony (or NTP) is stopped or "
                    + "reaches no server, and the clock will drift.",
                tests: [.fires("synchronisation stops", [AlertTest.Series("node_timex_sync_status", host, "1x4 0x30")], at: "25m", with: [host]),
                        .quiet("the clock is synchronised", [AlertTest.Series("node_timex_sync_status", host, "1x35")], at: "25m")]),
        ])
    }
}
