/// The package's APIs and their services: every endpoint kolla's blackbox exporter probes and every
/// authenticated read of openstack-exporter, per API; Nova, Cinder and Neutron services and agents; libvirt.
enum OpenStackAlerts {
    static func group(_ cloud: MonitoredCloud) -> AlertGroup? {
        let rules = cloud.apis.map(api) + services(cloud)
        return rules.isEmpty ? nil : AlertGroup(name: "bojagi-openstack", rules: rules)
    }

    /// `<API>APIDown`: the endpoint's version document does not answer through HAProxy (blackbox, public and
    /// internal), or openstack-exporter's authenticated read fails.
    static func api(_ api: MonitoredCloud.API) -> AlertRule {
        var expression = "probe_success{job=\"blackbox_exporter\",service=~\"\(api.probeRegex)\"} == 0"
        if let exporter = api.exporter { expression += " or openstack_\(exporter)_up == 0" }
        let probe = api.probes[0]
        let endpoint = "https://\(probe).example:443"
        func probeSeries(_ service: String, _ values: String) -> AlertTest.Series {
            AlertTest.Series("probe_success", ["job": "blackbox_exporter", "service": service, "instance": endpoint,
                                               "module": api.member == "horizon" || api.member == "ceph-rgw" ? "http_2xx" : "os_endpoint"], values)
        }
        let exporterSeries = api.exporter.map {
            AlertTest.Series("openstack_\($0)_up", ["job": "openstack_exporter", "instance": "10.0.0.10:9198"], "1x40")
        }
        let down = probeSeries(probe + "_internal", "1x4 0x30")
        var tests: [AlertTest] = [
            .fires("the internal endpoint's probe fails", [probeSeries(probe, "1x40"), down] + (exporterSeries.map { [$0] } ?? []),
                   at: "10m", with: [down.labels]),
            .quiet("every probe answers", [probeSeries(probe, "1x40"), probeSeries(probe + "_internal", "1x40"),
                                           probeSeries("other", "0x40")] + (exporterSeries.map { [$0] } ?? []), at: "10m"),
        ]
        if let exporter = api.exporter {
            let failing = AlertTest.Series("openstack_\(exporter)_up", ["job": "openstack_exporter", "instance": "10.0.0.10:9198"], "1x4 0x30")
            tests.append(.fires("openstack-exporter's authenticated read fails", [probeSeries(probe, "1x40"), failing],
                                at: "10m", with: [failing.labels]))
        }
        return AlertRule(
            name: api.alertName, component: api.member, expression: expression, duration: "2m", severity: .critical,
            summary: "\(api.title) API is down",
            description: "{{ $labels.job }} ({{ $labels.instance }}) reports \(api.title) down: the blackbox exporter reads "
                + "the API's version document through HAProxy on the VIP, openstack-exporter makes an authenticated read "
                + "through Keystone. Check the service's containers and logs, HAProxy's backend for it, then Keystone, "
                + "MariaDB and RabbitMQ.",
            tests: tests)
    }

