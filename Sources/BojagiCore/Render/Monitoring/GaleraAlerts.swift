/// MariaDB with Galera, through kolla's mysqld exporter on each database host: down nodes, a cluster
/// smaller than the plan's, lost quorum, nodes out of sync and flow control.
enum GaleraAlerts {
    static func group(_ cloud: MonitoredCloud) -> AlertGroup? {
        guard cloud.has("mariadb") else { return nil }
        let nodes = cloud.databaseHosts
        let node = ["job": "mysqld", "instance": "10.0.0.11:9104"]
        func series(_ metric: String, _ values: String, _ instance: String = "10.0.0.11:9104") -> AlertTest.Series {
            AlertTest.Series(metric, ["job": "mysqld", "instance": instance], values)
        }
        var rules = [AlertRule(
            name: "MariaDBDown", component: "mariadb", expression: "mysql_up == 0 or up{job=\"mysqld\"} == 0", duration: "2m",
            severity: nodes > 2 ? .warning : .critical,
            summary: "MariaDB on {{ $labels.instance }} is down",
            description: "The mysqld exporter on {{ $labels.instance }} cannot reach MariaDB (or does not answer). "
                + (nodes > 2 ? "The other Galera nodes keep quorum; bring this one back before another fails."
                   : "Every OpenStack service loses its database."),
            tests: [.fires("the exporter cannot reach MariaDB", [series("mysql_up", "1x4 0x30"), series("up", "1x35")], at: "10m", with: [node]),
                    .fires("the exporter does not answer", [series("up", "1x4 0x30")], at: "10m", with: [node]),
                    .quiet("MariaDB answers", [series("mysql_up", "1x35"), series("up", "1x35")], at: "10m")])]
        guard nodes > 1 else { return AlertGroup(name: "bojagi-galera", rules: rules) }
        let quorum = nodes / 2 + 1
        rules += [
            AlertRule(
                name: "GaleraClusterDegraded", component: "mariadb",
                expression: "mysql_global_status_wsrep_cluster_size < \(nodes)", duration: "2m", severity: .warning,
                summary: "Galera cluster has fewer than its \(nodes) nodes",
                description: "{{ $labels.instance }} sees a Galera cluster smaller than the \(nodes) database hosts of the plan. "
                    + "It survives while \(quorum) remain; bring the missing node back (kolla-ansible mariadb_recovery if it will not join).",
                tests: [.fires("a node leaves", [series("mysql_global_status_wsrep_cluster_size", "\(nodes)x4 \(nodes - 1)x30")], at: "10m", with: [node]),
                        .quiet("every node is in the cluster", [series("mysql_global_status_wsrep_cluster_size", "\(nodes)x35")], at: "10m")]),
            AlertRule(
                name: "GaleraQuorumLost", component: "mariadb",
                expression: "mysql_global_status_wsrep_cluster_status == 0", duration: "1m", severity: .critical,
                summary: "Galera node {{ $labels.instance }} is not in the primary component",
                description: "{{ $labels.instance }} is in a non-primary Galera component and refuses queries: it lost contact with "
                    + "a majority of the \(nodes) nodes. If every node reports this, the database is down for every service.",
                tests: [.fires("a node leaves the primary component", [series("mysql_global_status_wsrep_cluster_status", "1x4 0x30")], at: "10m", with: [node]),
                        .quiet("the node is primary", [series("mysql_global_status_wsrep_cluster_status", "1x35")], at: "10m")]),
            AlertRule(
                name: "GaleraNodeNotSynced", component: "mariadb",
                expression: "mysql_global_status_wsrep_local_state != 4 and mysql_global_variables_wsrep_desync == 0",
                duration: "5m", severity: .warning,
                summary: "Galera node {{ $labels.instance }} is not synced",
                description: "{{ $labels.instance }} is joining, donating or out of sync (wsrep_local_state not 4, Synced) without "
                    + "having been desynced on purpose; it serves no consistent reads until it catches up.",
                tests: [.fires("a node stays a donor", [series("mysql_global_status_wsrep_local_state", "4x4 2x30"),
                                                        series("mysql_global_variables_wsrep_desync", "0x35")], at: "10m", with: [node]),
                        .quiet("the node was desynced on purpose", [series("mysql_global_status_wsrep_local_state", "4x4 2x30"),
                                                                    series("mysql_global_variables_wsrep_desync", "1x35")], at: "10m")]),
            AlertRule(
                name: "GaleraFlowControl", component: "mariadb",
                expression: "rate(mysql_global_status_wsrep_flow_control_paused_ns[5m]) / 1e9 > 0.1", duration: "10m", severity: .warning,
                summary: "Galera flow control pauses writes on {{ $labels.instance }}",
                description: "Replication was paused more than 10% of the time for 10 minutes: a node cannot apply writes as fast as "
                    + "the cluster makes them (slow disk, overloaded host), so every write in the cloud waits.",
                tests: [.fires("replication is paused half the time", [series("mysql_global_status_wsrep_flow_control_paused_ns", "0+30000000000x40")],
                               at: "30m", with: [node]),
                        .quiet("replication is paused 8% of the time", [series("mysql_global_status_wsrep_flow_control_paused_ns", "0+4800000000x40")], at: "30m")]),
        ]
        return AlertGroup(name: "bojagi-galera", rules: rules)
    }
}
