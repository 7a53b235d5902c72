import BojagiCore
import BojagiOpenStack
/// A program the lab starts: where it runs, how, and where its output goes. Pure, so tests can read it.
public struct HALabLaunch: Sendable, Hashable {
    public let service: HALabService
    public let node: HALabNode
    public let command: [String]
    public let environment: [String: String]
    public let log: String
}

/// The command lines of the lab's programs. Everything runs in the foreground so the pid `start` returns is the
/// service's own; nothing daemonizes except epmd (cleaned up with the namespace).
public struct HALabCommands: Sendable {
    public let topology: HALabTopology
    public let paths: HALabPaths
    /// The venv with keystone, uwsgi and pika.
    public let venv: String

    public init(topology: HALabTopology, paths: HALabPaths, venv: String) {
        self.topology = topology
        self.paths = paths
        self.venv = venv
    }

    public func launch(_ service: HALabService, on node: HALabNode, bootstrap: Bool = false) -> HALabLaunch {
        let log = paths.log(service, node)
        switch service {
        case .memcached:
            return HALabLaunch(service: service, node: node, command: [
                "/usr/bin/memcached", "-u", "root", "-l", node.address, "-p", String(topology.ports.memcached), "-U", "0", "-m", "64",
            ], environment: [:], log: log)
        case .mariadb:
            // --defaults-file must come first; --wsrep-new-cluster only when bootstrapping the first node.
            return HALabLaunch(service: service, node: node, command: ["/usr/sbin/mariadbd", "--defaults-file=\(paths.myCnf(node))"]
                + (bootstrap ? ["--wsrep-new-cluster"] : []), environment: GaleraConfig.environment(paths: paths), log: "\(paths.home)/log/\(node.name)/mariadb.out")
        case .rabbitmq:
            return HALabLaunch(service: service, node: node, command: [RabbitMQConfig.server],
                               environment: RabbitMQConfig.environment(for: node, topology: topology, paths: paths), log: log)
        case .haproxy:
            return HALabLaunch(service: service, node: node, command: ["/usr/sbin/haproxy", "-db", "-f", paths.haproxyCfg(node)],
                               environment: [:], log: log)
        case .keepalived:
            // -n: no fork; -P: VRRP only; own pid files (-p -r -c) so three instances and the host's can coexist.
            let run = paths.run(node)
            return HALabLaunch(service: service, node: node, command: [
                "/usr/sbin/keepalived", "-n", "-l", "-P", "-f", paths.keepalivedConf(node),
                "-p", "\(run)/keepalived.pid", "-r", "\(run)/keepalived-vrrp.pid", "-c", "\(run)/keepalived-checkers.pid",
            ], environment: [:], log: log)
        case .keystone:
            // Connection: close, or clients behind HAProxy see resets (FIELD-NOTES).
            return HALabLaunch(service: service, node: node, command: [
                "\(venv)/bin/uwsgi", "--master", "--die-on-term", "--need-app", "--home", venv,
                "--http-socket", "\(node.address):\(topology.ports.keystone)", "--add-header", "Connection: close",
                "--module", "keystone.wsgi.api:application", "--processes", "2", "--threads", "1",
                "--buffer-size", "65535", "--disable-logging",
            ], environment: keystoneEnvironment(node), log: log)
        }
    }

    public func keystoneEnvironment(_ node: HALabNode) -> [String: String] {
        ["OS_KEYSTONE_CONFIG_DIR": paths.keystoneConfDir(node), "OS_KEYSTONE_CONFIG_FILES": "keystone.conf"]
    }

    public func keystoneManage(_ arguments: [String], on node: HALabNode) -> [String] {
        ["\(venv)/bin/keystone-manage", "--config-file", "\(paths.keystoneConfDir(node))/keystone.conf"] + arguments
    }

    public func sql(_ statement: String, on node: HALabNode) -> [String] {
        ["/usr/bin/mariadb", "--defaults-file=\(paths.myCnf(node))", "-N", "-B", "-e", statement]
    }

    public func rabbitmqctl(_ arguments: [String], on node: HALabNode) -> [String] {
        [RabbitMQConfig.ctl, "-q", "-n", node.rabbitNode] + arguments
    }

    public func installDatabase(on node: HALabNode) -> [String] {
        ["/usr/bin/mariadb-install-db", "--defaults-file=\(paths.myCnf(node))", "--user=root", "--skip-test-db",
         "--auth-root-authentication-method=socket"]
    }

    /// The drill's RabbitMQ client: pika from the lab venv.
    public func rabbitProbe(_ arguments: [String], secrets: HALabSecrets) -> [String] {
        ["\(venv)/bin/python", paths.probeScript, topology.rabbitHosts, HALabSecrets.user, secrets.rabbitmq] + arguments
    }
}
