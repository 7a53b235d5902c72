import BojagiCore
import BojagiOpenStack
/// One long-running process of the lab, as `lab up` starts it.
public struct LabProcessSpec: Sendable, Hashable {
    public enum Health: Sendable, Hashable {
        case http(String)
        case tcp(Int)
        case alive
    }

    public let name: String
    public let command: [String]
    public let environment: [String: String]
    public let health: Health
    /// Seconds to wait for the health check.
    public let timeout: Int

    public var port: Int? {
        switch health {
        case .tcp(let port): port
        case .http(let url): url.split(separator: ":").last.flatMap { Int($0.split(separator: "/").first ?? "") }
        case .alive: nil
        }
    }

    public var healthURL: String? {
        switch health {
        case .http(let url): url
        case .tcp(let port): "tcp://127.0.0.1:\(port)"
        case .alive: nil
        }
    }
}

extension LabConfigRenderer {
    /// The SQL that creates each service's databases and user (0600: it holds their passwords). Idempotent.
    func databasesSQL() -> RenderedFile {
        let s = settings
        var lines: [String] = []
        for component in s.components where component.hasDatabase {
            let user = component.rawValue
            let password = s.secrets.database[user] ?? ""
            for host in s.network.databaseClients {
                lines.append("CREATE USER IF NOT EXISTS '\(user)'@'\(host)' IDENTIFIED BY '\(password)';")
                lines.append("ALTER USER '\(user)'@'\(host)' IDENTIFIED BY '\(password)';")
            }
            for database in s.databases(component) {
                lines.append("CREATE DATABASE IF NOT EXISTS `\(database)` CHARACTER SET utf8mb4;")
                for host in s.network.databaseClients {
                    lines.append("GRANT ALL PRIVILEGES ON `\(database)`.* TO '\(user)'@'\(host)';")
                }
            }
        }
        lines.append("FLUSH PRIVILEGES;")
        return RenderedFile(path: "etc/mariadb/databases.sql", contents: lines.joined(separator: "\n") + "\n", mode: 0o600)
    }

    /// MariaDB, epmd, RabbitMQ and memcached, in start order.
    public func infrastructureProcesses() -> [LabProcessSpec] {
        let s = settings
        var memcached = ["memcached", "-l", "127.0.0.1", "-p", "\(s.ports.memcached)", "-U", "0", "-m", "64", "-c", "4096"]
        if s.user == "root" { memcached += ["-u", "root"] }
        return [
            LabProcessSpec(name: "mariadb", command: ["mariadbd", "--defaults-file=\(s.path("etc/mariadb/my.cnf"))"],
                           environment: [:], health: .tcp(s.ports.mariadb), timeout: 60),
            LabProcessSpec(name: "epmd", command: ["epmd", "-port", "\(s.ports.epmd)", "-address", "127.0.0.1"],
                           environment: [:], health: .tcp(s.ports.epmd), timeout: 20),
            LabProcessSpec(name: "rabbitmq", command: ["/usr/lib/rabbitmq/bin/rabbitmq-server"],
                           environment: rabbitmqEnvironmentVariables, health: .tcp(s.ports.rabbitmq), timeout: 120),
            LabProcessSpec(name: "memcached", command: memcached, environment: [:], health: .tcp(s.ports.memcached), timeout: 20),
        ]
    }

    /// The API of a service under uwsgi.
    public func apiProcess(_ component: LabComponent) -> LabProcessSpec {
        let s = settings
        return LabProcessSpec(name: "\(component.rawValue)-api", command: [s.venv + "/bin/uwsgi", "--ini", s.path("etc/uwsgi/\(component.rawValue).ini")],
                              environment: component == .horizon ? ["PYTHONPATH": s.path("etc/horizon")] : [:],
                              health: .http(s.localURL(component) + component.healthPath), timeout: 180)
    }

    /// The daemons beside a service's API.
    public func daemonProcesses(_ component: LabComponent) -> [LabProcessSpec] {
        let s = settings
        func daemon(_ binary: String, _ config: String) -> LabProcessSpec {
            LabProcessSpec(name: binary, command: [s.venv + "/bin/" + binary, "--config-file", s.path("etc/\(component.rawValue)/\(config)")],
                           environment: [:], health: .alive, timeout: 0)
        }
        switch component {
        case .nova: return [daemon("nova-conductor", "nova.conf"), daemon("nova-scheduler", "nova.conf"), daemon("nova-compute", "nova-compute.conf")]
        case .cinder:
            // cinder-backup only with Ceph: it backs up to the backup pool; the fake driver has nothing to back up.
            let volume = [daemon("cinder-volume", "cinder.conf")] + (s.ceph?.backupsPool == nil ? [] : [daemon("cinder-backup", "cinder.conf")])
            return [daemon("cinder-scheduler", "cinder.conf")] + volume.map(seesLabKeyrings)
        case .heat: return [daemon("heat-engine", "heat.conf")]
        default: return []
        }
    }

