/// One controller of the HA lab: a network namespace with its own address on the lab bridge.
public struct HALabNode: Sendable, Hashable, Codable, Comparable {
    /// 1, 2, 3: the first node bootstraps Galera and is the database frontend's active server.
    public let index: Int
    public let address: String

    public init(index: Int, address: String) {
        self.index = index
        self.address = address
    }

    public var name: String { "ctl\(index)" }
    public var namespace: String { "bjctl\(index)" }
    public var rabbitNode: String { "rabbit@\(address)" }

    public static func < (lhs: HALabNode, rhs: HALabNode) -> Bool { lhs.index < rhs.index }
}

/// The HA lab's network: controller namespaces joined by a bridge in a hub namespace, the VIP keepalived moves
/// between them, and a veth from the host into the bridge so the host (and `bojagi drill`) reaches the VIP.
public struct HALabTopology: Sendable, Hashable {
    public var nodes: [HALabNode]
    public var vip: String
    public var prefixLength: Int
    public var hubNamespace: String
    public var bridge: String
    /// The controller end of each veth, inside its namespace; VRRP runs on it.
    public var nodeInterface: String
    public var hostInterface: String
    public var hostAddress: String
    public var virtualRouterID: Int
    public var ports: Ports

    public struct Ports: Sendable, Hashable {
        public var mariadb = 3306
        public var rabbitmq = 5672
        public var rabbitmqDistribution = 25672
        /// Each namespace has its own loopback, but an epmd port of our own keeps clear of any host epmd all the same.
        public var epmd = 4371
        public var memcached = 11211
        public var keystone = 5000
        /// HAProxy's monitor-uri on each node's own address; keepalived's track script probes it.
        public var haproxyMonitor = 1984
        public init() {}
    }

    public init(nodes: [HALabNode], vip: String, prefixLength: Int = 24, hubNamespace: String = "bjhub", bridge: String = "bjbr",
                nodeInterface: String = "bjbr0", hostInterface: String = "bjhost", hostAddress: String,
                virtualRouterID: Int = 51, ports: Ports = Ports()) {
        self.nodes = nodes
        self.vip = vip
        self.prefixLength = prefixLength
        self.hubNamespace = hubNamespace
        self.bridge = bridge
        self.nodeInterface = nodeInterface
        self.hostInterface = hostInterface
        self.hostAddress = hostAddress
        self.virtualRouterID = virtualRouterID
        self.ports = ports
    }

    /// bjctl1..3 at 10.99.0.11–13/24, VIP 10.99.0.10, the host at 10.99.0.1.
    public static let standard = HALabTopology(
        nodes: (1...3).map { HALabNode(index: $0, address: "10.99.0.1\($0)") },
        vip: "10.99.0.10", hostAddress: "10.99.0.1"
    )

    public var namespaces: [String] { nodes.map(\.namespace) + [hubNamespace] }
    public var keystoneURL: String { "http://\(vip):\(ports.keystone)/v3" }
    public var rabbitHosts: String { nodes.map { "\($0.address):\(ports.rabbitmq)" }.joined(separator: ",") }

    public func node(_ index: Int) -> HALabNode? { nodes.first { $0.index == index } }

    /// The hub-side end of node's veth (interface names are per namespace, so only the hub side needs a number).
    func hubPort(_ node: HALabNode) -> String { "bjv\(node.index)" }
    var hostPeer: String { "bjhostp" }
}
