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
    /// Hosts of Neutron's L3 and DHCP agents (kolla's `network` group), when Neutron is in the package.
    public let networkHosts: [String]
    /// kolla's `enable_neutron_agent_ha`, which render sets with HA on and two or more network hosts: new
    /// routers are VRRP groups over the L3 agents (l3_ha) and each network gets DHCP from two agents.
    public let neutronAgentHA: Bool
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
        // kolla's precheck for agent HA wants more than one host in each agent group.
        let l3 = placement.services["neutron"]?.first { $0.name == "neutron-l3-agent" }?.hosts ?? []
        let dhcp = placement.services["neutron"]?.first { $0.name == "neutron-dhcp-agent" }?.hosts ?? []
        let networkHosts = Array(Set(l3 + dhcp)).sorted()
        let agentHA = blueprint.ha.enabled && l3.count > 1 && dhcp.count > 1
        if services.contains("neutron") {
            if networkHosts.count == 1 {
                notHA.append("one network host (\(networkHosts[0])): every tenant router and DHCP server runs there, so its loss cuts the instances' routing and new leases")
            } else if networkHosts.count > 1, !agentHA {
                notHA.append("HA is off, so Neutron's agent HA is off too: each tenant router and each network's DHCP run on one of the \(networkHosts.count) network hosts, and go down with it")
            }
        }
        return HALayout(enabled: blueprint.ha.enabled, controllers: controllers, quorumComponents: quorum,
                        toleratedFailures: max(0, (controllers.count - 1) / 2),
                        internalVIP: blueprint.networks.vip.internal, externalVIP: blueprint.networks.vip.external,
                        virtualRouterID: blueprint.networks.vip.virtualRouterID, loadBalancers: balancers,
                        networkHosts: networkHosts, neutronAgentHA: agentHA, notHA: notHA)
    }

    /// kolla-ansible's neutron role defaults when agent HA is on.
    static let dhcpAgentsPerNetwork = 2
    static let maxL3AgentsPerRouter = 3
}
