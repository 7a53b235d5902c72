/// A large, valid blueprint for benchmarks: 3 controllers, then computes and storage hosts listed one by one
/// (not as ranges, so decoding does the work a real inventory would).
public enum SyntheticBlueprint {
    public static func text(hosts: Int, release: String = "2026.2") -> String {
        let storage = max(3, hosts / 5)
        let compute = max(1, hosts - 3 - storage)
        var lines = [
            "schema: 1", "name: bench-\(hosts)", "release: \(release)", "profile: web-application",
            "deployment: {host_os: rocky-10}", "hosts:",
        ]
        var address = IPv4("10.64.0.11")!
        func host(_ name: String, _ roles: String, _ cores: Int, _ memory: Int, disks: String? = nil) {
            lines.append("  - name: \(name)")
            lines.append("    address: \(address)")
            lines.append("    roles: [\(roles)]")
            lines.append("    cores: \(cores)")
            lines.append("    memory_gib: \(memory)")
            lines.append("    interfaces: {management: eth0, external: eth1}")
            if let disks { lines.append("    disks: [\(disks)]") }
            address = address.advanced(by: 1)!
        }
        for index in 1...3 { host("ctl\(index)", "control, network, monitoring", 32, 256) }
        for index in 1...compute { host("cmp\(index)", "compute", 64, 512) }
        for index in 1...storage {
            host("osd\(index)", "storage", 24, 192, disks: "{size_gb: 3840, type: ssd, count: 2}, {size_gb: 16000, type: hdd, count: 12}")
        }
        lines += [
            "networks:",
            "  management: {cidr: 10.64.0.0/16, interface: eth0}",
            "  vip: {internal: 10.64.0.10, virtual_router_id: 90}",
            "  external: {interface: eth1, vlan_ranges: [\"100:199\"]}",
            "storage:",
            "  ceph:",
            "    rgw: true",
            "    tiers:",
            "      - {name: ssd, device_class: ssd, replication: 3}",
            "      - {name: hdd, device_class: hdd, erasure: {k: 4, m: 2}}",
            "    pools:",
            "      vms: {tier: ssd}",
            "      volumes: {tier: ssd}",
            "      images: {tier: ssd}",
            "      rgw: {tier: hdd}",
            "capacity:",
            "  planned_vcpus: \(compute * 100)",
            "  planned_memory_gib: \(compute * 300)",
        ]
        return lines.joined(separator: "\n") + "\n"
    }
}
