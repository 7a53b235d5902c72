import BojagiCore
import BojagiOpenStack
/// The lab's configuration files, rendered from settings alone: MariaDB, RabbitMQ, each OpenStack service,
/// uwsgi for the APIs, Horizon's local settings, the catalog registration script, clouds.yaml and openrc.
/// Pure: no disk, no clock; the one writer puts them under the lab home.
public struct LabConfigRenderer: Sendable {
    public let settings: LabSettings

    public init(settings: LabSettings) {
        self.settings = settings
    }

    public func files() -> [RenderedFile] {
        var files = [mariadb(), databasesSQL(), rabbitmqConfig(), rabbitmqPlugins(), rabbitmqEnvironment(), registerScript(), cloudsYAML(), openrc()]
            + cephFiles()
        for component in settings.components {
            files += config(component)
            if let uwsgi = uwsgi(component) { files.append(uwsgi) }
        }
        return files.sorted { $0.path < $1.path }
    }

    // MARK: infrastructure

    func mariadb() -> RenderedFile {
        let s = settings
        return RenderedFile(path: "etc/mariadb/my.cnf", contents: """
            # Bojagi lab \(s.name): MariaDB on its own port, socket and data directory.
            [client]
            socket = \(s.mariadbSocket)
            port = \(s.ports.mariadb)

            [mysqld]
            user = \(s.user)
            datadir = \(s.path("data/mysql"))
            socket = \(s.mariadbSocket)
            pid-file = \(s.path("run/mysqld.pid"))
            port = \(s.ports.mariadb)
            bind-address = 127.0.0.1
            log-error = \(s.path("logs/mariadb.log"))
            skip-name-resolve
            max_connections = 1000
            innodb_buffer_pool_size = 128M
            innodb_log_file_size = 32M
            character-set-server = utf8mb4
            collation-server = utf8mb4_general_ci

            """)
    }

    func rabbitmqConfig() -> RenderedFile {
        let s = settings
        return RenderedFile(path: "etc/rabbitmq/rabbitmq.conf", contents: """
            # Bojagi lab \(s.name): RabbitMQ on loopback, its own ports; the service user is created on first boot.
            listeners.tcp.default = 127.0.0.1:\(s.ports.rabbitmq)
            distribution.listener.interface = 127.0.0.1
            distribution.listener.port_range.min = \(s.ports.rabbitmqDistribution)
            distribution.listener.port_range.max = \(s.ports.rabbitmqDistribution)
            default_user = openstack
            default_pass = \(s.secrets.rabbitmqPassword)
            default_vhost = /
            default_permissions.configure = .*
            default_permissions.read = .*
            default_permissions.write = .*
            loopback_users = none
            log.console = true
            log.file = false

            """, mode: 0o600)
    }

    func rabbitmqPlugins() -> RenderedFile {
        RenderedFile(path: "etc/rabbitmq/enabled_plugins", contents: "[].\n")
    }

    /// Read by rabbitmq-server instead of /etc/rabbitmq/rabbitmq-env.conf, so the system's settings never leak in.
    func rabbitmqEnvironment() -> RenderedFile {
        RenderedFile(path: "etc/rabbitmq/rabbitmq-env.conf", contents: "# Bojagi lab: the environment comes from `bojagi lab up`.\n")
    }

    /// The variables every RabbitMQ command of this lab (server and rabbitmqctl) needs.
    public var rabbitmqEnvironmentVariables: [String: String] {
        let s = settings
        return [
            "HOME": s.path("data/rabbitmq"),
            "ERL_EPMD_PORT": "\(s.ports.epmd)",
            "RABBITMQ_NODENAME": s.rabbitNode,
            "RABBITMQ_NODE_IP_ADDRESS": "127.0.0.1",
            "RABBITMQ_NODE_PORT": "\(s.ports.rabbitmq)",
            "RABBITMQ_DIST_PORT": "\(s.ports.rabbitmqDistribution)",
            "RABBITMQ_CONFIG_FILE": s.path("etc/rabbitmq/rabbitmq.conf"),
            "RABBITMQ_CONF_ENV_FILE": s.path("etc/rabbitmq/rabbitmq-env.conf"),
            "RABBITMQ_ENABLED_PLUGINS_FILE": s.path("etc/rabbitmq/enabled_plugins"),
            "RABBITMQ_MNESIA_BASE": s.path("data/rabbitmq/mnesia"),
            "RABBITMQ_LOG_BASE": s.path("logs/rabbitmq"),
            "RABBITMQ_PID_FILE": s.path("run/rabbitmq.pid"),
            "RABBITMQ_ADVANCED_CONFIG_FILE": s.path("etc/rabbitmq/advanced.config"),
        ]
    }
}
