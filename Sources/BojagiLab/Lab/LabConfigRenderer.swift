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

    // MARK: OpenStack services

    func authtoken(_ user: String) -> [(String, String)] {
        let s = settings
        return [
            ("www_authenticate_uri", s.keystoneURL),
            ("auth_url", s.keystoneURL),
            ("memcached_servers", s.memcachedServers),
            ("auth_type", "password"),
            ("project_domain_name", "Default"),
            ("user_domain_name", "Default"),
            ("project_name", "service"),
            ("username", user),
            ("password", s.secrets.service[user] ?? ""),
            ("service_token_roles_required", "true"),
            ("region_name", s.region),
        ]
    }

    /// Credentials of `user` for calling another service (nova → neutron/placement/cinder, neutron → nova).
    func serviceCredentials(_ user: String) -> [(String, String)] {
        let s = settings
        return [
            ("auth_url", s.keystoneURL),
            ("auth_type", "password"),
            ("project_domain_name", "Default"),
            ("user_domain_name", "Default"),
            ("project_name", "service"),
            ("username", user),
            ("password", s.secrets.service[user] ?? ""),
            ("region_name", s.region),
        ]
    }

    func lockPath(_ component: LabComponent) -> (String, [(String, String)]) {
        ("oslo_concurrency", [("lock_path", settings.path("run/lock/\(component.rawValue)"))])
    }

    func defaults(_ component: LabComponent) -> [(String, String)] {
        [("host", settings.network.hostName), ("debug", "false"), ("use_stderr", "true"), ("graceful_shutdown_timeout", "5"), ("state_path", settings.path("data/\(component.rawValue)"))]
    }

    public func config(_ component: LabComponent) -> [RenderedFile] {
        let s = settings
        let header = "# Bojagi lab \(s.name) (\(s.release)): rendered by `bojagi lab up`; changes are overwritten.\n"
        func file(_ path: String, _ ini: INIFile) -> RenderedFile {
            RenderedFile(path: path, contents: header + ini.text, mode: 0o600)
        }
        switch component {
        case .keystone:
            return [file("etc/keystone/keystone.conf", INIFile([
                ("DEFAULT", [("debug", "false"), ("use_stderr", "true")]),
                ("cache", [("enabled", "true"), ("backend", "dogpile.cache.pymemcache"),
                           ("memcache_servers", s.memcachedServers)]),
                ("credential", [("key_repository", s.path("etc/keystone/credential-keys"))]),
                ("database", [("connection", s.databaseURL(.keystone))]),
                ("fernet_tokens", [("key_repository", s.path("etc/keystone/fernet-keys"))]),
                ("token", [("provider", "fernet")]),
            ]))]
        case .glance:
            return [file("etc/glance/glance-api.conf", INIFile([
                ("DEFAULT", [("debug", "false"), ("use_stderr", "true"), ("enabled_backends", "file:file"),
                             ("image_cache_dir", s.path("data/glance/cache"))]),
                ("database", [("connection", s.databaseURL(.glance))]),
                ("file", [("filesystem_store_datadir", s.sharedPath("data/glance/images"))]),
                ("glance_store", [("default_backend", "file")]),
                ("keystone_authtoken", authtoken("glance")),
                lockPath(.glance),
                ("os_glance_staging_store", [("filesystem_store_datadir", s.path("data/glance/staging"))]),
                ("os_glance_tasks_store", [("filesystem_store_datadir", s.path("data/glance/tasks"))]),
                ("paste_deploy", [("flavor", "keystone"), ("config_file", s.venv + "/etc/glance/glance-api-paste.ini")]),
            ]))]
        case .placement:
            return [file("etc/placement/placement.conf", INIFile([
                ("DEFAULT", [("debug", "false"), ("use_stderr", "true")]),
                ("api", [("auth_strategy", "keystone")]),
                ("keystone_authtoken", authtoken("placement")),
                ("placement_database", [("connection", s.databaseURL(.placement))]),
            ]))]
        case .nova:
            return [file("etc/nova/nova.conf", INIFile([
                ("DEFAULT", defaults(.nova) + [
                    ("transport_url", s.transportURL),
                    // No real VMs: nova's fake virt driver pretends to boot servers. This variant keeps a node
                    // identity in state_path/compute_id like a real driver; plain FakeDriver writes none, and
                    // nova-compute then refuses to start a second time ("No local node identity found").
                    ("compute_driver", "fake.FakeDriverWithoutFakeNodes"),
                    ("instances_path", s.path("data/nova/instances")),
                    ("my_ip", s.host),
                ]),
                ("api", [("auth_strategy", "keystone")]),
                ("api_database", [("connection", s.databaseURL(.nova, database: "nova_api"))]),
                ("cinder", [("os_region_name", s.region)]),
                // One worker each (the default is one per core): the HA lab runs three of each on two cores.
                ("conductor", [("workers", "1")]),
                ("database", [("connection", s.databaseURL(.nova))]),
                ("glance", [("region_name", s.region)]),
                ("keystone_authtoken", authtoken("nova")),
                ("neutron", serviceCredentials("nova")),
                lockPath(.nova),
                ("oslo_messaging_notifications", [("driver", "noop")]),
                ("placement", serviceCredentials("nova")),
                ("scheduler", [("discover_hosts_in_cells_interval", "5"), ("workers", "1")]),
                ("service_user", [("send_service_user_token", "true")] + serviceCredentials("nova")),
                ("vnc", [("enabled", "false")]),
                ("wsgi", [("api_paste_config", s.venv + "/etc/nova/api-paste.ini")]),
            ]))]
        case .neutron:
            return [
                file("etc/neutron/neutron.conf", INIFile([
                    ("DEFAULT", defaults(.neutron) + [
                        ("transport_url", s.transportURL),
                        ("core_plugin", "ml2"),
                        ("service_plugins", "router"),
                        ("auth_strategy", "keystone"),
                        ("api_paste_config", s.venv + "/etc/neutron/api-paste.ini"),
                        ("notify_nova_on_port_status_changes", s.runs(.nova) ? "true" : "false"),
                        ("notify_nova_on_port_data_changes", s.runs(.nova) ? "true" : "false"),
                    ]),
                    ("database", [("connection", s.databaseURL(.neutron))]),
                    ("keystone_authtoken", authtoken("neutron")),
                    ("nova", serviceCredentials("neutron")),
                    lockPath(.neutron),
                ])),
                file("etc/neutron/ml2_conf.ini", INIFile([
                    // No agents in the lab: Bojagi's driver binds every port (see scripts/lab/ml2-bind-all).
                    ("ml2", [("type_drivers", "flat,vlan,vxlan"), ("tenant_network_types", "vxlan"),
                             ("mechanism_drivers", "bojagi_bind_all"), ("extension_drivers", "port_security")]),
                    ("ml2_type_flat", [("flat_networks", "physnet1")]),
                    ("ml2_type_vlan", [("network_vlan_ranges", "physnet1:100:199")]),
                    ("ml2_type_vxlan", [("vni_ranges", "1:1000")]),
                ])),
            ]
        case .cinder:
            return [file("etc/cinder/cinder.conf", INIFile([
                ("DEFAULT", defaults(.cinder) + [
                    ("transport_url", s.transportURL),
                    ("auth_strategy", "keystone"),
                    ("api_paste_config", s.venv + "/etc/cinder/api-paste.ini"),
                    ("enabled_backends", "fake"),
                    ("default_volume_type", "__DEFAULT__"),
                    ("my_ip", s.host),
                    // The scheduler knows no backend until cinder-volume's first capability report: send it at
                    // once instead of after up to a minute of random delay.
                    ("periodic_fuzzy_delay", "0"),
                ]),
                ("database", [("connection", s.databaseURL(.cinder))]),
                // No disks: cinder's fake driver keeps volumes as database rows.
                ("fake", [("volume_driver", "cinder.tests.fake_driver.FakeLoggingVolumeDriver"),
                          ("volume_backend_name", "fake"), ("target_helper", "fake")]),
                ("keystone_authtoken", authtoken("cinder")),
                ("nova", serviceCredentials("cinder")),
                lockPath(.cinder),
                ("oslo_messaging_notifications", [("driver", "noop")]),
            ]))]
        case .heat:
            return [file("etc/heat/heat.conf", INIFile([
                ("DEFAULT", defaults(.heat) + [
                    ("transport_url", s.transportURL),
                    ("heat_metadata_server_url", s.apiURL(.heat)),
                    ("heat_waitcondition_server_url", s.apiURL(.heat) + "/v1/waitcondition"),
                    ("stack_domain_admin", "heat_domain_admin"),
                    ("stack_domain_admin_password", s.secrets.service["heat_domain_admin"] ?? ""),
                    ("stack_user_domain_name", "heat"),
                    ("num_engine_workers", "1"),
                ]),
                ("clients_keystone", [("auth_uri", s.keystoneURL)]),
                ("database", [("connection", s.databaseURL(.heat))]),
                ("keystone_authtoken", authtoken("heat")),
                lockPath(.heat),
                ("oslo_messaging_notifications", [("driver", "noop")]),
                ("paste_deploy", [("api_paste_config", s.venv + "/etc/heat/api-paste.ini")]),
                ("trustee", [("auth_type", "password"), ("auth_url", s.keystoneURL), ("username", "heat"),
                             ("password", s.secrets.service["heat"] ?? ""), ("user_domain_name", "Default")]),
            ]))]
        case .horizon:
            return [
                RenderedFile(path: "etc/horizon/local/__init__.py", contents: ""),
                RenderedFile(path: "etc/horizon/local/local_settings.py", contents: horizonSettings(), mode: 0o600),
            ]
        }
    }

    /// Django's cache LOCATION: one server as a string, several as a list.
    var memcachedLocation: String {
        let servers = settings.network.memcached.map { "'\($0)'" }
        return servers.count == 1 ? servers[0] : "[" + servers.joined(separator: ", ") + "]"
    }

    func horizonSettings() -> String {
        let s = settings
        return """
            # Bojagi lab \(s.name): Horizon's local settings. Found as `local.local_settings` through PYTHONPATH,
            # so the shared virtual environment is never edited.
            DEBUG = False
            ALLOWED_HOSTS = ['*']
            SECRET_KEY = '\(s.secrets.horizonSecretKey)'
            OPENSTACK_HOST = '\(s.network.endpointHost)'
            OPENSTACK_KEYSTONE_URL = '\(s.keystoneURL)/v3'
            OPENSTACK_KEYSTONE_DEFAULT_ROLE = 'member'
            OPENSTACK_KEYSTONE_DEFAULT_DOMAIN = 'Default'
            OPENSTACK_KEYSTONE_MULTIDOMAIN_SUPPORT = False
            SESSION_ENGINE = 'django.contrib.sessions.backends.cache'
            CACHES = {
                'default': {
                    'BACKEND': 'django.core.cache.backends.memcached.PyMemcacheCache',
                    'LOCATION': \(memcachedLocation),
                },
            }
            STATIC_ROOT = '\(s.sharedPath("data/horizon/static"))'
            STATIC_URL = '/static/'
            COMPRESS_OFFLINE = False
            OPENSTACK_NEUTRON_NETWORK = {'enable_router': True, 'enable_quotas': True, 'enable_fip_topology_check': False}
            TIME_ZONE = 'UTC'

            """
    }

    /// uwsgi for each WSGI API: its own loopback port, `Connection: close` (without it clients see resets).
    public func uwsgi(_ component: LabComponent) -> RenderedFile? {
        let s = settings
        let module: String
        var env: [String] = []
        var pyargv: String?
        var extra: [String] = []
        let etc = s.path("etc/\(component.rawValue)")
        switch component {
        case .keystone:
            module = "keystone.wsgi.api:application"
            env = ["OS_KEYSTONE_CONFIG_DIR=\(etc)", "OS_KEYSTONE_CONFIG_FILES=keystone.conf"]
        case .glance:
            module = "glance.wsgi.api:application"
            env = ["OS_GLANCE_CONFIG_DIR=\(etc)"]
        case .placement:
            module = "placement.wsgi.api:application"
            env = ["OS_PLACEMENT_CONFIG_DIR=\(etc)"]
        case .nova:
            module = "nova.wsgi.osapi_compute:application"
            // nova takes the first file as its paste configuration.
            env = ["OS_NOVA_CONFIG_DIR=\(etc)", "OS_NOVA_CONFIG_FILES=\(s.venv)/etc/nova/api-paste.ini;nova.conf"]
        case .neutron:
            module = "neutron.wsgi.api:application"
            env = ["OS_NEUTRON_CONFIG_DIR=\(etc)", "OS_NEUTRON_CONFIG_FILES=neutron.conf;ml2_conf.ini"]
        case .cinder:
            module = "cinder.wsgi.api:application"
            pyargv = "--config-file \(etc)/cinder.conf"
        case .heat:
            module = "heat.wsgi.api:application"
            pyargv = "--config-file \(etc)/heat.conf"
        case .horizon:
            module = "openstack_dashboard.wsgi:application"
            extra = ["pythonpath = \(etc)", "static-map = /static=\(s.sharedPath("data/horizon/static"))"]
        }
        var lines = [
            "[uwsgi]",
            "http-socket = \(s.host):\(s.ports.api(component))",
            "module = \(module)",
            "virtualenv = \(s.venv)",
            "master = true",
            "processes = \(component == .keystone ? 2 : 1)",
            "threads = 4",
            "enable-threads = true",
            "lazy-apps = true",
            "need-app = true",
            "die-on-term = true",
            "buffer-size = 65535",
            "add-header = Connection: close",
            "procname-prefix-spaced = bojagi-lab-\(component.rawValue)",
        ]
        lines += env.map { "env = \($0)" }
        if let pyargv { lines.append("pyargv = \(pyargv)") }
        lines += extra
        return RenderedFile(path: "etc/uwsgi/\(component.rawValue).ini",
                            contents: "# Bojagi lab \(s.name): \(component.rawValue) API under uwsgi.\n" + lines.joined(separator: "\n") + "\n")
    }

    // MARK: access

    public func cloudsYAML() -> RenderedFile {
        let s = settings
        return RenderedFile(path: "clouds.yaml", contents: """
            # Bojagi lab \(s.name): the admin of the lab cloud. export OS_CLIENT_CONFIG_FILE=\(s.path("clouds.yaml")) OS_CLOUD=bojagi-lab
            clouds:
              bojagi-lab:
                auth:
                  auth_url: \(s.keystoneURL)/v3
                  username: admin
                  password: \(s.secrets.adminPassword)
                  project_name: admin
                  user_domain_name: Default
                  project_domain_name: Default
                region_name: \(s.region)
                identity_api_version: 3
                interface: public

            """, mode: 0o600)
    }

    public func openrc() -> RenderedFile {
        let s = settings
        return RenderedFile(path: "openrc", contents: """
            # Bojagi lab \(s.name): source this file for the admin of the lab cloud.
            export OS_AUTH_URL=\(s.keystoneURL)/v3
            export OS_USERNAME=admin
            export OS_PASSWORD=\(s.secrets.adminPassword)
            export OS_PROJECT_NAME=admin
            export OS_USER_DOMAIN_NAME=Default
            export OS_PROJECT_DOMAIN_NAME=Default
            export OS_REGION_NAME=\(s.region)
            export OS_IDENTITY_API_VERSION=3
            export OS_INTERFACE=public

            """, mode: 0o600)
    }
}
