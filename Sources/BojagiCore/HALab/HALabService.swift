/// The programs the HA lab runs in every controller namespace, in start order.
public enum HALabService: String, Sendable, Hashable, Codable, CaseIterable, Comparable {
    case memcached, mariadb, rabbitmq, haproxy, keepalived, keystone

    var order: Int { Self.allCases.firstIndex(of: self)! }

    public static func < (lhs: HALabService, rhs: HALabService) -> Bool { lhs.order < rhs.order }
}