    static func services(_ cloud: MonitoredCloud) -> [AlertRule] {
        var rules: [AlertRule] = []
        if cloud.has("nova") {
            let down = AlertTest.Series("openstack_nova_agent_state", ["job": "openstack_exporter", "hostname": "cmp01", "service": "nova-compute",
                                                                       "adminState": "enabled", "zone": "nova"], "1x4 0x30")
            let disabled = AlertTest.Series("openstack_nova_agent_state", ["job": "openstack_exporter", "hostname": "cmp02", "service": "nova-compute",
                                                                           "adminState": "disabled", "zone": "nova"], "0x35")
            rules.append(AlertRule(
                name: "NovaServiceDown", component: "nova",
                expression: "openstack_nova_agent_state{adminState=\"enabled\"} == 0", duration: "5m", severity: .warning,
                summary: "Nova {{ $labels.service }} is down on {{ $labels.hostname }}",
                description: "Nova reports {{ $labels.service }} on {{ $labels.hostname }} down (enabled, no heartbeat). Its "
                    + "instances keep running, but none can be started, moved or stopped there, and the scheduler skips the host.",
                tests: [.fires("an enabled nova-compute stops reporting", [down, disabled], at: "10m", with: [down.labels]),
                        .quiet("only a disabled service is down", [disabled], at: "10m")]))
            if cloud.computeHosts > 0 {
                let libvirt = AlertTest.Series("libvirt_up", ["job": "libvirt_exporter", "instance": "10.0.0.21:9177"], "1x4 0x30")
                rules.append(AlertRule(
                    name: "LibvirtDown", component: "nova",
                    expression: "libvirt_up == 0 or up{job=\"libvirt_exporter\"} == 0", duration: "5m", severity: .warning,
                    summary: "libvirt is down on compute host {{ $labels.instance }}",
                    description: "The libvirt exporter on {{ $labels.instance }} cannot reach libvirtd (or does not answer). "
                        + "Running instances go on, but nova-compute cannot start, stop or migrate any there.",
                    tests: [.fires("libvirtd stops answering", [libvirt], at: "10m", with: [libvirt.labels]),
                            .fires("the exporter does not answer", [AlertTest.Series("up", libvirt.labels, "1x4 0x30")], at: "10m", with: [libvirt.labels]),
                            .quiet("libvirtd answers", [AlertTest.Series("libvirt_up", libvirt.labels, "1x35"),
                                                        AlertTest.Series("up", ["job": "libvirt_exporter", "instance": "10.0.0.21:9177"], "1x35")], at: "10m")]))
            }
        }
        if cloud.has("cinder") {
            let down = AlertTest.Series("openstack_cinder_agent_state", ["job": "openstack_exporter", "hostname": "ctl01@rbd-1", "service": "cinder-volume",
                                                                         "adminState": "enabled", "zone": "nova"], "1x4 0x30")
            rules.append(AlertRule(
                name: "CinderServiceDown", component: "cinder",
                expression: "openstack_cinder_agent_state{adminState=\"enabled\"} == 0", duration: "5m", severity: .warning,
                summary: "Cinder {{ $labels.service }} is down on {{ $labels.hostname }}",
                description: "Cinder reports {{ $labels.service }} on {{ $labels.hostname }} down. For cinder-volume, volumes of "
                    + "that backend cannot be created, attached or deleted unless another member of its cluster takes over; "
                    + "for cinder-backup, no backup runs.",
                tests: [.fires("cinder-volume stops reporting", [down], at: "10m", with: [down.labels]),
                        .quiet("cinder-volume reports", [AlertTest.Series("openstack_cinder_agent_state", down.labels, "1x35")], at: "10m")]))
        }
        if cloud.has("neutron") {
            let down = AlertTest.Series("openstack_neutron_agent_state", ["job": "openstack_exporter", "hostname": "ctl02", "service": "neutron-l3-agent",
                                                                          "adminState": "up", "availability_zone": "nova"], "1x4 0x30")
            let adminDown = AlertTest.Series("openstack_neutron_agent_state", ["job": "openstack_exporter", "hostname": "ctl03", "service": "neutron-l3-agent",
                                                                               "adminState": "down", "availability_zone": "nova"], "0x35")
            rules.append(AlertRule(
                name: "NeutronAgentDown", component: "neutron",
                expression: "openstack_neutron_agent_state{adminState=\"up\"} == 0", duration: "5m", severity: .warning,
                summary: "Neutron {{ $labels.service }} is down on {{ $labels.hostname }}",
                description: "Neutron reports {{ $labels.service }} on {{ $labels.hostname }} not alive. Routers, DHCP or ports "
                    + "it serves stop changing; with agent HA the other network hosts keep routing and DHCP.",
                tests: [.fires("an L3 agent stops reporting", [down, adminDown], at: "10m", with: [down.labels]),
                        .quiet("only an agent taken down by an operator is dead", [adminDown], at: "10m")]))
        }
        return rules
    }
}
