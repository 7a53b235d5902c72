/// Octavia's amphora management network (lb-mgmt) as kolla-ansible's `octavia_amp_network`: a VLAN provider network
/// on physnet1 that kolla creates at deploy (octavia_auto_configure), with the amphora flavor and security groups.
/// The controllers reach it through `octavia_network_interface` (a host's `interfaces.octavia`, rendered with the
/// other interface variables); without that kolla binds the health manager on the management interface, which is
/// not on the VLAN, and no amphora heartbeat arrives.
enum OctaviaGlobals {
    /// The first addresses of the lb-mgmt subnet are left out of Neutron's pool for the controllers' own
    /// addresses on it (their octavia interfaces); the amphorae get the rest.
    static func allocationPool(_ cidr: CIDR) -> (start: IPv4, end: IPv4)? {
        guard cidr.prefix <= 28 else { return nil }
        let reserved = min(31, cidr.hostCount / 4)
        guard let start = cidr.network.advanced(by: reserved + 1), let end = cidr.broadcast.advanced(by: -1) else { return nil }
        return (start, end)
    }

    static func entries(_ context: RenderContext) -> [GlobalsEntry] {
        guard context.has("octavia"), let network = context.blueprint.networks.octaviaManagement else { return [] }
        var lines = ["name: \(network.name)", "shared: false", "external: false"]
        if let vlan = network.vlan {
            lines += ["provider_network_type: vlan", "provider_physical_network: \(ConfigRenderer.physicalNetwork)",
                      "provider_segmentation_id: \(vlan)"]
        } else {
            lines += ["provider_network_type: flat", "provider_physical_network: \(ConfigRenderer.physicalNetwork)"]
        }
        var subnet = ["name: \(network.name)-subnet", "enable_dhcp: true"]
        if let text = network.cidr, let cidr = CIDR(text) {
            subnet.append("cidr: \(cidr)")
            if let pool = allocationPool(cidr) {
                subnet += ["allocation_pool_start: \(pool.start)", "allocation_pool_end: \(pool.end)"]
            }
        }
        subnet.append(network.gateway.map { "gateway_ip: \($0)" } ?? "no_gateway_ip: true")
        lines.append("subnet:")
        lines += subnet.map { "  " + $0 }
        let pool = network.cidr.flatMap(CIDR.init).flatMap(allocationPool).map { " (amphorae from \($0.start); the addresses below it are the controllers')" } ?? ""
        return [GlobalsEntry("octavia_amp_network", .block(lines), from: "networks.provider \(network.name)\(pool)")]
    }
}
