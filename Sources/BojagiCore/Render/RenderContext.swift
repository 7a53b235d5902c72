/// What every generator reads: the blueprint, its plan, the catalog and kolla-ansible's files. Pure values.
public struct RenderContext: Sendable {
    public let blueprint: Blueprint
    public let plan: Plan
    public let catalog: Catalog
    public let kolla: KollaFiles
    public let release: Release

    public init(blueprint: Blueprint, plan: Plan, catalog: Catalog, kolla: KollaFiles) {
        self.blueprint = blueprint
        self.plan = plan
        self.catalog = catalog
        self.kolla = kolla
        self.release = catalog.release(named: blueprint.release)!
    }

    /// Every service and component of the package.
    public var members: [String] { (plan.services + plan.infrastructure).map(\.name) }

    public func has(_ name: String) -> Bool { members.contains(name) }

    /// kolla-ansible's network variables, by blueprint network name.
    static let interfaceVariables: [(network: String, variable: String)] = [
        ("management", "network_interface"), ("external", "neutron_external_interface"),
        ("external_api", "kolla_external_vip_interface"), ("tunnel", "tunnel_interface"),
        // Octavia's health manager and worker reach the amphorae on the lb-mgmt VLAN through this interface.
        ("octavia", "octavia_network_interface"),
        // Ironic's DHCP (inspection), iPXE HTTP and TFTP servers answer bare-metal nodes on the provisioning network.
        ("provisioning", "ironic_dnsmasq_interface"), ("provisioning", "ironic_http_interface"),
        ("provisioning", "ironic_tftp_interface"),
    ]
    // The storage network has no kolla-ansible variable (kolla 23 defines no storage_interface): Ceph's
    // cluster network is its CIDR in the cephadm spec, so hosts' storage interfaces are not rendered here.

    /// The interface variables this package uses: Octavia's and Ironic's only when they are in it.
    var interfaceVariables: [(network: String, variable: String)] {
        Self.interfaceVariables.filter { variable in
            switch variable.network {
            case "octavia": has("octavia")
            case "provisioning": has("ironic")
            default: true
            }
        }
    }

    /// The interface a network uses by default (globals), before per-host overrides (inventory): the one the
    /// network names itself, or else the name most hosts give it.
    public func defaultInterface(_ network: String) -> String? {
        guard HostDecoder.networkNames.contains(network) else { return nil }
        return declaredInterface(network) ?? mostCommon(network)
    }

    /// The interface a network names itself (`networks.NAME.interface`); Octavia's leg has no network entry.
    private func declaredInterface(_ network: String) -> String? {
        switch network {
        case "management": blueprint.networks.management.interface
        case "external": blueprint.networks.external.interface
        case "external_api": blueprint.networks.externalAPI?.interface
        case "storage": blueprint.networks.storage?.interface
        case "tunnel": blueprint.networks.tunnel?.interface
        case "provisioning": blueprint.networks.provisioning?.interface
        default: nil
        }
    }

    /// Where a network's default interface comes from, for globals.yml's comment.
    func interfaceOrigin(_ network: String) -> String {
        declaredInterface(network) != nil ? "networks.\(network).interface"
            : "hosts' interfaces.\(network) (the name most hosts give it; the others are in the inventory)"
    }

    /// The name most hosts give a network's interface, so globals carry the common case.
    private func mostCommon(_ network: String) -> String? {
        let names = blueprint.hosts.compactMap { $0.interfaces[network] }
        return Dictionary(grouping: names, by: { $0 }).max { ($0.value.count, $1.key) < ($1.value.count, $0.key) }?.key
    }

    /// `rendered by Bojagi` header lines for a file, with `#` or `;` comments.
    func header(_ what: String, comment: String = "#") -> String {
        "\(comment) \(what) — rendered by Bojagi from bojagi.yaml\(blueprint.name.map { " (\($0))" } ?? "") for \(release.label).\n"
            + "\(comment) Do not edit: change bojagi.yaml and run `bojagi render` again.\n"
    }
}
