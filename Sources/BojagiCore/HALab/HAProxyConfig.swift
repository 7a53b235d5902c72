/// haproxy.cfg for one node; all three bind the VIP (net.ipv4.ip_nonlocal_bind=1), only the holder gets traffic.
/// MariaDB: one active server and backups, so writes go to one Galera node at a time (no certification
/// conflicts); `option redispatch` and retries so the first client after a failure is not the one that errors.
public enum HAProxyConfig {
    public static func file(for node: HALabNode, topology: HALabTopology, paths: HALabPaths) -> RenderedFile {
        let ports = topology.ports
        let database = topology.nodes.enumerated().map { index, server in
            "    server \(server.name) \(server.address):\(ports.mariadb) check inter 1s fall 2 rise 3\(index == 0 ? "" : " backup") on-marked-down shutdown-sessions"
        }
        let keystone = topology.nodes.map { server in
            "    server \(server.name) \(server.address):\(ports.keystone) check inter 2s fall 2 rise 2"
        }
        let contents = ([
            "# Written by bojagi for the HA lab; rewritten on every `up`.",
            "global",
            "    maxconn 4000",
            "    stats socket \(paths.run(node))/haproxy.sock mode 600 level admin",
            "    log stdout format raw local0 notice",
            "",
            "defaults",
            "    log global",
            "    mode tcp",
            "    option redispatch",
            "    retries 3",
            "    timeout connect 2s",
            "    timeout client 120s",
            "    timeout server 120s",
            "    timeout check 2s",
            "",
            "# keepalived's track script connects here: no HAProxy on this node, no VIP on this node.",
            "frontend monitor",
            "    bind \(node.address):\(ports.haproxyMonitor)",
            "    mode http",
            "    monitor-uri /healthz",
            "",
            "listen mariadb",
            "    bind \(topology.vip):\(ports.mariadb)",
            "    mode tcp",
            "    option tcpka",
            "    option mysql-check user haproxy_check post-41",
        ] + database + [
            "",
            "listen keystone",
            "    bind \(topology.vip):\(ports.keystone)",
            "    mode http",
            "    balance roundrobin",
            "    timeout client 30s",
            "    timeout server 30s",
            "    retry-on conn-failure empty-response response-timeout",
            "    option httpchk GET /v3",
            "    http-check expect status 200",
        ] + keystone).joined(separator: "\n") + "\n"
        return RenderedFile(path: paths.relative(paths.haproxyCfg(node)), contents: contents)
    }
}
