/// The plan's physical side: placement, HA layout and capacity. Present when the blueprint lists hosts.
public struct Topology: Sendable, Hashable, Codable {
    public let placement: Placement
    public let ha: HALayout
    public let compute: ComputeCapacity
    public let ceph: CephCapacity?
    public let controlPlane: ControlPlane

    public static func make(blueprint: Blueprint, services: ServiceSet, catalog: Catalog, inventory: KollaInventory) -> Topology {
        let placement = Placement.make(blueprint: blueprint, services: services, catalog: catalog, inventory: inventory)
        return Topology(
            placement: placement,
            ha: HALayout.make(blueprint: blueprint, services: services, placement: placement, catalog: catalog),
            compute: ComputeCapacity.make(hosts: blueprint.hosts, settings: blueprint.capacity),
            ceph: blueprint.storage.ceph.map {
                CephCapacity.make(ceph: $0, hosts: blueprint.hosts, planned: blueprint.capacity.plannedStorageTB)
            },
            controlPlane: ControlPlane.make(blueprint: blueprint, placement: placement, catalog: catalog))
    }
}
