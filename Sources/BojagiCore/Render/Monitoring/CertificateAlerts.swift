/// The certificates on kolla's TLS endpoints, read by its blackbox probes (`probe_ssl_earliest_cert_expiry`).
enum CertificateAlerts {
    static let warningDays = 21
    static let criticalDays = 7

    static func group(_ cloud: MonitoredCloud) -> AlertGroup? {
        // kolla terminates TLS in HAProxy.
        guard cloud.tls, cloud.has("haproxy"), !cloud.apis.isEmpty else { return nil }
        let probe = ["job": "blackbox_exporter", "service": "keystone", "module": "os_endpoint", "instance": "https://keystone.example:5000"]
        func expiry(days: Int) -> AlertTest.Series {
            AlertTest.Series("probe_ssl_earliest_cert_expiry", probe, "\(days * 86_400)x180")
        }
        let remaining = "probe_ssl_earliest_cert_expiry{job=\"blackbox_exporter\"} - time()"
        return AlertGroup(name: "bojagi-certificates", rules: [
            AlertRule(
                name: "TLSCertificateExpiring", component: "haproxy",
                expression: "\(remaining) < \(warningDays) * 86400 and \(remaining) >= \(criticalDays) * 86400",
                duration: "1h", severity: .warning,
                summary: "The certificate of {{ $labels.instance }} expires in less than \(warningDays) days",
                description: "The certificate {{ $labels.instance }} ({{ $labels.service }}) presents expires within \(warningDays) days. "
                    + "Renew it, name it in bojagi.yaml's tls section, render and run kolla-ansible reconfigure for the load balancers.",
                tests: [.fires("a certificate has 10 days left", [expiry(days: 10)], at: "65m", with: [probe]),
                        .quiet("certificates have 3, 25 or 60 days left (the first is the critical alert's)",
                               [expiry(days: 60), AlertTest.Series("probe_ssl_earliest_cert_expiry", probe.merging(["service": "nova"]) { $1 }, "\(3 * 86_400)x180"),
                                AlertTest.Series("probe_ssl_earliest_cert_expiry", probe.merging(["service": "glance"]) { $1 }, "\(25 * 86_400)x180")],
                               at: "65m")]),
            AlertRule(
                name: "TLSCertificateExpiryImminent", component: "haproxy",
                expression: "\(remaining) < \(criticalDays) * 86400", duration: "10m", severity: .critical,
                summary: "The certificate of {{ $labels.instance }} expires in less than \(criticalDays) days",
                description: "The certificate {{ $labels.instance }} ({{ $labels.service }}) presents expires within \(criticalDays) days; "
                    + "then every client refuses the endpoint. Renew it now.",
                tests: [.fires("a certificate has 3 days left", [expiry(days: 3)], at: "65m", with: [probe]),
                        .quiet("a certificate has 10 days left", [expiry(days: 10)], at: "65m")]),
        ])
    }
}
