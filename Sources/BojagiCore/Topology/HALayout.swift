/// How the control plane survives a failure: quorum members, the VIP, and plainly what is not HA.
public struct HALayout: Sendable, Hashable, Codable {
    public let enabled: Bool
    public let controllers: [String]
    /// Clustered components that need a majority (Galera, RabbitMQ, etcd…), in the package.
    public let quorumComponents: [String]
    /// Failures the quorum survives: ⌊(n − 1) / 2⌋.
    public let toleratedFailures: Int
    public let internalVIP: String?
    public let externalVIP: String?
    public let virtualRouterID: Int
    public let loadBalancers: [String]
    /// What a failure takes down in this layout.
    public let notHA: [String]

    public static func make(blueprint: Blueprint, services: ServiceSet, placement: Placement, catalog: Catalog) -> HALayout {
        let controllers = blueprint.hosts.filter { $0.roles.contains(.control) }.map(\.name)
        let quorum = services.infrastructure.map(\.name).filter { catalog.components[$0]?.ha?.quorum == true }
        let balancers = placement.hosts(of: "haproxy")
        var notHA: [String] = []
        if !blueprint.ha.enabled {
            notHA.append("HA is off: no VIP, no load balancer; each API is reached on one controller")
        }
        if controllers.count == 1 {
            notHA.append("one controller (\(controllers[0])): its loss stops every API, the database and the message queue")
        } else if controllers.count == 2 {
            notHA.append("two controllers: Galera and RabbitMQ lose quorum when either fails")
        }
        if blueprint.ha.enabled, balancers.count == 1 {
            notHA.append("one load balancer host (\(balancers[0])): keepalived has nowhere to move the VIP")
        }
        return HALayout(enabled: blueprint.ha.enabled, controllers: controllers, quorumComponents: quorum,
                        toleratedFailures: max(0, (controllers.count - 1) / 2),
                        internalVIP: blueprint.networks.vip.internal, externalVIP: blueprint.networks.vip.external,
                        virtualRouterID: blueprint.networks.vip.virtualRouterID, loadBalancers: balancers, notHA: notHA)
    }
}
