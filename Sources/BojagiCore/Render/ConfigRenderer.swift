/// Service configuration overrides kolla-ansible merges from `config/`: Nova's allocation ratios and host
/// reservations from the capacity plan, and Neutron's provider VLAN ranges and MTUs.
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
        if context.has("neutron") {
            let mtu = NeutronMTU(context.blueprint.networks)
            if let global = mtu.globalPhysnet {
                files.append(RenderedFile(path: "config/neutron.conf", contents: context.header("neutron.conf override", comment: "#") + """
                    [DEFAULT]
                    # \(mtu.globalSource): the largest MTU of the physical networks under Neutron (Neutron's MTU guide)
                    global_physnet_mtu = \(global)

                    """))
            }
            var ml2: [String] = []
            let ranges = context.blueprint.networks.external.vlanRanges.map {
                "\(physicalNetwork):" + $0.replacingOccurrences(of: "-", with: ":")
            }
            if !ranges.isEmpty {
                ml2.append("""
                    [ml2_type_vlan]
                    # networks.external.vlan_ranges (provider networks: \(providerSummary(context)))
                    network_vlan_ranges = \(ranges.joined(separator: ","))

                    """)
            }
            let mtuLines = mtu.ml2Lines(physicalNetwork: physicalNetwork)
            if !mtuLines.isEmpty { ml2.append("[ml2]\n" + mtuLines.joined(separator: "\n") + "\n\n") }
            if !ml2.isEmpty {
                files.append(RenderedFile(path: "config/neutron/ml2_conf.ini",
                                          contents: context.header("ml2_conf.ini override", comment: "#") + ml2.joined()))
            }
        }
        return files + CinderGlobals.files(context)
    }

    /// Neutron's MTUs from the blueprint (Neutron admin guide, "MTU considerations"): `global_physnet_mtu` is the
    /// underlying physical network's MTU — the largest of the external (physnet1) and tunnel networks'; `path_mtu`
    /// the tunnel network's, from which Neutron takes the overlay's header; `physical_network_mtus` gives physnet1
    /// its own when it is smaller. Management and storage MTUs belong to the hosts' interfaces: kolla-ansible
    /// configures no NIC, so they are not rendered.
    struct NeutronMTU {
        let external: Int?
        let tunnel: Int?

        init(_ networks: Networks) {
            external = networks.external.mtu
            tunnel = networks.tunnel?.mtu
        }

        var globalPhysnet: Int? { [external, tunnel].compactMap { $0 }.max() }

        var globalSource: String {
            switch (external, tunnel) {
            case let (e?, t?): e >= t ? "networks.external.mtu" : "networks.tunnel.mtu"
            case (_?, nil): "networks.external.mtu"
            default: "networks.tunnel.mtu"
            }
        }

        func ml2Lines(physicalNetwork: String) -> [String] {
            var lines: [String] = []
            if let tunnel { lines += ["# networks.tunnel.mtu: the overlay path (VXLAN/Geneve take their header from it)", "path_mtu = \(tunnel)"] }
            if let external, let global = globalPhysnet, external < global {
                lines += ["# networks.external.mtu, smaller than global_physnet_mtu", "physical_network_mtus = \(physicalNetwork):\(external)"]
            }
            return lines
        }
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
