/// Where every service runs: kolla-ansible's group model applied to the blueprint's hosts and roles.
public struct Placement: Sendable, Hashable, Codable {
    public struct Group: Sendable, Hashable, Codable {
        /// kolla-ansible group, `nova-api`.
        public let name: String
        public let hosts: [String]
    }

    /// Service → its kolla groups with their hosts, for services in the package.
    public let services: [String: [Group]]
    /// Host → the services with at least one group on it.
    public let hosts: [String: [String]]

    /// Hosts running any part of `service`.
    public func hosts(of service: String) -> [String] {
        Array(Set((services[service] ?? []).flatMap(\.hosts))).sorted()
    }

    public static func make(blueprint: Blueprint, services: ServiceSet, catalog: Catalog, inventory: KollaInventory) -> Placement {
        let position = Dictionary(blueprint.hosts.enumerated().map { ($1.name, $0) }, uniquingKeysWith: { first, _ in first })
        func hosts(in hostGroups: Set<String>) -> [String] {
            blueprint.hosts.filter { host in host.roles.contains { hostGroups.contains($0.rawValue) } }.map(\.name)
        }
        var byService: [String: [Group]] = [:]
        var byHost: [String: Set<String>] = [:]
        for member in services.members + services.infrastructure {
            let kolla = catalog.projects[member.name]?.kolla ?? catalog.components[member.name]?.kolla
            var groups: [Group] = []
            for group in inventory.groups(forService: member.name, named: kolla?.groups ?? []) {
                var members = hosts(in: inventory.hostGroups(of: group))
                // Hosts that pin the service explicitly run it whatever their roles.
                for host in blueprint.hosts where host.services.contains(member.name) && !members.contains(host.name) {
                    members.append(host.name)
                }
                members.sort { position[$0]! < position[$1]! }
                groups.append(Group(name: group, hosts: members))
                for host in members { byHost[host, default: []].insert(member.name) }
            }
            byService[member.name] = groups
        }
        return Placement(services: byService, hosts: byHost.mapValues { $0.sorted() })
    }
}
