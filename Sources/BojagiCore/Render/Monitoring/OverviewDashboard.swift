/// The one-screen OpenStack overview: every API of the package up or down, HAProxy, Galera, RabbitMQ,
/// memcached, Ceph and its tiers, Nova's capacity against the plan, and what is firing. Panels exist only for
/// what the package runs; thresholds come from the plan (cluster sizes, OSD count, tier ratios, N+1).
enum OverviewDashboard {
    static let uid = "bojagi-overview"
    static let datasource: JSONValue = ["type": "prometheus", "uid": "${datasource}"]

    /// Panels flow left to right in Grafana's 24 columns, a new row when one is full.
    struct Layout {
        private(set) var panels: [JSONValue] = []
        private var x = 0, y = 0, rowHeight = 0

        mutating func add(_ width: Int, _ height: Int, _ panel: [String: JSONValue]) {
            if x + width > 24 { newRow() }
            var panel = panel
            panel["id"] = .integer(panels.count + 1)
            panel["gridPos"] = ["h": .integer(height), "w": .integer(width), "x": .integer(x), "y": .integer(y)]
            panels.append(.object(panel))
            x += width
            rowHeight = max(rowHeight, height)
        }

        mutating func newRow() {
            guard x > 0 else { return }
            y += rowHeight
            x = 0
            rowHeight = 0
        }
    }

    static func render(_ cloud: MonitoredCloud) -> String {
        var layout = Layout()
        top(cloud, into: &layout)
        layout.newRow()
        // Infrastructure and Ceph share rows: small panels flow on.
        infrastructure(cloud, into: &layout)
        storage(cloud, into: &layout)
        layout.newRow()
        capacity(cloud, into: &layout)
        layout.newRow()
        layout.add(24, 6, table("Alerts firing now", expression: "ALERTS{alertstate=\"firing\"}",
                                description: "Every alert firing now, from bojagi.rules; each has a runbook in the operations manual."))
        let dashboard: JSONValue = [
            "annotations": ["list": []],
            "description": .string("Rendered by Bojagi from bojagi.yaml (\(cloud.name)): the package's APIs, infrastructure, Ceph and capacity against the plan. Do not edit: render again."),
            "editable": false,
            "graphTooltip": 1,
            "links": [],
            "panels": .array(layout.panels),
            "refresh": "1m",
            "schemaVersion": 39,
            "tags": ["bojagi", "openstack"],
            "templating": ["list": [[
                "current": [:], "hide": 0, "includeAll": false, "label": "Data source", "multi": false, "name": "datasource",
                "options": [], "query": "prometheus", "refresh": 1, "regex": "", "skipUrlSync": false, "type": "datasource",
            ]]],
            "time": ["from": "now-6h", "to": "now"],
            "timepicker": [:],
            "timezone": "",
            "title": .string("OpenStack overview — \(cloud.name)"),
            "uid": .string(uid),
            "version": 1,
        ]
        return dashboard.text
    }

    // MARK: rows

    static func top(_ cloud: MonitoredCloud, into layout: inout Layout) {
        if !cloud.apis.isEmpty {
            let regex = cloud.apis.map(\.probeRegex).joined(separator: "|")
            let expression = "min by (service) (label_replace(probe_success{job=\"blackbox_exporter\",service=~\"\(regex)\"}, "
                + "\"service\", \"$1\", \"service\", \"(.+)_internal\"))"
            layout.add(14, 6, stat("OpenStack APIs", [target(expression, legend: "{{service}}")],
                                   description: "Each API of the package through HAProxy (kolla's blackbox probes of the public and internal endpoints): DOWN if either fails.",
                                   steps: [("red", nil), ("green", 1)], mappings: upDown, textMode: "value_and_name"))
        }
        layout.add(5, 6, stat("Alerts by severity", AlertSeverity.allCases.map { severity in
            target("count(ALERTS{alertstate=\"firing\",severity=\"\(severity.rawValue)\"}) or vector(0)", legend: severity.rawValue)
        }, description: "Alerts firing now by severity: critical (act now), warning (today), info (plan capacity).",
           steps: [("green", nil), ("orange", 1)], textMode: "value_and_name"))
        let hosts = cloud.hosts
        layout.add(5, 6, stat("Hosts up", [target("count(up{job=\"node\"} == 1) or vector(0)", legend: "of \(hosts)")],
                              description: "Hosts whose node exporter answers, of the \(hosts) in the plan.",
                              steps: hosts > 0 ? [("red", nil), ("orange", 1), ("green", Double(hosts))] : [("green", nil)], textMode: "value_and_name"))
    }

