import Foundation

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

    public init(name: String, release: String, home: String, venv: String, ports: LabPorts, components: [LabComponent],
                secrets: LabSecrets, user: String) {
        self.name = name
        self.release = release
        self.home = home
        self.venv = venv
        self.ports = ports
        self.components = components
        self.secrets = secrets
        self.user = user
    }

    public func path(_ relative: String) -> String { home + "/" + relative }
    public var host: String { "127.0.0.1" }
    public var region: String { "RegionOne" }
    public var keystoneURL: String { "http://\(host):\(ports.keystone)" }
    public var rabbitNode: String { "bojagi\(ports.offset)@localhost" }
    public var transportURL: String { "rabbit://openstack:\(secrets.rabbitmqPassword)@\(host):\(ports.rabbitmq)/" }
    public var mariadbSocket: String { path("run/mysqld.sock") }

    public func runs(_ component: LabComponent) -> Bool { components.contains(component) }

    public func databaseURL(_ component: LabComponent, database: String? = nil) -> String {
        "mysql+pymysql://\(component.rawValue):\(secrets.database[component.rawValue] ?? "")@\(host):\(ports.mariadb)/\(database ?? component.rawValue)?charset=utf8"
    }

    /// The databases each service owns (nova has three).
    public func databases(_ component: LabComponent) -> [String] {
        switch component {
        case .nova: ["nova", "nova_api", "nova_cell0"]
        case .horizon: []
        default: [component.rawValue]
        }
    }

    public func apiURL(_ component: LabComponent) -> String { "http://\(host):\(ports.api(component))" }
}
