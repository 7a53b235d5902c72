/// Where every service runs: kolla-ansible's group model applied to the blueprint's hosts and roles.
public struct Placement: Sendable, Hashable, Codable {
    public struct Group: Sendable, Hashable, Codable {
        /// kolla-ansible group, `nova-api`.
        public let name: String
        public let hosts: [String]
    }

    /// Service → its kolla groups with their hosts, for services in the package. Of the groups kolla chooses
    /// between (cinder-volume, -lvm, -multiple), only the one it uses.
    public let services: [String: [Group]]
    /// Host → the services with at least one group on it.
    public let hosts: [String: [String]]
    /// Host → the containers kolla-ansible runs there (kolla's `*_services` and their groups), sorted.
    public let containers: [String: [String]]
    /// Ceph's own daemons per host, where the cephadm spec puts them.
    public let ceph: CephDaemons

    /// Hosts running any part of `service`.
    public func hosts(of service: String) -> [String] {
        Array(Set((services[service] ?? []).flatMap(\.hosts))).sorted()
    }

    public static func make(blueprint: Blueprint, services: ServiceSet, catalog: Catalog, inventory: KollaInventory) -> Placement {
        let position = Dictionary(blueprint.hosts.enumerated().map { ($1.name, $0) }, uniquingKeysWith: { first, _ in first })
        func hosts(in hostGroups: Set<String>) -> [String] {
            blueprint.hosts.filter { host in host.roles.contains { hostGroups.contains($0.rawValue) } }.map(\.name)
        }
        let members = (services.members + services.infrastructure).map(\.name)
        let cinder = CinderBackends(blueprint: blueprint, members: members)
        var byService: [String: [Group]] = [:]
        var byHost: [String: Set<String>] = [:]
        for member in services.members + services.infrastructure {
            let kolla = catalog.projects[member.name]?.kolla ?? catalog.components[member.name]?.kolla
            var groups: [Group] = []
            for group in inventory.groups(forService: member.name, named: kolla?.groups ?? []) where cinder.uses(group) {
                var names = hosts(in: inventory.hostGroups(of: group))
                // Hosts that pin the service explicitly run it whatever their roles.
                for host in blueprint.hosts where host.services.contains(member.name) && !names.contains(host.name) {
                    names.append(host.name)
                }
                names.sort { position[$0]! < position[$1]! }
                groups.append(Group(name: group, hosts: names))
                for host in names { byHost[host, default: []].insert(member.name) }
            }
            byService[member.name] = groups
        }
        // Containers: each that the package runs, on the hosts of its groups (and of its member's pins).
        let memberSet = Set(members)
        var containers: [String: [String]] = [:]
        for container in inventory.containers where container.runs(in: memberSet) {
            let groups = container.groups == ["choice:cinder"] ? cinder.groups(forContainer: container.name) : container.groups
            var on = Set(hosts(in: groups.reduce(into: Set<String>()) { $0.formUnion(inventory.hostGroups(of: $1)) }))
            for host in blueprint.hosts where host.services.contains(container.member) { on.insert(host.name) }
            for host in on { containers[host, default: []].append(container.name) }
        }
        return Placement(services: byService, hosts: byHost.mapValues { $0.sorted() }, containers: containers.mapValues { $0.sorted() },
                         ceph: CephDaemons.make(blueprint: blueprint, members: members))
    }
}
