/// globals.yml keys that give kolla's Prometheus what the rules read but kolla leaves off: the Ceph
/// managers' prometheus module (kolla scrapes no Ceph by default: enable_prometheus_ceph_mgr_exporter false,
/// no endpoints).
enum MonitoringGlobals {
    /// The prometheus manager module's port (mgr/prometheus/server_port).
    static let cephExporterPort = 9283

    static func entries(_ context: RenderContext) -> [GlobalsEntry] {
        guard context.blueprint.monitoring.prometheus, let cluster = CephCluster(context), !cluster.monitors.isEmpty else { return [] }
        // Every manager: only the active one exports metrics, the standbys answer empty, so failover needs no change.
        let endpoints = cluster.monitors.map { "- \"\(CephCluster.address($0)):\(cephExporterPort)\"" }
        return [
            GlobalsEntry("enable_prometheus_ceph_mgr_exporter", .flag(true), from: "monitoring.prometheus with storage.ceph (bojagi.rules' Ceph alerts)"),
            GlobalsEntry("prometheus_ceph_mgr_exporter_endpoints", .block(endpoints),
                         from: "storage.ceph (the managers cephadm runs beside the monitors: \(cluster.monitors.map(\.name).joined(separator: ", ")))"),
        ]
    }
}
