import BojagiCore
import BojagiOpenStack
/// haproxy.cfg for one node; all three bind the VIP (net.ipv4.ip_nonlocal_bind=1), only the holder gets traffic.
/// MariaDB: one active server and backups, so writes go to one Galera node at a time (no certification
/// conflicts); `option redispatch` and retries so the first client after a failure is not the one that errors.
/// Every API (Keystone and the planned services): round robin over the three controllers, health-checked.
public enum HAProxyConfig {
    public static func file(for node: HALabNode, topology: HALabTopology, paths: HALabPaths, components: [LabComponent] = [.keystone]) -> RenderedFile {
        let ports = topology.ports
        let database = topology.nodes.enumerated().map { index, server in
            "    server \(server.name) \(server.address):\(ports.mariadb) check inter 1s fall 2 rise 3\(index == 0 ? "" : " backup") on-marked-down shutdown-sessions"
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
        ] + database + ([.keystone] + components.filter { $0 != .keystone }).flatMap { api($0, topology: topology) }).joined(separator: "\n") + "\n"
        return RenderedFile(path: paths.relative(paths.haproxyCfg(node)), contents: contents)
    }

    /// One API behind the VIP. Only Keystone's idempotent-in-practice calls (tokens, reads) are retried after a
    /// response timeout; other APIs are retried only when a server refused the connection or closed it unanswered.
    static func api(_ component: LabComponent, topology: HALabTopology) -> [String] {
        let port = topology.ports.api(component)
        let keystone = component == .keystone
        return [
            "",
            "listen \(component.rawValue)",
            "    bind \(topology.vip):\(port)",
            "    mode http",
            "    balance roundrobin",
            "    option forwardfor",
            "    timeout client \(keystone ? 30 : 120)s",
            "    timeout server \(keystone ? 30 : 120)s",
            "    retry-on conn-failure empty-response\(keystone ? " response-timeout" : "")",
            "    option httpchk GET \(component.healthPath)",
            keystone ? "    http-check expect status 200" : "    http-check expect rstatus ^[23]",
        ] + topology.nodes.map { "    server \($0.name) \($0.address):\(port) check inter 2s fall 2 rise 2" }
    }
}
