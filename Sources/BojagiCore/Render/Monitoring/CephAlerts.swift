import Foundation

/// Ceph through the manager's prometheus module (which render enables and kolla scrapes): metrics present,
/// health, OSDs, monitors, and per tier of the plan its nearfull level and what it holds after losing one
/// failure domain.
enum CephAlerts {
    static func group(_ cloud: MonitoredCloud) -> AlertGroup? {
        guard let ceph = cloud.ceph else { return nil }
        let mgr = ["job": "ceph_mgr_exporter", "instance": "10.0.0.11:9283"]
        func health(_ values: String) -> AlertTest.Series { AlertTest.Series("ceph_health_status", mgr, values) }
        let osd = mgr.merging(["ceph_daemon": "osd.3"]) { $1 }
        let metadata = osd.merging(["device_class": "hdd", "hostname": "ceph02"]) { $1 }
        var rules = [
            AlertRule(
                name: "CephMetricsAbsent", component: "ceph", expression: "absent(ceph_health_status)", duration: "10m", severity: .warning,
                summary: "Prometheus gets no metrics from Ceph",
                description: "No Ceph manager exports ceph_health_status, so every Ceph alert is blind. Check `ceph mgr module ls` "
                    + "lists prometheus (render's bootstrap.sh enables it) and kolla's enable_prometheus_ceph_mgr_exporter "
                    + "and prometheus_ceph_mgr_exporter_endpoints in globals.yml.",
                tests: [.fires("no manager exports metrics", [AlertTest.Series("up", mgr, "1x35")], at: "10m", with: [[:]]),
                        .quiet("the active manager exports them (in HEALTH_ERR)", [health("2x35")], at: "10m")]),
            AlertRule(
                name: "CephHealthError", component: "ceph", expression: "ceph_health_status == 2", duration: "5m", severity: .critical,
                summary: "Ceph is in HEALTH_ERR",
                description: "Ceph reports an error: some data may be unavailable or at risk. `ceph health detail` names it.",
                tests: [.fires("health turns to error", [health("0x4 2x30")], at: "10m", with: [mgr]),
                        .quiet("health is a warning", [health("1x35")], at: "10m")]),
            AlertRule(
                name: "CephHealthWarning", component: "ceph", expression: "ceph_health_status == 1", duration: "15m", severity: .warning,
                summary: "Ceph is in HEALTH_WARN",
                description: "Ceph has reported a warning for 15 minutes. `ceph health detail` names it; the OSD, monitor and "
                    + "tier alerts below say more when it is one of theirs.",
                tests: [.fires("health stays a warning", [health("0x4 1x40")], at: "30m", with: [mgr]),
                        .quiet("health is OK", [health("0x45")], at: "30m")]),
            AlertRule(
                name: "CephOSDDown", component: "ceph",
                expression: "(ceph_osd_up == 0) * on (ceph_daemon) group_left (hostname, device_class) ceph_osd_metadata",
                duration: "5m", severity: .warning,
                summary: "Ceph OSD {{ $labels.ceph_daemon }} on {{ $labels.hostname }} is down",
                description: "{{ $labels.ceph_daemon }} is down; Ceph re-protects its data on the other OSDs of its tier after "
                    + "mon_osd_down_out_interval ({{ $labels.device_class }} tier). Check the disk and the OSD's container on {{ $labels.hostname }}.",
                tests: [.fires("an OSD stops", [AlertTest.Series("ceph_osd_up", osd, "1x4 0x30"), AlertTest.Series("ceph_osd_metadata", metadata, "1x35")],
                               at: "10m", with: [metadata]),
                        .quiet("every OSD is up", [AlertTest.Series("ceph_osd_up", osd, "1x35"), AlertTest.Series("ceph_osd_metadata", metadata, "1x35")],
                               at: "10m")]),
            AlertRule(
                name: "CephMonitorOutOfQuorum", component: "ceph", expression: "ceph_mon_quorum_status == 0", duration: "5m", severity: .warning,
                summary: "Ceph monitor {{ $labels.ceph_daemon }} is out of quorum",
                description: "{{ $labels.ceph_daemon }} is not in the monitors' quorum; the others keep the cluster running while "
                    + "they are a majority. Check its host, its clock and the network between the monitors.",
                tests: [.fires("a monitor leaves the quorum", [AlertTest.Series("ceph_mon_quorum_status", mgr.merging(["ceph_daemon": "mon.ctl02"]) { $1 }, "1x4 0x30")],
                               at: "10m", with: [mgr.merging(["ceph_daemon": "mon.ctl02"]) { $1 }]),
                        .quiet("every monitor is in quorum", [AlertTest.Series("ceph_mon_quorum_status", mgr.merging(["ceph_daemon": "mon.ctl02"]) { $1 }, "1x35")],
                               at: "10m")]),
        ]
        for tier in ceph.tiers where tier.osds > 0 {
            rules.append(nearfull(tier, ratio: ceph.nearfullRatio, failureDomain: ceph.failureDomain.rawValue))
            if let loss = afterLossRatio(tier) {
                rules.append(afterLoss(tier, ratio: loss, failureDomain: ceph.failureDomain.rawValue))
            }
        }
        return AlertGroup(name: "bojagi-ceph", rules: rules)
    }

