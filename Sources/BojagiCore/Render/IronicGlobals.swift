/// Ironic on the provisioning network (`networks.provisioning`): kolla's prechecks require the inspection DHCP
/// ranges (`ironic_dnsmasq_dhcp_ranges`) and the Neutron network nodes are cleaned on (`ironic_cleaning_network`),
/// and without them genconfig fails in ironic-dnsmasq.conf.j2. The network's addresses are split three ways: the
/// first ones for the controllers' own interfaces, then ironic-dnsmasq's inspection range, then the pool of the
/// Neutron network `provisioning` that provisioning and cleaning use (kolla does not create it: the operator does
/// after deploy, and the comment in globals.yml says how).
enum IronicGlobals {
    static let cleaningNetwork = "provisioning"

    /// (inspection DHCP range, Neutron's allocation pool) in the provisioning network.
    static func ranges(_ cidr: CIDR) -> (inspection: ClosedRange<IPv4>, neutron: ClosedRange<IPv4>)? {
        guard let pool = cidr.poolAfterHostAddresses else { return nil }
        let size = Int(pool.upperBound.value - pool.lowerBound.value) + 1
        let inspection = max(8, size / 4)
        guard size > inspection + 8, let inspectionEnd = pool.lowerBound.advanced(by: inspection - 1),
              let neutronStart = inspectionEnd.advanced(by: 1) else { return nil }
        return (pool.lowerBound...inspectionEnd, neutronStart...pool.upperBound)
    }

    static func entries(_ context: RenderContext) -> [GlobalsEntry] {
        guard context.has("ironic"), let text = context.blueprint.networks.provisioning?.cidr, let cidr = CIDR(text),
              let ranges = ranges(cidr) else { return [] }
        let inspection = "\(ranges.inspection.lowerBound),\(ranges.inspection.upperBound)"
        let neutron = "start=\(ranges.neutron.lowerBound),end=\(ranges.neutron.upperBound)"
        return [
            GlobalsEntry("ironic_dnsmasq_dhcp_ranges", .block(["- range: \"\(inspection)\""]),
                         from: "networks.provisioning \(cidr): inspection DHCP (the addresses below it are the controllers')"),
            GlobalsEntry("ironic_cleaning_network", .string(cleaningNetwork),
                         from: "networks.provisioning: after deploy, create the Neutron network \(cleaningNetwork) on the provider network that carries \(cidr), then `openstack subnet create --network \(cleaningNetwork) --subnet-range \(cidr) --allocation-pool \(neutron) \(cleaningNetwork)-subnet`"),
        ]
    }
}