    /// With Ceph, os-brick (cinder-backup reading a volume, cinder-volume migrating one) reads client.cinder's
    /// keyring from /etc/ceph/ceph.client.cinder.keyring only (OSSN-0085): as root, such a daemon runs in a mount
    /// namespace of its own where the lab's etc/ceph is bound over /etc/ceph, so nothing is written there.
    /// `unshare` and `sh` exec in place: the recorded PID is the daemon's.
    func seesLabKeyrings(_ spec: LabProcessSpec) -> LabProcessSpec {
        guard settings.ceph != nil, settings.user == "root" else { return spec }
        let bind = #"mount --bind "$0" /etc/ceph || { echo "the lab binds its Ceph keyrings over /etc/ceph (from ceph-common): it must exist" >&2; exit 1; }; exec "$@""#
        return LabProcessSpec(name: spec.name, command: ["unshare", "--mount", "--propagation", "private", "/bin/sh", "-c", bind, settings.path("etc/ceph")] + spec.command,
                              environment: spec.environment, health: spec.health, timeout: spec.timeout)
    }

    /// One-shot commands that prepare a service's database (and keys), in order. Each is idempotent.
    public func preparation(_ component: LabComponent) -> [(step: String, command: [String])] {
        let s = settings
        let bin = s.venv + "/bin/"
        let etc = s.path("etc/\(component.rawValue)")
        switch component {
        case .keystone:
            let conf = ["--config-file", etc + "/keystone.conf"]
            return [
                ("keystone fernet keys", [bin + "keystone-manage"] + conf + ["fernet_setup", "--keystone-user", s.user, "--keystone-group", s.user]),
                ("keystone credential keys", [bin + "keystone-manage"] + conf + ["credential_setup", "--keystone-user", s.user, "--keystone-group", s.user]),
                ("keystone db sync", [bin + "keystone-manage"] + conf + ["db_sync"]),
                // A warm cache from an earlier database breaks bootstrap.
                ("flush memcached", [bin + "python", "-c", "from pymemcache.client.base import Client; Client(('127.0.0.1', \(s.ports.memcached))).flush_all()"]),
                ("keystone bootstrap", [bin + "keystone-manage"] + conf + ["bootstrap"] + [
                    "--bootstrap-admin-url", s.keystoneURL + "/v3", "--bootstrap-internal-url", s.keystoneURL + "/v3",
                    "--bootstrap-public-url", s.keystoneURL + "/v3", "--bootstrap-region-id", s.region]),
            ]
        case .glance:
            return [("glance db sync", [bin + "glance-manage", "--config-file", etc + "/glance-api.conf", "db_sync"]),
                    // The image metadata definitions Glance ships (its metadefs API answers empty without them).
                    ("glance metadefs", [bin + "glance-manage", "--config-file", etc + "/glance-api.conf", "db_load_metadefs",
                                         s.venv + "/etc/glance/metadefs"])]
        case .placement:
            return [("placement db sync", [bin + "placement-manage", "--config-file", etc + "/placement.conf", "db", "sync"])]
        case .nova:
            let conf = ["--config-file", etc + "/nova.conf"]
            return [
                ("nova api db sync", [bin + "nova-manage"] + conf + ["api_db", "sync"]),
                ("nova cell0", [bin + "nova-manage"] + conf + ["cell_v2", "map_cell0", "--database_connection", s.databaseURL(.nova, database: "nova_cell0")]),
                ("nova cell1", ["/bin/sh", "-c", "\"$0\" \"$@\" list_cells | grep -q ' cell1 ' || \"$0\" \"$@\" create_cell --name cell1", bin + "nova-manage"] + conf + ["cell_v2"]),
                ("nova db sync", [bin + "nova-manage"] + conf + ["db", "sync"]),
            ]
        case .neutron:
            return [("neutron db sync", [bin + "neutron-db-manage", "--config-file", etc + "/neutron.conf", "--config-file", etc + "/ml2_conf.ini", "upgrade", "heads"])]
        case .cinder:
            return [("cinder db sync", [bin + "cinder-manage", "--config-file", etc + "/cinder.conf", "db", "sync"])]
        case .heat:
            return [("heat db sync", [bin + "heat-manage", "--config-file", etc + "/heat.conf", "db_sync"])]
        case .horizon:
            return [("horizon static files", [bin + "django-admin", "collectstatic", "--noinput", "--clear", "-v0", "--settings", "openstack_dashboard.settings", "--pythonpath", etc])]
        }
    }
}