    static func infrastructure(_ cloud: MonitoredCloud, into layout: inout Layout) {
        if cloud.has("haproxy") {
            layout.add(3, 4, stat("HAProxy backends down", [target("count(haproxy_backend_status{state=\"DOWN\"} == 1) or vector(0)")],
                                  description: "Backends with no server passing HAProxy's check, on any load balancer.",
                                  steps: [("green", nil), ("red", 1)]))
            layout.add(3, 4, stat("HAProxy servers down", [target("count(haproxy_server_status{state=\"DOWN\"} == 1) or vector(0)")],
                                  description: "Backend servers failing HAProxy's check: a service down on one controller.",
                                  steps: [("green", nil), ("orange", 1)]))
        }
        if cloud.has("mariadb") {
            let nodes = cloud.databaseHosts
            if nodes > 1 {
                layout.add(3, 4, stat("Galera cluster size", [target("max(mysql_global_status_wsrep_cluster_size) or vector(0)", legend: "of \(nodes)")],
                                      description: "Nodes in the Galera cluster, of the \(nodes) database hosts in the plan; red below quorum.",
                                      steps: cluster(nodes), textMode: "value_and_name"))
                layout.add(3, 4, stat("Galera nodes synced", [target("count(mysql_global_status_wsrep_local_state == 4) or vector(0)", legend: "of \(nodes)")],
                                      description: "Galera nodes in the Synced state.", steps: cluster(nodes), textMode: "value_and_name"))
            } else {
                layout.add(3, 4, stat("MariaDB", [target("max(mysql_up) or vector(0)")], description: "MariaDB answers its exporter.",
                                      steps: [("red", nil), ("green", 1)], mappings: upDown))
            }
        }
        if cloud.has("rabbitmq") {
            let nodes = max(cloud.queueHosts, 1)
            layout.add(3, 4, stat("RabbitMQ nodes up", [target("count(up{job=\"rabbitmq\"} == 1) or vector(0)", legend: "of \(nodes)")],
                                  description: "RabbitMQ nodes answering, of the \(nodes) in the plan; red below quorum.",
                                  steps: cluster(nodes), textMode: "value_and_name"))
            layout.add(3, 4, stat("RabbitMQ alarms", [target("sum(rabbitmq_alarms_memory_used_watermark) + sum(rabbitmq_alarms_free_disk_space_watermark) or vector(0)")],
                                  description: "Memory and disk alarms in effect: any blocks every publisher.", steps: [("green", nil), ("red", 1)]))
            layout.add(3, 4, stat("RabbitMQ messages ready", [target("sum(rabbitmq_queue_messages_ready{job=\"rabbitmq\"}) or vector(0)")],
                                  description: "Messages waiting for a consumer, over every queue.",
                                  steps: [("green", nil), ("orange", Double(RabbitMQAlerts.readyMessages))]))
        }
        if cloud.has("memcached") {
            let nodes = max(cloud.cacheHosts, 1)
            layout.add(3, 4, stat("memcached up", [target("count(memcached_up == 1) or vector(0)", legend: "of \(nodes)")],
                                  description: "memcached instances answering, of the \(nodes) in the plan.",
                                  steps: [("red", nil), ("orange", 1), ("green", Double(nodes))], textMode: "value_and_name"))
        }
        if cloud.has("nova") {
            layout.add(3, 4, stat("Nova services down", [target("count(openstack_nova_agent_state{adminState=\"enabled\"} == 0) or vector(0)")],
                                  description: "Enabled Nova services (nova-compute, conductor, scheduler) not reporting.",
                                  steps: [("green", nil), ("orange", 1)]))
        }
        if cloud.has("neutron") {
            layout.add(3, 4, stat("Neutron agents down", [target("count(openstack_neutron_agent_state{adminState=\"up\"} == 0) or vector(0)")],
                                  description: "Neutron agents an operator did not take down that are not alive.",
                                  steps: [("green", nil), ("orange", 1)]))
        }
    }

