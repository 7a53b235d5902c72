/// The monitoring side of `bojagi render`: what kolla-ansible's Prometheus and Grafana read from config/.
/// With monitoring.prometheus, alert rules for exactly the package (config/prometheus/bojagi.rules) and their
/// promtool unit tests; with monitoring.grafana too, the one-screen overview dashboard.
public enum MonitoringRenderer {
    /// One file, so a component that leaves the package takes its rules with it (the writer never deletes).
    public static let rulesPath = "config/prometheus/bojagi.rules"
    /// Beside the rules but outside kolla's `*.rules` glob: the rules depend on the plan, so do their tests.
    public static let testsDirectory = "config/prometheus/tests"
    /// kolla copies config/grafana/dashboards/ to /var/lib/grafana/dashboards, which its provisioning reads.
    public static let dashboardPath = "config/grafana/dashboards/bojagi-openstack-overview.json"

    public static func groups(_ context: RenderContext) -> [AlertGroup] {
        let cloud = MonitoredCloud(context)
        return [OpenStackAlerts.group, LoadBalancerAlerts.group, GaleraAlerts.group, RabbitMQAlerts.group, CacheAlerts.group,
                NodeAlerts.group, CephAlerts.group, CapacityAlerts.group, CertificateAlerts.group, BackupAlerts.group]
            .compactMap { $0(cloud) }
    }

    public static func render(_ context: RenderContext) -> [RenderedFile] {
        let monitoring = context.blueprint.monitoring
        guard monitoring.prometheus else { return [] }
        let groups = groups(context)
        let rulesFile = String(rulesPath.split(separator: "/").last!)
        var files = [RenderedFile(path: rulesPath, contents: PrometheusRulesFile.rules(groups, context: context))]
        files += PrometheusRulesFile.tests(groups, rulesFile: rulesFile, context: context).map {
            RenderedFile(path: "\(testsDirectory)/\($0.file)", contents: $0.text)
        }
        // kolla provisions Grafana's Prometheus data source only with Prometheus on.
        if monitoring.grafana {
            files.append(RenderedFile(path: dashboardPath, contents: OverviewDashboard.render(MonitoredCloud(context))))
        }
        return files.sorted { $0.path < $1.path }
    }
}
