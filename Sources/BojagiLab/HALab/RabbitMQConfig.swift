import BojagiCore
import BojagiOpenStack
/// One RabbitMQ node per namespace, clustered by classic peer discovery. Node names use the addresses
/// (long names), so nothing needs /etc/hosts; each node has its own HOME (cookie), Mnesia directory and epmd port.
public enum RabbitMQConfig {
    public static let server = "/usr/lib/rabbitmq/bin/rabbitmq-server"
    public static let ctl = "/usr/lib/rabbitmq/bin/rabbitmqctl"
    /// Quorum queues are chosen by clients (`x-queue-type: quorum`, as oslo.messaging's rabbit_quorum_queue
    /// does); this policy gives every quorum queue a delivery limit so a poison message cannot loop forever.
    public static let policyName = "bojagi-quorum"
    public static let policyPattern = "^"
    public static let policyDefinition = #"{"delivery-limit":20}"#

    public static func files(for node: HALabNode, topology: HALabTopology, paths: HALabPaths, secrets: HALabSecrets) -> [RenderedFile] {
        let peers = topology.nodes.enumerated().map { "cluster_formation.classic_config.nodes.\($0.offset + 1) = \($0.element.rabbitNode)" }
        let conf = ([
            "# Written by bojagi for the HA lab; rewritten on every `up`.",
            "listeners.tcp.default = \(node.address):\(topology.ports.rabbitmq)",
            "distribution.listener.interface = \(node.address)",
            "loopback_users = none",
            "default_user = \(HALabSecrets.user)",
            "default_pass = \(secrets.rabbitmq)",
            "disk_free_limit.absolute = 50MB",
            "vm_memory_high_watermark.absolute = 512MB",
            "cluster_partition_handling = pause_minority",
            "cluster_formation.peer_discovery_backend = classic_config",
        ] + peers).joined(separator: "\n") + "\n"
        return [
            RenderedFile(path: paths.relative("\(paths.etc(node))/rabbitmq.conf"), contents: conf, mode: 0o600),
            RenderedFile(path: paths.relative("\(paths.etc(node))/enabled_plugins"), contents: "[].\n"),
            // Read instead of /etc/rabbitmq/rabbitmq-env.conf, which could name another node.
            RenderedFile(path: paths.relative("\(paths.etc(node))/rabbitmq-env.conf"), contents: "# empty: the lab sets everything in the environment\n"),
            RenderedFile(path: paths.relative("\(paths.rabbitHome(node))/.erlang.cookie"), contents: secrets.erlangCookie, mode: 0o600),
        ]
    }

    /// The environment rabbitmq-server and rabbitmqctl need for `node`.
    public static func environment(for node: HALabNode, topology: HALabTopology, paths: HALabPaths) -> [String: String] {
        [
            "HOME": paths.rabbitHome(node),
            "ERL_EPMD_PORT": String(topology.ports.epmd),
            "RABBITMQ_USE_LONGNAME": "true",
            "RABBITMQ_NODENAME": node.rabbitNode,
            "RABBITMQ_NODE_IP_ADDRESS": node.address,
            "RABBITMQ_NODE_PORT": String(topology.ports.rabbitmq),
            "RABBITMQ_DIST_PORT": String(topology.ports.rabbitmqDistribution),
            "RABBITMQ_MNESIA_BASE": paths.rabbitMnesia(node),
            "RABBITMQ_LOG_BASE": "\(paths.home)/log/\(node.name)/rabbitmq",
            "RABBITMQ_CONFIG_FILE": "\(paths.etc(node))/rabbitmq.conf",
            "RABBITMQ_CONF_ENV_FILE": "\(paths.etc(node))/rabbitmq-env.conf",
            "RABBITMQ_ENABLED_PLUGINS_FILE": "\(paths.etc(node))/enabled_plugins",
            "RABBITMQ_PID_FILE": "\(paths.run(node))/rabbitmq.pid",
        ]
    }
}
