/// The caches beside the APIs: memcached (tokens, sessions) through kolla's memcached exporter, and Valkey
/// (coordination, Octavia's jobboard) through its exporter.
enum CacheAlerts {
    static func group(_ cloud: MonitoredCloud) -> AlertGroup? {
        var rules: [AlertRule] = []
        if cloud.has("memcached") {
            let node = ["job": "memcached", "instance": "10.0.0.11:9150"]
            rules.append(AlertRule(
                name: "MemcachedDown", component: "memcached",
                expression: "memcached_up == 0 or up{job=\"memcached\"} == 0", duration: "2m", severity: .warning,
                summary: "memcached on {{ $labels.instance }} is down",
                description: "The memcached exporter cannot reach memcached on {{ $labels.instance }} (or does not answer). "
                    + "Keystone tokens are validated again and Horizon sessions on it are lost: APIs slow down, nothing stops.",
                tests: [.fires("memcached stops answering", [AlertTest.Series("memcached_up", node, "1x4 0x30")], at: "10m", with: [node]),
                        .fires("the exporter does not answer", [AlertTest.Series("up", node, "1x4 0x30")], at: "10m", with: [node]),
                        .quiet("memcached answers", [AlertTest.Series("memcached_up", node, "1x35"), AlertTest.Series("up", node, "1x35")], at: "10m")]))
        }
        if cloud.has("valkey") {
            let node = ["job": "valkey_exporter", "instance": "10.0.0.11:9121"]
            rules.append(AlertRule(
                name: "ValkeyDown", component: "valkey",
                expression: "redis_up{job=\"valkey_exporter\"} == 0 or up{job=\"valkey_exporter\"} == 0", duration: "2m", severity: .warning,
                summary: "Valkey on {{ $labels.instance }} is down",
                description: "The Valkey exporter cannot reach Valkey on {{ $labels.instance }} (or does not answer). Sentinel "
                    + "promotes a replica; coordination (active-active cinder-volume) and Octavia's jobboard depend on it.",
                tests: [.fires("Valkey stops answering", [AlertTest.Series("redis_up", node, "1x4 0x30")], at: "10m", with: [node]),
                        .fires("the exporter does not answer", [AlertTest.Series("up", node, "1x4 0x30")], at: "10m", with: [node]),
                        .quiet("Valkey answers", [AlertTest.Series("redis_up", node, "1x35"), AlertTest.Series("up", node, "1x35")], at: "10m")]))
        }
        return rules.isEmpty ? nil : AlertGroup(name: "bojagi-caches", rules: rules)
    }
}
