/// Memory the control plane needs on each controller, from the catalog's footprints and the placement, and the
/// memory it actually gets: on a controller that also runs instances or Ceph daemons each gigabyte is counted
/// once, for nova's instances (everything but the reservation), for Ceph (`CephDaemons`), or for the control plane.
public struct ControlPlane: Sendable, Hashable, Codable {
    public struct Host: Sendable, Hashable, Codable {
        public let name: String
        public let neededMiB: Int
        /// Containers kolla-ansible runs on the host (`Placement.containers`).
        public let containers: Int
        public let memoryGiB: Int?
        /// What nova offers instances here: memory beyond `reserved_host_memory` on a compute host, else 0.
        public let instancesMiB: Int
        /// Ceph's daemons on this host: mon, mgr, MDS, RGW and each OSD at `osd_memory_target`.
        public let cephMiB: Int
        public let osds: Int
        /// The Ceph daemons, `mon, mgr, osd ×2`.
        public let cephDaemons: [String]

        /// Memory left to the control plane after instances and Ceph, or nil when the host's memory is not given.
        public var availableMiB: Int? { memoryGiB.map { $0 * 1024 - instancesMiB - cephMiB } }

        /// Memory left after the control plane, or nil when the host's memory is not given.
        public var headroomMiB: Int? { availableMiB.map { $0 - neededMiB } }

        /// Whether instances or Ceph share the host's memory with the control plane.
        public var isShared: Bool { instancesMiB > 0 || cephMiB > 0 }
    }

    public let hosts: [Host]

    public static func make(blueprint: Blueprint, placement: Placement, catalog: Catalog) -> ControlPlane {
        let reserved = blueprint.capacity.reservedHostMemoryGiB
        let hosts = blueprint.hosts.filter { $0.roles.contains(.control) }.map { host -> Host in
            let services = placement.hosts[host.name] ?? []
            let footprint = services.reduce(Footprint.zero) { sum, name in
                sum + (catalog.projects[name]?.footprint ?? catalog.components[name]?.footprint ?? .zero)
            }
            let instances = host.roles.contains(.compute) ? max(0, (host.memoryGiB ?? 0) - reserved) * 1024 : 0
            let ceph = placement.ceph.host(host.name)
            return Host(name: host.name, neededMiB: footprint.controllerMemoryMiB, containers: placement.containers[host.name]?.count ?? 0,
                        memoryGiB: host.memoryGiB, instancesMiB: instances, cephMiB: ceph?.memoryMiB ?? 0,
                        osds: ceph?.osds ?? 0, cephDaemons: ceph?.names ?? [])
        }
        return ControlPlane(hosts: hosts)
    }
}
