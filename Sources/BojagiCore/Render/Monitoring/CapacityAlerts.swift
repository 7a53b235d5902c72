/// Nova's capacity against Bojagi's capacity plan: what Placement says instances use, beside what the
/// compute hosts offer after reservations and overcommit, with all of them and with the largest one down.
enum CapacityAlerts {
    /// The share of the plan's capacity at which new instances soon stop fitting.
    static let nearlyFull = 0.9

    static func group(_ cloud: MonitoredCloud) -> AlertGroup? {
        guard cloud.has("nova"), cloud.has("placement"), let compute = cloud.compute, compute.vcpus > 0, compute.memoryGiB > 0 else { return nil }
        var rules = [
            nearlyFull("VCPU", name: "NovaVCPUNearlyFull", capacity: compute.vcpus, unit: "vCPUs", hosts: compute.hosts),
            nearlyFull("MEMORY_MB", name: "NovaMemoryNearlyFull", capacity: compute.memoryGiB * 1024, unit: "MiB", hosts: compute.hosts),
        ]
        // With one compute host the N+1 capacity is zero: CAP rules say so at plan time, an alert would never clear.
        if compute.hosts - compute.unsizedHosts.count > 1, compute.vcpusN1 > 0, compute.memoryGiBN1 > 0 {
            rules += [
                n1("VCPU", name: "NovaVCPUN1Risk", capacity: compute.vcpusN1, unit: "vCPUs", planned: compute.plannedVCPUs),
                n1("MEMORY_MB", name: "NovaMemoryN1Risk", capacity: compute.memoryGiBN1 * 1024, unit: "MiB",
                   planned: compute.plannedMemoryGiB.map { $0 * 1024 }),
            ]
        }
        return AlertGroup(name: "bojagi-capacity", rules: rules)
    }

    static func used(_ resource: String) -> String {
        "sum(openstack_placement_resource_usage{resourcetype=\"\(resource)\"})"
    }

    /// Two hosts' usage summing to just above and just below `threshold`.
    static func tests(_ resource: String, threshold: Int) -> [AlertTest] {
        func usage(_ total: Int) -> [AlertTest.Series] {
            [("cmp01", total / 2), ("cmp02", total - total / 2)].map { host, value in
                AlertTest.Series("openstack_placement_resource_usage", ["job": "openstack_exporter", "hostname": host, "resourcetype": resource], "\(value)x90")
            }
        }
        return [.fires("instances use one more than \(threshold)", usage(threshold + 1), at: "40m", with: [[:]]),
                .quiet("instances use exactly \(threshold)", usage(threshold), at: "40m")]
    }

    static func nearlyFull(_ resource: String, name: String, capacity: Int, unit: String, hosts: Int) -> AlertRule {
        let threshold = Int((Double(capacity) * nearlyFull).rounded(.down))
        return AlertRule(
            name: name, component: "nova", expression: "\(used(resource)) > \(threshold)", duration: "30m", severity: .warning,
            summary: "Instances use over 90% of the \(capacity) \(unit) Nova offers",
            description: "Placement counts more than \(threshold) \(unit) allocated, 90% of what the plan's \(hosts) compute hosts offer "
                + "after reservations and overcommit (\(capacity) \(unit)). New instances will soon fail to schedule; add compute hosts.",
            tests: tests(resource, threshold: threshold))
    }

    static func n1(_ resource: String, name: String, capacity: Int, unit: String, planned: Int?) -> AlertRule {
        AlertRule(
            name: name, component: "nova", expression: "\(used(resource)) > \(capacity)", duration: "30m", severity: .info,
            summary: "Nova could not restart every instance if its largest compute host failed",
            description: "Placement counts more than \(capacity) \(unit) allocated: what the compute hosts offer with the largest one "
                + "down (the plan's N+1 capacity\(planned.map { "; the plan expected \($0) \(unit)" } ?? "")). Losing that host "
                + "would leave instances that fit nowhere; add a compute host or stop planning for N+1.",
            tests: tests(resource, threshold: capacity))
    }
}
