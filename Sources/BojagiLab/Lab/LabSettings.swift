import Foundation
import BojagiCore
import BojagiOpenStack

/// Everything the lab's config generators need, as plain values: same settings ⇒ same bytes.
public struct LabSettings: Sendable, Hashable {
    public var name: String
    public var release: String
    /// Absolute path of the lab home.
    public var home: String
    /// Absolute path of the virtual environment with the OpenStack services.
    public var venv: String
    public var ports: LabPorts
    public var components: [LabComponent]
    public var secrets: LabSecrets
    /// The operating-system user the lab runs as: MariaDB's socket-authenticated admin.
    public var user: String
    /// Where the services listen and find each other.
    public var network: LabNetwork
    /// What every node must see alike (Glance's image files, Horizon's static files); the lab home when nil.
    public var shared: String?
    /// The lab's Ceph when the blueprint has one: Cinder and Glance on RBD. nil: Cinder's fake driver, Glance on files.
    public var ceph: LabCephSettings?

    public init(name: String, release: String, home: String, venv: String, ports: LabPorts, components: [LabComponent],
                secrets: LabSecrets, user: String, network: LabNetwork? = nil, shared: String? = nil, ceph: LabCephSettings? = nil) {
        self.name = name
        self.release = release
        self.home = home
        self.venv = venv
        self.ports = ports
        self.components = components
        self.secrets = secrets
        self.user = user
        self.network = network ?? .loopback(ports)
        self.shared = shared
        self.ceph = ceph
    }

    /// Whether the lab's release is `release` or later (numeric ids: 2025.2 < 2026.1): where a service's options
    /// changed between the releases the lab runs.
    public func runsRelease(atLeast release: String) -> Bool {
        self.release.compare(release, options: .numeric) != .orderedAscending
    }

    /// The lab's external network (TEST-NET-3: documentation addresses, never routed) and default subnet pool.
    public static let externalCIDR = "203.0.113.0/24"
    public static let subnetPoolPrefix = "172.31.0.0/16"

    public func path(_ relative: String) -> String { home + "/" + relative }
    public func sharedPath(_ relative: String) -> String { (shared ?? home) + "/" + relative }
    /// The address this node's services listen on.
    public var host: String { network.bind }
    public var region: String { "RegionOne" }
    public var keystoneURL: String { "http://\(network.endpointHost):\(ports.keystone)" }
    public var rabbitNode: String { "bojagi\(ports.offset)@localhost" }
    /// Every RabbitMQ node: oslo.messaging fails over along the list.
    public var transportURL: String {
        "rabbit://" + network.rabbitmq.map { "\(network.rabbitmqUser):\(secrets.rabbitmqPassword)@\($0)" }.joined(separator: ",") + "/"
    }
    public var memcachedServers: String { network.memcached.joined(separator: ",") }
    public var mariadbSocket: String { path("run/mysqld.sock") }

    public func runs(_ component: LabComponent) -> Bool { components.contains(component) }

    public func databaseURL(_ component: LabComponent, database: String? = nil) -> String {
        "mysql+pymysql://\(component.rawValue):\(secrets.database[component.rawValue] ?? "")@\(network.database)/\(database ?? component.rawValue)?charset=utf8"
    }

    /// The databases each service owns (nova has three).
    public func databases(_ component: LabComponent) -> [String] {
        switch component {
        case .nova: ["nova", "nova_api", "nova_cell0"]
        case .horizon: []
        default: [component.rawValue]
        }
    }

    /// The URL in the catalog: the VIP in the HA lab.
    public func apiURL(_ component: LabComponent) -> String { "http://\(network.endpointHost):\(ports.api(component))" }
    /// This node's own listener, for health checks.
    public func localURL(_ component: LabComponent) -> String { "http://\(host):\(ports.api(component))" }
}

/// Where the lab's services listen and how they find each other: everything on loopback in the single-node lab;
/// in the HA lab each controller's APIs listen on its own address, while the catalog, the database and Keystone
/// are reached through the VIP and every RabbitMQ and memcached node is listed.
public struct LabNetwork: Sendable, Hashable {
    /// The APIs of this node listen here.
    public var bind: String
    /// The host in the service catalog, Keystone's URL and clouds.yaml.
    public var endpointHost: String
    /// host:port of MariaDB.
    public var database: String
    /// host:port of each RabbitMQ node.
    public var rabbitmq: [String]
    public var rabbitmqUser: String
    /// host:port of each memcached.
    public var memcached: [String]
    /// The `host` option of nova, neutron, cinder and heat: how the services tell this node from the others.
    public var hostName: String
    /// The hosts the service database users may connect from.
    public var databaseClients: [String]

    public init(bind: String, endpointHost: String, database: String, rabbitmq: [String], rabbitmqUser: String,
                memcached: [String], hostName: String, databaseClients: [String]) {
        self.bind = bind
        self.endpointHost = endpointHost
        self.database = database
        self.rabbitmq = rabbitmq
        self.rabbitmqUser = rabbitmqUser
        self.memcached = memcached
        self.hostName = hostName
        self.databaseClients = databaseClients
    }

    public static func loopback(_ ports: LabPorts) -> LabNetwork {
        LabNetwork(bind: "127.0.0.1", endpointHost: "127.0.0.1", database: "127.0.0.1:\(ports.mariadb)",
                   rabbitmq: ["127.0.0.1:\(ports.rabbitmq)"], rabbitmqUser: "openstack", memcached: ["127.0.0.1:\(ports.memcached)"],
                   hostName: "bojagi-lab", databaseClients: ["127.0.0.1", "localhost"])
    }
}