    static func storage(_ cloud: MonitoredCloud, into layout: inout Layout) {
        guard let ceph = cloud.ceph else { return }
        layout.add(3, 4, stat("Ceph health", [target("max(ceph_health_status)")],
                              description: "HEALTH_OK, HEALTH_WARN or HEALTH_ERR from the active manager.",
                              steps: [("green", nil), ("orange", 1), ("red", 2)],
                              mappings: [["type": "value", "options": [
                                  "0": ["color": "green", "index": 0, "text": "OK"],
                                  "1": ["color": "orange", "index": 1, "text": "WARN"],
                                  "2": ["color": "red", "index": 2, "text": "ERR"],
                              ]]]))
        let osds = ceph.tiers.reduce(0) { $0 + $1.osds }
        layout.add(3, 4, stat("Ceph OSDs up", [target("sum(ceph_osd_up) or vector(0)", legend: "of \(osds)")],
                              description: "OSDs up, of the \(osds) the plan's disks make.",
                              steps: [("red", nil), ("orange", 1), ("green", Double(osds))], textMode: "value_and_name"))
        for tier in ceph.tiers where tier.osds > 0 {
            var steps: [(String, Double?)] = [("green", nil)]
            if let loss = CephAlerts.afterLossRatio(tier) { steps.append(("orange", loss)) }
            steps.append(("red", ceph.nearfullRatio))
            layout.add(3, 4, [
                "datasource": datasource, "type": "gauge",
                "title": .string("Ceph \(tier.name) (\(tier.deviceClass)) used"),
                "description": .string("Raw space used in the \(tier.name) tier: orange when it could not re-protect its data after losing a "
                    + "\(ceph.failureDomain.rawValue), red above the nearfull ratio (plan: \(CephAlerts.tb(tier.usableTB)) usable)."),
                "fieldConfig": ["defaults": [
                    "color": ["mode": "thresholds"], "decimals": 1, "max": 1, "min": 0, "unit": "percentunit",
                    "thresholds": thresholds(steps),
                ], "overrides": []],
                "options": ["orientation": "auto", "reduceOptions": reduce, "showThresholdLabels": false, "showThresholdMarkers": true],
                "targets": [target(CephAlerts.usedRatio(tier.deviceClass))],
            ])
        }
    }

    static func capacity(_ cloud: MonitoredCloud, into layout: inout Layout) {
        guard cloud.has("nova"), cloud.has("placement"), let compute = cloud.compute, compute.vcpus > 0 else { return }
        func series(_ title: String, resource: String, divisor: Int, unit: String, capacity: Int, n1: Int, planned: Int?) -> [String: JSONValue] {
            var targets = [target("sum(openstack_placement_resource_usage{resourcetype=\"\(resource)\"})\(divisor > 1 ? " / \(divisor)" : "")", legend: "allocated", instant: false),
                           target("vector(\(capacity))", legend: "capacity (plan)", instant: false)]
            if compute.hosts > 1 { targets.append(target("vector(\(n1))", legend: "N+1 capacity (plan)", instant: false)) }
            if let planned { targets.append(target("vector(\(planned))", legend: "planned load", instant: false)) }
            func line(_ name: String, _ color: String) -> JSONValue {
                ["matcher": ["id": "byName", "options": .string(name)], "properties": [
                    ["id": "color", "value": ["fixedColor": .string(color), "mode": "fixed"]],
                    ["id": "custom.lineStyle", "value": ["dash": [10, 10], "fill": "dash"]],
                    ["id": "custom.fillOpacity", "value": 0],
                ]]
            }
            return [
                "datasource": datasource, "type": "timeseries", "title": .string(title),
                "description": .string("What Placement counts allocated, against what the plan's compute hosts offer after reservations and "
                    + "overcommit, with all of them and with the largest down (N+1)."),
                "fieldConfig": ["defaults": ["color": ["mode": "palette-classic"], "min": 0, "unit": .string(unit),
                                             "custom": ["fillOpacity": 10, "lineWidth": 1, "showPoints": "never"]],
                                "overrides": [line("capacity (plan)", "red"), line("N+1 capacity (plan)", "orange"), line("planned load", "blue")]],
                "options": ["legend": ["displayMode": "list", "placement": "bottom", "showLegend": true],
                            "tooltip": ["mode": "multi", "sort": "none"]],
                "targets": .array(targets),
            ]
        }
        layout.add(12, 8, series("Compute: vCPUs against the plan", resource: "VCPU", divisor: 1, unit: "none",
                                 capacity: compute.vcpus, n1: compute.vcpusN1, planned: compute.plannedVCPUs))
        layout.add(12, 8, series("Compute: memory (GiB) against the plan", resource: "MEMORY_MB", divisor: 1024, unit: "none",
                                 capacity: compute.memoryGiB, n1: compute.memoryGiBN1, planned: compute.plannedMemoryGiB))
    }

