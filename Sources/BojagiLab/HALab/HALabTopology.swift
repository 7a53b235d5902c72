import BojagiCore
import BojagiOpenStack
/// One host of the HA lab: a network namespace with its own address on the lab bridge.
public struct HALabNode: Sendable, Hashable, Codable, Comparable {
    /// Controllers run the clusters and every API; the compute node runs nova-compute and cinder-volume; storage
    /// nodes (only with the blueprint's Ceph) run its OSDs.
    public enum Role: String, Sendable, Hashable, Codable {
        case controller, compute, storage
    }

    /// 1, 2, 3: the first controller bootstraps Galera and is the database frontend's active server.
    public let index: Int
    public let address: String
    public let role: Role

    public init(index: Int, address: String, role: Role = .controller) {
        self.index = index
        self.address = address
        self.role = role
    }

    public var name: String {
        switch role {
        case .controller: "ctl\(index)"
        case .compute: "cmp\(index)"
        case .storage: "sto\(index)"
        }
    }
    public var namespace: String { "bj\(name)" }
    public var rabbitNode: String { "rabbit@\(address)" }

    public static func < (lhs: HALabNode, rhs: HALabNode) -> Bool {
        lhs.role == rhs.role ? lhs.index < rhs.index : lhs.role.order < rhs.role.order
    }
}

extension HALabNode.Role {
    var order: Int {
        switch self {
        case .controller: 0
        case .compute: 1
        case .storage: 2
        }
    }
}

/// The HA lab's network: controller namespaces joined by a bridge in a hub namespace, the VIP keepalived moves
/// between them, and a veth from the host into the bridge so the host (and `bojagi drill`) reaches the VIP.
public struct HALabTopology: Sendable, Hashable {
    /// The controllers.
    public var nodes: [HALabNode]
    /// Compute (and volume) hosts: no cluster member, no load balancer; they reach everything through the VIP.
    public var computes: [HALabNode]
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

        /// Each API's usual port (Glance 9292, Nova 8774, …, Horizon 80): every namespace has its own addresses.
        public func api(_ component: LabComponent) -> Int {
            component == .keystone ? keystone : LabPorts(offset: 0).api(component)
        }
    }

    public init(nodes: [HALabNode], computes: [HALabNode] = [], vip: String, prefixLength: Int = 24, hubNamespace: String = "bjhub", bridge: String = "bjbr",
                nodeInterface: String = "bjbr0", hostInterface: String = "bjhost", hostAddress: String,
                virtualRouterID: Int = 51, ports: Ports = Ports()) {
        self.nodes = nodes
        self.computes = computes
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

    /// bjctl1..3 at 10.99.0.11–13/24, the compute node bjcmp1 at 10.99.0.21, VIP 10.99.0.10, the host at 10.99.0.1.
    public static let standard = HALabTopology(
        nodes: (1...3).map { HALabNode(index: $0, address: "10.99.0.1\($0)") },
        computes: [HALabNode(index: 1, address: "10.99.0.21", role: .compute)],
        vip: "10.99.0.10", hostAddress: "10.99.0.1"
    )

    public var allNodes: [HALabNode] { nodes + computes }
    public var namespaces: [String] { allNodes.map(\.namespace) + [hubNamespace] }
    public func apiURL(_ component: LabComponent) -> String { "http://\(vip):\(ports.api(component))" }
    public var keystoneURL: String { "http://\(vip):\(ports.keystone)/v3" }
    public var rabbitHosts: String { nodes.map { "\($0.address):\(ports.rabbitmq)" }.joined(separator: ",") }

    /// The storage nodes of a lab that runs the blueprint's Ceph: bjsto1… at 10.99.0.31…, one CRUSH host bucket each
    /// (a storage host of the blueprint). Not part of `allNodes`: they run no OpenStack service.
    public func storage(count: Int) -> [HALabNode] {
        let base = nodes.first?.address.split(separator: ".").dropLast().joined(separator: ".") ?? "10.99.0"
        return (1...max(1, count)).map { HALabNode(index: $0, address: "\(base).\(30 + $0)", role: .storage) }
    }

    public func node(_ index: Int) -> HALabNode? { nodes.first { $0.index == index } }
    public func node(named name: String) -> HALabNode? { allNodes.first { $0.name == name } }

    /// The hub-side end of node's veth (interface names are per namespace, so only the hub side needs a name).
    func hubPort(_ node: HALabNode) -> String { "bjv\(node.name)" }
    var hostPeer: String { "bjhostp" }
}
