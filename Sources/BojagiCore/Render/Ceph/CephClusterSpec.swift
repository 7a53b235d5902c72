/// ceph/cluster-spec.yaml: cephadm service specifications for `ceph orch apply -i` (doc/cephadm/host-management.rst
/// "Creating many hosts at once", doc/cephadm/services/osd.rst "Advanced OSD Service Specifications").
enum CephClusterSpec {
    static let rgwPort = 8080
    static let rgwServiceID = "default"

    static func render(_ cluster: CephCluster, context: RenderContext) -> String {
        var documents: [[String]] = []
        let monitorNames = Set(cluster.monitors.map(\.name))
        for host in cluster.hosts {
            var labels: [String] = []
            if monitorNames.contains(host.name) { labels += ["_admin", "mon", "mgr"] + (cluster.cephFS == nil ? [] : ["mds"]) }
            if host.roles.contains(.storage) {
                labels.append("osd")
                if cluster.rgw { labels.append("rgw") }
            }
            var lines = ["service_type: host", "hostname: \(scalar(host.name))"]
            if let address = host.address { lines.append("addr: \(scalar(address))") }
            lines.append("labels:")
            lines += labels.map { "- \(scalar($0))" }
            // Only the initial CRUSH location: cephadm ignores later changes (host-management.rst).
            if cluster.ceph.failureDomain == .rack, let rack = host.rack {
                lines += ["location:", "  rack: \(scalar(rack))"]
            }
            documents.append(lines)
        }
        for service in ["mon", "mgr"] {
            documents.append(["service_type: \(service)", "service_name: \(service)", "placement:", "  label: \(service)"])
        }
        for tier in cluster.ceph.tiers {
            documents.append(osd(tier, cluster: cluster))
        }
        if cluster.rgw {
            documents.append(["service_type: rgw", "service_id: \(rgwServiceID)", "placement:", "  label: rgw",
                              "spec:", "  rgw_frontend_port: \(rgwPort)"])
        }
        if let fs = cluster.cephFS {
            // One MDS per monitor host: one active, the others standing by for it.
            documents.append(["service_type: mds", "service_id: \(scalar(fs.name))", "placement:", "  label: mds"])
        }
        let header = context.header("cephadm cluster specification").split(separator: "\n").map(String.init)
            + ["# Apply with `ceph orch apply -i cluster-spec.yaml` (ceph/bootstrap.sh does)."]
        return documents.enumerated().map { index, lines in
            (index == 0 ? header : ["---"]).joined(separator: "\n") + "\n" + lines.joined(separator: "\n") + "\n"
        }.joined()
    }

    /// One OSD service per tier, named after it, its OSDs in the tier's CRUSH device class. Disks are chosen by
    /// device path when the blueprint gives every path, else by the kernel's rotational flag.
    static func osd(_ tier: Storage.Ceph.Tier, cluster: CephCluster) -> [String] {
        let holders = cluster.disks(of: tier)
        var lines = ["service_type: osd", "service_id: \(scalar(tier.name))", "placement:"]
        if !holders.isEmpty, holders.count < cluster.storageHosts.count {
            lines.append("  hosts:")
            lines += holders.map { "  - \(scalar($0.host.name))" }
        } else {
            lines.append("  label: osd")
        }
        lines += ["spec:", "  crush_device_class: \(scalar(tier.deviceClass))", "  data_devices:"]
        let disks = holders.flatMap(\.disks)
        let paths = disks.compactMap(\.device)
        if !disks.isEmpty, paths.count == disks.count {
            // Every matched host is expected to present the same paths (osd.rst).
            lines.append("    paths:")
            lines += Array(Set(paths)).sorted().map { "    - \(scalar($0))" }
        } else {
            lines.append("    rotational: \(tier.deviceClass == "hdd" ? 1 : 0)")
        }
        return lines
    }

    /// A YAML plain scalar when it reads back as the same string, else single-quoted.
    static func scalar(_ text: String) -> String {
        let plain = !text.isEmpty && text.allSatisfy { $0.isLetter || $0.isNumber || "._/-".contains($0) }
            && Int(text) == nil && Double(text) == nil && !text.hasPrefix("-")
            && !["true", "false", "yes", "no", "on", "off", "null", "y", "n"].contains(text.lowercased())
        return plain ? text : "'" + text.replacingOccurrences(of: "'", with: "''") + "'"
    }
}