    /// The share of a tier's raw space in use, from the OSDs of its device class.
    static func usedRatio(_ deviceClass: String) -> String {
        let join = "on (ceph_daemon) group_left (device_class) ceph_osd_metadata{device_class=\"\(deviceClass)\"}"
        return "sum(ceph_osd_stat_bytes_used * \(join)) / sum(ceph_osd_stat_bytes * \(join))"
    }

    /// The used share at which the tier still re-protects its data after losing its largest failure domain
    /// (the plan's `afterLossTB` over its usable space), floored at four decimals; nil when it cannot at all.
    static func afterLossRatio(_ tier: CephCapacity.Tier) -> Double? {
        guard tier.failureDomains > tier.width, tier.usableTB > 0, tier.afterLossTB > 0 else { return nil }
        return floor(tier.afterLossTB / tier.usableTB * 10_000) / 10_000
    }

    static func tb(_ value: Double) -> String { String(format: "%.1f TB", value) }

    static func nearfull(_ tier: CephCapacity.Tier, ratio: Double, failureDomain: String) -> AlertRule {
        AlertRule(
            name: "CephTierNearfull", component: "ceph",
            expression: "\(usedRatio(tier.deviceClass)) > \(number(ratio))", duration: "15m", severity: .warning,
            summary: "Ceph tier \(tier.name) (\(tier.deviceClass)) is above its nearfull ratio \(number(ratio))",
            description: "The \(tier.name) tier uses more than \(number(ratio)) of its raw space: more than the \(tb(tier.nearfullTB)) the "
                + "plan gives it (\(tb(tier.usableTB)) usable, \(tier.protection), \(tier.osds) OSDs). At the full ratio Ceph stops "
                + "writes; add OSDs to the tier or move data off it.",
            labels: ["tier": tier.name, "device_class": tier.deviceClass],
            tests: tierTests(tier.deviceClass, threshold: ratio))
    }

    static func afterLoss(_ tier: CephCapacity.Tier, ratio: Double, failureDomain: String) -> AlertRule {
        AlertRule(
            name: "CephTierN1Risk", component: "ceph",
            expression: "\(usedRatio(tier.deviceClass)) > \(number(ratio))", duration: "30m", severity: .info,
            summary: "Ceph tier \(tier.name) (\(tier.deviceClass)) could not re-protect its data after losing a \(failureDomain)",
            description: "The \(tier.name) tier uses more than \(number(ratio)) of its raw space: above the \(tb(tier.afterLossTB)) the plan "
                + "says it holds when its largest \(failureDomain) of \(tier.failureDomains) fails and Ceph copies the data again "
                + "within the nearfull ratio. Add a \(failureDomain) or OSDs to the tier before one fails.",
            labels: ["tier": tier.name, "device_class": tier.deviceClass],
            tests: tierTests(tier.deviceClass, threshold: ratio))
    }

    /// Two OSDs of the tier's class just above and just below the threshold, beside a full OSD of a class no
    /// tier uses (a class another tier uses would fire that tier's rule, which shares the alert's name).
    static func tierTests(_ deviceClass: String, threshold: Double) -> [AlertTest] {
        let other = "unplanned"
        func osds(used: Int, otherUsed: Int) -> [AlertTest.Series] {
            let mgr = ["job": "ceph_mgr_exporter", "instance": "10.0.0.11:9283"]
            return [("osd.0", deviceClass, used), ("osd.1", deviceClass, used), ("osd.9", other, otherUsed)].flatMap { daemon, deviceClass, used in
                let labels = mgr.merging(["ceph_daemon": daemon]) { $1 }
                return [AlertTest.Series("ceph_osd_stat_bytes", labels, "10000x60"),
                        AlertTest.Series("ceph_osd_stat_bytes_used", labels, "\(used)x60"),
                        AlertTest.Series("ceph_osd_metadata", labels.merging(["device_class": deviceClass, "hostname": "ceph01"]) { $1 }, "1x60")]
            }
        }
        let above = min(10_000, Int((threshold * 10_000).rounded(.down)) + 100)
        let below = max(0, Int((threshold * 10_000).rounded(.up)) - 100)
        return [.fires("the tier's OSDs are 1% above \(number(threshold))", osds(used: above, otherUsed: 5000), at: "35m", with: [[:]]),
                .quiet("the tier's OSDs are 1% below \(number(threshold)) and another class is full", osds(used: below, otherUsed: 9900), at: "35m")]
    }

    /// A ratio as PromQL and people read it: `0.85`, `0.7437`.
    static func number(_ value: Double) -> String {
        let text = String(format: "%.4f", value)
        var trimmed = Substring(text)
        while trimmed.hasSuffix("0") { trimmed = trimmed.dropLast() }
        if trimmed.hasSuffix(".") { trimmed = trimmed.dropLast() }
        return String(trimmed)
    }
}
