import BojagiCore
import BojagiOpenStack
/// The programs the HA lab runs in every controller namespace, in start order (`down` stops them in reverse).
public enum HALabService: String, Sendable, Hashable, Codable, CaseIterable {
    case memcached, mariadb, rabbitmq, haproxy, keepalived, keystone
}
