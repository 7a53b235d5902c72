import BojagiCore
import BojagiOpenStack
/// The loopback ports of one lab. Derived from each service's usual port plus an offset, so a MariaDB,
/// RabbitMQ or memcached already running on the default ports (and a second lab with another offset) never clash.
public struct LabPorts: Sendable, Hashable, Codable {
    public var offset: Int

    public init(offset: Int = 10000) {
        self.offset = offset
    }

    public var mariadb: Int { 3306 + offset }
    public var rabbitmq: Int { 5672 + offset }
    /// Erlang distribution; RabbitMQ's own default would be AMQP + 20000, which may leave the port range.
    public var rabbitmqDistribution: Int { 15673 + offset }
    public var epmd: Int { 4369 + offset }
    public var memcached: Int { 1311 + offset }
    public var keystone: Int { 5000 + offset }
    public var glance: Int { 9292 + offset }
    public var placement: Int { 8778 + offset }
    public var nova: Int { 8774 + offset }
    public var neutron: Int { 9696 + offset }
    public var cinder: Int { 8776 + offset }
    public var heat: Int { 8004 + offset }
    public var horizon: Int { 80 + offset }
    /// The lab's Ceph monitor: msgr2 and the legacy protocol (Ceph's 3300 and 6789).
    public var cephMonitor: Int { 3300 + offset }
    public var cephMonitorV1: Int { 6789 + offset }

    public func api(_ component: LabComponent) -> Int {
        switch component {
        case .keystone: keystone
        case .glance: glance
        case .placement: placement
        case .nova: nova
        case .neutron: neutron
        case .cinder: cinder
        case .heat: heat
        case .horizon: horizon
        }
    }

    /// Every port the lab listens on, for clash checks and for the integration test.
    public func all(_ components: [LabComponent]) -> [Int] {
        [mariadb, rabbitmq, rabbitmqDistribution, epmd, memcached] + components.map(api)
    }

    public static let validOffsets = 1...(65535 - 15673)
}
