/// Service configuration overrides kolla-ansible merges from `config/`: Nova's allocation ratios and host
/// reservations from the capacity plan, and Neutron's provider VLAN ranges.
public enum ConfigRenderer {
    /// The physical network name kolla-ansible maps to `neutron_external_interface`.
    static let physicalNetwork = "physnet1"

    public static func render(_ context: RenderContext) -> [RenderedFile] {
        var files: [RenderedFile] = []
        if context.has("nova") {
            let capacity = context.blueprint.capacity
            files.append(RenderedFile(path: "config/nova.conf", contents: context.header("nova.conf override", comment: "#") + """
                [DEFAULT]
                # capacity.cpu_allocation_ratio, capacity.ram_allocation_ratio
                cpu_allocation_ratio = \(number(capacity.cpuAllocationRatio))
                ram_allocation_ratio = \(number(capacity.ramAllocationRatio))
                # capacity.reserved_host_memory_gib, capacity.reserved_host_cores
                reserved_host_memory_mb = \(capacity.reservedHostMemoryGiB * 1024)
                reserved_host_cpus = \(capacity.reservedHostCores)

                """))
        }
        let ranges = context.blueprint.networks.external.vlanRanges.map {
            "\(physicalNetwork):" + $0.replacingOccurrences(of: "-", with: ":")
        }
        if context.has("neutron"), !ranges.isEmpty {
            files.append(RenderedFile(path: "config/neutron/ml2_conf.ini", contents: context.header("ml2_conf.ini override", comment: "#") + """
                [ml2_type_vlan]
                # networks.external.vlan_ranges (provider networks: \(providerSummary(context)))
                network_vlan_ranges = \(ranges.joined(separator: ","))

                """))
        }
        return files
    }

    static func providerSummary(_ context: RenderContext) -> String {
        let providers = context.blueprint.networks.provider
        guard !providers.isEmpty else { return "none declared" }
        return providers.map { provider in
            provider.name + (provider.vlan.map { " VLAN \($0)" } ?? "")
        }.joined(separator: ", ")
    }

    static func number(_ value: Double) -> String {
        value == value.rounded() ? String(Int(value)) + ".0" : String(value)
    }
}
