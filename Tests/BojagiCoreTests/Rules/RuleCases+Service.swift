@testable import BojagiCore

extension RuleCases {
    static let service: [RuleCase] = [
        RuleCase("SVC010", "Cinder without Ceph", .error, "neither storage.ceph nor storage.cinder gives it a backend") {
            $0.storage.ceph = nil
        },
        RuleCase("SVC010", "LVM without storage hosts", .error, "no host has the storage role") {
            $0.storage.cinder = Storage.Cinder(backend: .lvm)
            $0.hosts.removeAll { $0.roles.contains(.storage) }
        },
        RuleCase("SVC018", "removing a required capability", .warning,
                 "block-storage is one of the web-application profile's required capabilities (Web application), and bojagi.yaml removes it") {
            $0.capabilities.remove.append("block-storage")
        },
        RuleCase("SVC018", "removing a capability the profile lacks", .advice, "the web-application profile has no bare-metal capability") {
            $0.capabilities.remove.append("bare-metal")
        },
        RuleCase("SVC010", "Ceph without tiers", .error, "storage.ceph defines no tier") {
            $0.storage.ceph!.tiers = []
            $0.storage.ceph!.pools = []
        },
        RuleCase("SVC011", "no network host", .error, "no host has the network role") {
            for index in $0.hosts.indices { $0.hosts[index].roles.removeAll { $0 == .network } }
        },
        RuleCase("SVC012", "pinning a service outside the package", .error, "ctl01 pins octavia, which is not in the package") {
            $0.hosts[0].services = ["octavia"]
        },
        RuleCase("SVC012", "pinning an unknown service", .error, "ctl01 pins unknown service 'octavai'") {
            $0.hosts[0].services = ["octavai"]
        },
        RuleCase("SVC013", "RGW off", .error, "storage.ceph.rgw is false") { $0.storage.ceph!.rgw = false },
        RuleCase("SVC013", "RGW without Ceph", .error, "object storage comes from Ceph RGW, but storage.ceph is missing") {
            $0.storage.ceph = nil
        },
        RuleCase("SVC014", "Glance on three controllers without Ceph", .warning, "runs glance-api only on ctl01, not on ctl02, ctl03") {
            $0.storage.ceph = nil
        },
        RuleCase("SVC015", "Octavia without a management network", .warning, "no provider network is its management network") {
            $0.services.add.append("octavia")
        },
        RuleCase("SVC015", "Octavia's controllers with no interface on lb-mgmt", .error, "binds them on the management interface") {
            $0.services.add.append("octavia")
            var network = Networks.Provider(name: "lb-mgmt")
            network.vlan = 140
            network.cidr = "172.16.0.0/22"
            $0.networks.provider.append(network)
        },
        RuleCase("SVC015", "Octavia's management network without a CIDR", .warning, "10.1.0.0/24") {
            $0.services.add.append("octavia")
            var network = Networks.Provider(name: "lb-mgmt")
            network.vlan = 140
            $0.networks.provider.append(network)
            for index in $0.hosts.indices where $0.hosts[index].roles.contains(.control) { $0.hosts[index].interfaces["octavia"] = "eth0.140" }
        },
        RuleCase("SVC017", "Ironic without a provisioning network", .error, "ironic_dnsmasq_dhcp_ranges") {
            $0.services.add.append("ironic")
        },
        RuleCase("SVC017", "Ironic on a provisioning network too small to split", .error, "too small") {
            $0.services.add.append("ironic")
            $0.networks.provisioning = Networks.Segment(cidr: "10.30.0.0/29", interface: "eth2")
        },
        RuleCase("SVC017", "Ironic's controllers with no provisioning interface", .warning, "where no bare-metal node PXE-boots") {
            $0.services.add.append("ironic")
            $0.networks.provisioning = Networks.Segment(cidr: "10.30.0.0/24")
        },
        RuleCase("SVC016", "Designate on three hosts without Valkey", .warning, "Designate runs on 3 hosts (ctl01, ctl02, ctl03) without Valkey") {
            $0.services.add.append("designate")
            $0.services.remove.append("valkey")
        },
        RuleCase("SVC016", "Designate needs a Neutron DNS domain", .warning, "unless neutron_dns_domain is set") {
            $0.services.add.append(contentsOf: ["designate", "valkey"])
        },
    ]
}
