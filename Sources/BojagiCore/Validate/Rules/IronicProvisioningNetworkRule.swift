/// SVC017: Ironic needs a provisioning network. kolla-ansible's prechecks refuse an Ironic without inspection DHCP
/// ranges or a cleaning network, and genconfig fails in ironic-dnsmasq.conf.j2; its dnsmasq, iPXE HTTP and TFTP
/// servers listen on the provisioning interface (or, unnamed, the management one, where no bare-metal node PXE-boots).
public struct IronicProvisioningNetworkRule: Rule {
    public let id = "SVC017"
    public let summary = "Ironic has a provisioning network and its controllers an interface on it"

    public init() {}

    public func check(_ context: RuleContext) -> [Finding] {
        guard context.has("ironic"), !context.blueprint.hosts.isEmpty else { return [] }
        guard let network = context.blueprint.networks.provisioning, let text = network.cidr, let cidr = CIDR(text) else {
            return [context.finding(id, .error, "networks.provisioning",
                                    "Ironic is in the package but networks.provisioning has no cidr: kolla-ansible's prechecks stop on the unset ironic_dnsmasq_dhcp_ranges and ironic_cleaning_network, and genconfig fails in ironic-dnsmasq.conf.j2",
                                    fix: "add `provisioning: {cidr: 10.30.0.0/24, interface: NAME}` under networks: the network bare-metal nodes PXE-boot on, and the controllers' interface in it")]
        }
        var findings: [Finding] = []
        if IronicGlobals.ranges(cidr) == nil {
            findings.append(context.finding(id, .error, "networks.provisioning.cidr",
                                            "\(cidr) is too small to split into the controllers' addresses, ironic-dnsmasq's inspection range and the Neutron provisioning pool",
                                            fix: "use a /26 or larger provisioning network"))
        }
        if network.interface == nil {
            let hosts = context.topology.placement.hosts(of: "ironic")
            let silent = context.blueprint.hosts.filter { hosts.contains($0.name) && $0.interfaces["provisioning"] == nil }
            for entry in context.entries(silent) {
                findings.append(context.finding(id, .warning, entry.path + ".interfaces",
                                                "\(entry.names) run\(entry.hosts.count == 1 ? "s" : "") Ironic but name\(entry.hosts.count == 1 ? "s" : "") no provisioning interface and networks.provisioning names none: ironic-dnsmasq, -http and -tftp listen on the management interface, where no bare-metal node PXE-boots",
                                                fix: "add `provisioning: IFACE` to the interfaces, or `interface: IFACE` to networks.provisioning"))
            }
        }
        findings.append(context.finding(id, .advice, "networks.provisioning",
                                        "kolla-ansible copies the Ironic Python Agent's kernel and initramfs from config/ironic/ (ironic-agent.kernel, ironic-agent.initramfs); render cannot make them",
                                        fix: "put the IPA images published on tarballs.opendev.org (ironic-python-agent/dib) or built with ironic-python-agent-builder into DEPLOYMENT/config/ironic/ before deploying"))
        return findings
    }
}
