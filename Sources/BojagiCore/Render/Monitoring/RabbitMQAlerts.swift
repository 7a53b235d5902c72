/// RabbitMQ through its built-in Prometheus plugin (kolla enables it with Prometheus): down nodes,
/// partitions seen as missing Erlang distribution links, memory and disk alarms, ready messages piling up.
enum RabbitMQAlerts {
    /// Ready messages (summed over the node's queues: kolla keeps the plugin's aggregated metrics) above
    /// which steady growth means consumers are gone.
    static let readyMessages = 1000

    static func group(_ cloud: MonitoredCloud) -> AlertGroup? {
        guard cloud.has("rabbitmq") else { return nil }
        let nodes = cloud.queueHosts
        let instances = (0..<max(nodes, 1)).map { "10.0.0.\(11 + $0):15692" }
        func node(_ index: Int = 0) -> [String: String] { ["job": "rabbitmq", "instance": instances[index]] }
        func series(_ metric: String, _ values: String, _ index: Int = 0) -> AlertTest.Series {
            AlertTest.Series(metric, node(index), values)
        }
        var rules = [AlertRule(
            name: "RabbitMQNodeDown", component: "rabbitmq", expression: "up{job=\"rabbitmq\"} == 0", duration: "2m",
            severity: nodes > 2 ? .warning : .critical,
            summary: "RabbitMQ on {{ $labels.instance }} does not answer",
            description: "Prometheus cannot scrape RabbitMQ's plugin on {{ $labels.instance }}: the node or its host is down. "
                + (nodes > 2 ? "Quorum queues keep a majority of the \(nodes) nodes; services reconnect to the others."
                   : "It is the only broker: RPC between OpenStack services stops."),
            tests: [.fires("the node stops answering", [series("up", "1x4 0x30")], at: "10m", with: [node()]),
                    .quiet("the node answers", [series("up", "1x35")], at: "10m")])]
        if nodes > 1 {
            let peers = nodes - 1
            func link(_ from: Int, _ to: Int, _ values: String) -> AlertTest.Series {
                AlertTest.Series("erlang_vm_dist_node_state", node(from).merging(["peer": "rabbit@ctl0\(to + 1)"]) { $1 }, values)
            }
            let all = Array(0..<nodes), last = nodes - 1
            let running = all.map { series("up", "1x35", $0) }
            let cli = AlertTest.Series("erlang_vm_dist_node_state", node(0).merging(["peer": "rabbitmqcli-1-rabbit@ctl01"]) { $1 }, "3x35")
            let healthy = all.flatMap { from in all.filter { $0 != from }.map { link(from, $0, "3x35") } } + [cli] + running
            // The last node loses every link (its series are gone); node 1 keeps only its link to node 0; the rest keep all.
            // CLI connections (rabbitmqctl) are distribution links too, but not to a peer: they must not count.
            let tools = [1, last].map { AlertTest.Series("erlang_vm_dist_node_state", node($0).merging(["peer": "rabbitmqcli-\($0)-rabbit@ctl0\($0 + 1)"]) { $1 }, "3x35") }
            let partitioned = all.filter { $0 != last }.flatMap { from in
                all.filter { $0 != from }.map { to in link(from, to, from == 1 && to != 0 ? "3x4 1x30" : "3x35") }
            } + tools + running
            let cut = ([last] + (nodes > 2 ? [1] : [])).sorted().map { ["instance": instances[$0]] }
            rules.append(AlertRule(
                name: "RabbitMQPartition", component: "rabbitmq",
                expression: "(count by (instance) (erlang_vm_dist_node_state{job=\"rabbitmq\",peer=~\"rabbit@.*\"} == 3) "
                    + "or on (instance) max by (instance) (up{job=\"rabbitmq\"} == 1) * 0) < \(peers)",
                duration: "2m", severity: .critical,
                summary: "RabbitMQ on {{ $labels.instance }} is cut off from its cluster",
                description: "{{ $labels.instance }} has fewer than \(peers) Erlang distribution links up to the other RabbitMQ nodes: "
                    + "a network partition. kolla's pause_minority stops the minority side, so services connected there fail "
                    + "until the partition heals; check the management network between the controllers.",
                tests: [.fires("nodes lose their links", partitioned, at: "10m", with: cut),
                        .quiet("every node sees every peer (CLI connections aside)", healthy, at: "10m")]))
        }
        let memory = series("rabbitmq_alarms_memory_used_watermark", "0x4 1x30")
        let disk = series("rabbitmq_alarms_free_disk_space_watermark", "0x4 1x30")
        rules += [
            AlertRule(
                name: "RabbitMQMemoryAlarm", component: "rabbitmq",
                expression: "rabbitmq_alarms_memory_used_watermark == 1", duration: "1m", severity: .critical,
                summary: "RabbitMQ on {{ $labels.instance }} blocks publishers: memory alarm",
                description: "{{ $labels.instance }} is above its memory high watermark, so RabbitMQ blocks every publishing "
                    + "connection in the cluster: RPC between OpenStack services stops. Find the queue holding the messages.",
                tests: [.fires("the memory alarm is raised", [memory], at: "10m", with: [node()]),
                        .quiet("no alarm", [series("rabbitmq_alarms_memory_used_watermark", "0x35")], at: "10m")]),
            AlertRule(
                name: "RabbitMQDiskAlarm", component: "rabbitmq",
                expression: "rabbitmq_alarms_free_disk_space_watermark == 1", duration: "1m", severity: .critical,
                summary: "RabbitMQ on {{ $labels.instance }} blocks publishers: disk alarm",
                description: "{{ $labels.instance }} has less free disk than its limit, so RabbitMQ blocks every publishing "
                    + "connection in the cluster. Free space on the host's /var/lib/docker volume.",
                tests: [.fires("the disk alarm is raised", [disk], at: "10m", with: [node()]),
                        .quiet("no alarm", [series("rabbitmq_alarms_free_disk_space_watermark", "0x35")], at: "10m")]),
            AlertRule(
                name: "RabbitMQQueueGrowth", component: "rabbitmq",
                expression: "rabbitmq_queue_messages_ready{job=\"rabbitmq\"} > \(readyMessages) "
                    + "and deriv(rabbitmq_queue_messages_ready{job=\"rabbitmq\"}[15m]) > 0",
                duration: "15m", severity: .warning,
                summary: "Messages pile up in RabbitMQ on {{ $labels.instance }}",
                description: "More than \(readyMessages) messages wait in the queues on {{ $labels.instance }} and the number has "
                    + "grown for 15 minutes: a service stopped consuming (a dead conductor, engine or agent). "
                    + "`rabbitmqctl list_queues name messages_ready consumers` names the queue.",
                tests: [.fires("ready messages keep growing", [series("rabbitmq_queue_messages_ready", "0+100x60")], at: "45m", with: [node()]),
                        .quiet("many messages wait but do not grow", [series("rabbitmq_queue_messages_ready", "5000x60")], at: "45m"),
                        .quiet("messages grow but stay below \(readyMessages)", [series("rabbitmq_queue_messages_ready", "0+20x60")], at: "45m")]),
        ]
        return AlertGroup(name: "bojagi-rabbitmq", rules: rules)
    }
}
