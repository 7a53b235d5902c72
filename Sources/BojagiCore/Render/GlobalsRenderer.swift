/// globals.yml: only what differs from kolla-ansible's defaults, each key with the blueprint setting that
/// produced it.
public enum GlobalsRenderer {
    public static func entries(_ context: RenderContext) -> [GlobalsEntry] {
        let blueprint = context.blueprint
        let networks = blueprint.networks
        var entries: [GlobalsEntry] = [
            GlobalsEntry("openstack_release", .string(context.release.id ?? context.release.name), from: "release"),
        ]
        let deployment = blueprint.deployment
        if deployment.baseDistro != "rocky" {
            entries.append(GlobalsEntry("kolla_base_distro", .string(deployment.baseDistro), from: "deployment.base_distro"))
        }
        if deployment.containerEngine != "docker" {
            entries.append(GlobalsEntry("kolla_container_engine", .string(deployment.containerEngine), from: "deployment.container_engine"))
        }

        // Networking. Without HA nothing holds a VIP: kolla-ansible must use the one controller's own address.
        if blueprint.ha.enabled, let vip = networks.vip.internal {
            entries.append(GlobalsEntry("kolla_internal_vip_address", .string(vip), from: "networks.vip.internal"))
        } else if !blueprint.ha.enabled, let address = blueprint.hosts.first(where: { $0.roles.contains(.control) })?.address {
            entries.append(GlobalsEntry("kolla_internal_vip_address", .string(address), from: "ha.enabled: false (the control host's address)"))
        }
        if let external = networks.vip.external {
            entries.append(GlobalsEntry("kolla_external_vip_address", .string(external), from: "networks.vip.external"))
        }
        if let fqdn = networks.vip.internalFQDN {
            entries.append(GlobalsEntry("kolla_internal_fqdn", .string(fqdn), from: "networks.vip.internal_fqdn"))
        }
        if let fqdn = networks.vip.externalFQDN {
            entries.append(GlobalsEntry("kolla_external_fqdn", .string(fqdn), from: "networks.vip.external_fqdn"))
        }
        for (network, variable) in context.interfaceVariables {
            if let name = context.defaultInterface(network) {
                entries.append(GlobalsEntry(variable, .string(name), from: context.interfaceOrigin(network)))
            }
        }
        if networks.vip.virtualRouterID != 51 {
            entries.append(GlobalsEntry("keepalived_virtual_router_id", .string(String(networks.vip.virtualRouterID)),
                                        from: "networks.vip.virtual_router_id"))
        }
        entries += TLSRenderer.globals(context)

        entries += serviceFlags(context)
        entries += neutron(context)
        entries += OctaviaGlobals.entries(context)
        entries += IronicGlobals.entries(context)
        entries += CephGlobals.entries(context)
        entries += MonitoringGlobals.entries(context)

        entries += CinderGlobals.entries(context)
        return entries
    }

    /// Components kolla deploys by default that only make sense with HA, and why each is off without it.
    static let offWithoutHA = [
        "haproxy": "ha.enabled: false",
        "keepalived": "ha.enabled: false",
        // ProxySQL listens on kolla_internal_vip_address:3306, which without HA is the controller's own
        // address, where MariaDB listens too.
        "proxysql": "ha.enabled: false (ProxySQL would listen on the controller's 3306 beside MariaDB)",
    ]

    /// `enable_*` for exactly the package: on where kolla's default is off, off where kolla's default would
    /// deploy a project the package leaves out.
    static func serviceFlags(_ context: RenderContext) -> [GlobalsEntry] {
        var entries: [GlobalsEntry] = []
        let members = Set(context.members)
        func origin(_ name: String) -> String {
            let row = (context.plan.services + context.plan.infrastructure).first { $0.name == name }
            return row?.why.first ?? "the package"
        }
        for project in context.catalog.projects.values.sorted(by: { $0.name < $1.name }) {
            guard let kolla = project.kolla, context.catalog.kollaDeploys(kolla, in: context.release) else { continue }
            let wanted = members.contains(project.name)
            let byDefault = context.catalog.kollaEnablesByDefault(kolla, in: context.release)
            if wanted != byDefault {
                entries.append(GlobalsEntry(kolla.flag, .flag(wanted), from: wanted ? origin(project.name) : "not in the \(context.plan.profile) package"))
            }
        }
        for component in context.catalog.components.values.sorted(by: { $0.name < $1.name }) {
            guard let kolla = component.kolla, context.catalog.kollaDeploys(kolla, in: context.release) else { continue }
            let wanted = members.contains(component.name)
            let byDefault = context.catalog.kollaEnablesByDefault(kolla, in: context.release)
            if wanted, !byDefault {
                entries.append(GlobalsEntry(kolla.flag, .flag(true), from: origin(component.name)))
            } else if !wanted, byDefault, Self.offWithoutHA[component.name] != nil {
                let removed = context.blueprint.services.remove.contains(component.name)
                entries.append(GlobalsEntry(kolla.flag, .flag(false), from: removed ? "services.remove" : Self.offWithoutHA[component.name]!))
            }
        }
        if context.blueprint.monitoring.centralLogging {
            entries.append(GlobalsEntry("enable_central_logging", .flag(true), from: "monitoring.central_logging"))
        }
        return entries
    }

    /// Neutron settings kolla leaves off by default.
    static func neutron(_ context: RenderContext) -> [GlobalsEntry] {
        guard context.has("neutron") else { return [] }
        var entries: [GlobalsEntry] = []
        // Without it kolla gives only network hosts br-ex and bridge_mappings (computes_need_external_bridge),
        // so a port on a provider VLAN cannot bind on a compute. VLAN ranges alone do not need it: an external
        // network for routers lives on the network hosts.
        let providers = context.blueprint.networks.provider
        if !providers.isEmpty {
            entries.append(GlobalsEntry("enable_neutron_provider_networks", .flag(true),
                                        from: "networks.provider (\(providers.map(\.name).joined(separator: ", ")))"))
        }
        // kolla's agent HA: l3_ha, dhcp_agents_per_network and max_l3_agents_per_router in neutron.conf.
        if let ha = context.plan.topology?.ha, ha.neutronAgentHA {
            entries.append(GlobalsEntry("enable_neutron_agent_ha", .flag(true),
                                        from: "ha.enabled with \(ha.networkHosts.count) network hosts (\(ha.networkHosts.joined(separator: ", ")))"))
        }
        return entries
    }

    public static func render(_ context: RenderContext) -> RenderedFile {
        var out = "---\n" + context.header("kolla-ansible globals.yml")
        out += "# Only what differs from kolla-ansible's defaults; the comment above each key names the blueprint setting.\n"
        for entry in entries(context) {
            out += "\n# \(entry.origin)\n\(entry.yaml)\n"
        }
        return RenderedFile(path: "globals.yml", contents: out)
    }
}
