/// Memory the control plane needs on each controller, from the catalog's footprints and the placement.
public struct ControlPlane: Sendable, Hashable, Codable {
    public struct Host: Sendable, Hashable, Codable {
        public let name: String
        public let neededMiB: Int
        public let containers: Int
        public let memoryGiB: Int?

        /// Memory left after the control plane, or nil when the host's memory is not given.
        public var headroomMiB: Int? { memoryGiB.map { $0 * 1024 - neededMiB } }
    }

    public let hosts: [Host]

    public static func make(blueprint: Blueprint, placement: Placement, catalog: Catalog) -> ControlPlane {
        let hosts = blueprint.hosts.filter { $0.roles.contains(.control) }.map { host -> Host in
            let services = placement.hosts[host.name] ?? []
            let footprint = services.reduce(Footprint.zero) { sum, name in
                sum + (catalog.projects[name]?.footprint ?? catalog.components[name]?.footprint ?? .zero)
            }
            return Host(name: host.name, neededMiB: footprint.controllerMemoryMiB, containers: footprint.controllerContainers,
                        memoryGiB: host.memoryGiB)
        }
        return ControlPlane(hosts: hosts)
    }
}