    // MARK: panels

    static let reduce: JSONValue = ["calcs": ["lastNotNull"], "fields": "", "values": false]

    static let upDown: [JSONValue] = [["type": "value", "options": [
        "0": ["color": "red", "index": 0, "text": "DOWN"],
        "1": ["color": "green", "index": 1, "text": "UP"],
    ]]]

    /// Red below a majority of `nodes`, orange below all of them, green with all.
    static func cluster(_ nodes: Int) -> [(String, Double?)] {
        var steps: [(String, Double?)] = [("red", nil)]
        if nodes / 2 + 1 < nodes { steps.append(("orange", Double(nodes / 2 + 1))) }
        steps.append(("green", Double(nodes)))
        return steps
    }

    static func thresholds(_ steps: [(String, Double?)]) -> JSONValue {
        ["mode": "absolute", "steps": .array(steps.map { color, value in
            ["color": .string(color), "value": value.map { .decimal(CephAlerts.number($0)) } ?? .null]
        })]
    }

    static func target(_ expression: String, legend: String? = nil, instant: Bool = true) -> JSONValue {
        var target: [String: JSONValue] = ["datasource": datasource, "expr": .string(expression), "refId": "A"]
        if instant { target["instant"] = true } else { target["range"] = true }
        if let legend { target["legendFormat"] = .string(legend) }
        return .object(target)
    }

    static func stat(_ title: String, _ targets: [JSONValue], description: String, steps: [(String, Double?)],
                     mappings: [JSONValue] = [], textMode: String = "value") -> [String: JSONValue] {
        let lettered = targets.enumerated().map { index, target -> JSONValue in
            guard case var .object(members) = target else { return target }
            members["refId"] = .string(String(UnicodeScalar(UInt8(65 + index))))
            return .object(members)
        }
        return [
            "datasource": datasource, "type": "stat", "title": .string(title), "description": .string(description),
            "fieldConfig": ["defaults": ["color": ["mode": "thresholds"], "mappings": .array(mappings), "thresholds": thresholds(steps),
                                         "unit": "none"], "overrides": []],
            "options": ["colorMode": "background", "graphMode": "none", "justifyMode": "center", "orientation": "auto",
                        "reduceOptions": reduce, "textMode": .string(textMode), "wideLayout": true],
            "targets": .array(lettered),
        ]
    }

    static func table(_ title: String, expression: String, description: String) -> [String: JSONValue] {
        [
            "datasource": datasource, "type": "table", "title": .string(title), "description": .string(description),
            "fieldConfig": ["defaults": [:], "overrides": []],
            "options": ["cellHeight": "sm", "showHeader": true, "sortBy": [["desc": false, "displayName": "severity"]]],
            "targets": [["datasource": datasource, "expr": .string(expression), "format": "table", "instant": true, "refId": "A"]],
            "transformations": [["id": "organize", "options": [
                "excludeByName": ["Time": true, "Value": true, "__name__": true, "alertstate": true],
                "indexByName": ["alertname": 0, "severity": 1, "component": 2, "instance": 3],
                "renameByName": [:],
            ]]],
        ]
    }
}
