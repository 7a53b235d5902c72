/// HAProxy in front of every API (HA on): each load balancer's own metrics endpoint (kolla's `listen
/// metrics`, HAProxy's built-in exporter), its backends and their servers.
enum LoadBalancerAlerts {
    static func group(_ cloud: MonitoredCloud) -> AlertGroup? {
        guard cloud.has("haproxy") else { return nil }
        let haproxy = ["job": "haproxy", "instance": "10.0.0.11:9101"]
        func backend(_ state: String, _ values: String) -> AlertTest.Series {
            AlertTest.Series("haproxy_backend_status", haproxy.merging(["proxy": "nova_api_back", "state": state]) { $1 }, values)
        }
        func server(_ name: String, _ state: String, _ values: String) -> AlertTest.Series {
            AlertTest.Series("haproxy_server_status", haproxy.merging(["proxy": "nova_api_back", "server": name, "state": state]) { $1 }, values)
        }
        let up = AlertTest.Series("up", haproxy, "1x4 0x30")
        return AlertGroup(name: "bojagi-haproxy", rules: [
            AlertRule(
                name: "HAProxyDown", component: "haproxy", expression: "up{job=\"haproxy\"} == 0", duration: "2m",
                severity: cloud.loadBalancers > 1 ? .warning : .critical,
                summary: "HAProxy on {{ $labels.instance }} does not answer",
                description: "Prometheus cannot scrape HAProxy's metrics on {{ $labels.instance }}: HAProxy or its host is down. "
                    + (cloud.loadBalancers > 1
                        ? "keepalived moves the VIPs to another of the \(cloud.loadBalancers) load balancers; check that one holds them."
                        : "It is the only load balancer: every API behind the VIP is unreachable."),
                tests: [.fires("HAProxy stops answering", [up], at: "10m", with: [haproxy]),
                        .quiet("HAProxy answers", [AlertTest.Series("up", haproxy, "1x35")], at: "10m")]),
            AlertRule(
                name: "HAProxyBackendDown", component: "haproxy",
                expression: "haproxy_backend_status{state=\"DOWN\"} == 1", duration: "1m", severity: .critical,
                summary: "HAProxy backend {{ $labels.proxy }} has no server up",
                description: "Every server of {{ $labels.proxy }} fails HAProxy's health check on {{ $labels.instance }}: the "
                    + "service behind it is unreachable through the VIP. Check the service's containers on every controller.",
                tests: [.fires("every server of a backend is down", [backend("DOWN", "0x4 1x30"), backend("UP", "1x4 0x30")], at: "10m",
                               with: [backend("DOWN", "").labels]),
                        .quiet("the backend is up", [backend("DOWN", "0x35"), backend("UP", "1x35")], at: "10m")]),
            AlertRule(
                name: "HAProxyServerDown", component: "haproxy",
                expression: "haproxy_server_status{state=\"DOWN\"} == 1", duration: "5m", severity: .warning,
                summary: "HAProxy backend {{ $labels.proxy }} lost server {{ $labels.server }}",
                description: "{{ $labels.server }} fails HAProxy's health check for {{ $labels.proxy }} on {{ $labels.instance }}. "
                    + "The others carry the load; the service on that host is down or unreachable.",
                tests: [.fires("one server fails its check", [server("ctl01", "DOWN", "0x4 1x30"), server("ctl02", "DOWN", "0x35"),
                                                                server("ctl03", "MAINT", "1x35")], at: "10m",
                               with: [server("ctl01", "DOWN", "").labels]),
                        .quiet("servers are up or in maintenance", [server("ctl01", "DOWN", "0x35"), server("ctl03", "MAINT", "1x35")], at: "10m")]),
        ])
    }
}
