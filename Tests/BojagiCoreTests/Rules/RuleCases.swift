@testable import BojagiCore

/// The cases for every rule; each family adds its own list.
enum RuleCases {
    static let all: [RuleCase] = ha + net + host + ceph + service + capacity + security + release

    static let ha: [RuleCase] = [
        RuleCase("HA001", "two controllers", .error, "2 control hosts") { $0.hosts.removeAll { $0.name == "ctl03" } },
        RuleCase("HA001", "four controllers", .warning, "4 control hosts") { blueprint in
            var extra = blueprint.hosts[0]
            extra.name = "ctl04"
            extra.address = "10.0.0.14"
            blueprint.hosts.append(extra)
        },
        RuleCase("HA002", "VIP outside the management network", .error, "outside the management network") {
            $0.networks.vip.internal = "10.1.0.10"
        },
        RuleCase("HA002", "no VIP", .error, "no internal VIP") { $0.networks.vip.internal = nil },
        RuleCase("HA002", "broadcast VIP", .error, "broadcast address") { $0.networks.vip.internal = "10.0.0.255" },
        RuleCase("HA003", "VIP is a controller's address", .error, "also the address of ctl02") { $0.networks.vip.internal = "10.0.0.12" },
        RuleCase("HA004", "default virtual router id", .advice, "default 51") { $0.networks.vip.virtualRouterID = 51 },
        RuleCase("HA005", "one load balancer", .error, "only ctl01 runs HAProxy") { blueprint in
            for index in 1...2 { blueprint.hosts[index].roles.removeAll { $0 == .network } }
        },
        RuleCase("HA007", "a VIP with HA off", .warning, "nothing holds VIP 10.0.0.10") { $0.ha.enabled = false },
        RuleCase("HA006", "one network host", .warning, "one network host (ctl01)") { blueprint in
            for index in 1...2 { blueprint.hosts[index].roles.removeAll { $0 == .network } }
        },
        RuleCase("HA008", "external VIP in no declared network", .error,
                 "external VIP 203.0.113.10 lies in no declared network: without networks.external_api") {
            $0.networks.vip.external = "203.0.113.10"
        },
        RuleCase("HA008", "external VIP outside the external API network", .error,
                 "external VIP 203.0.113.10 is outside networks.external_api 198.51.100.0/24") { blueprint in
            blueprint.networks.vip.external = "203.0.113.10"
            blueprint.networks.externalAPI = .init(cidr: "198.51.100.0/24", interface: "eth2")
        },
        RuleCase("HA008", "load balancers without an external API interface", .error,
                 "load balancer hosts ctl[01:03] name no interface on networks.external_api") { blueprint in
            blueprint.networks.vip.external = "203.0.113.10"
            blueprint.networks.externalAPI = .init(cidr: "203.0.113.0/24")
        },
        RuleCase("HA008", "an external API network without an external VIP", .warning,
                 "networks.external_api is declared but networks.vip.external is not set") {
            $0.networks.externalAPI = .init(cidr: "203.0.113.0/24", interface: "eth2")
        },
    ]

    static let host: [RuleCase] = [
        RuleCase("HOST001", "no control host", .error, "no host has the control role") { blueprint in
            for index in blueprint.hosts.indices { blueprint.hosts[index].roles.removeAll { $0 == .control } }
        },
        RuleCase("HOST001", "no compute host", .error, "no host has the compute role") { blueprint in
            blueprint.hosts.removeAll { $0.roles.contains(.compute) }
        },
        RuleCase("HOST001", "Ceph without storage hosts", .error, "no host has the storage role") { blueprint in
            blueprint.hosts.removeAll { $0.roles.contains(.storage) }
        },
        RuleCase("HOST002", "host without roles", .error, "cmp03 has no role") { $0.hosts[5].roles = [] },
        RuleCase("HOST003", "no monitoring host", .warning, "no host has the monitoring role") { blueprint in
            for index in blueprint.hosts.indices { blueprint.hosts[index].roles.removeAll { $0 == .monitoring } }
        },
        RuleCase("HOST004", "storage host without disks", .error, "stor02 lists no disks") { $0.hosts[7].disks = [] },
        RuleCase("HOST004", "device listed twice", .error, "lists /dev/sdb more than once") { blueprint in
            blueprint.hosts[6].disks = [Host.Disk(device: "/dev/sdb", sizeGB: 8000, kind: .hdd),
                                        Host.Disk(device: "/dev/sdb", sizeGB: 8000, kind: .hdd)]
        },
    ]

    static let net: [RuleCase] = [
        RuleCase("NET001", "two hosts share an address", .error, "both have address 10.0.0.11") {
            $0.hosts[1].address = "10.0.0.11"
        },
        RuleCase("NET002", "same short name", .error, "share the short name ctl01") { $0.hosts[1].name = "ctl01.example.com" },
        RuleCase("NET003", "underscore in a name", .error, "is not a valid DNS name") { $0.hosts[3].name = "cmp_01" },
        RuleCase("NET003", "capitals", .warning, "has capitals") { $0.hosts[3].name = "CMP01" },
        RuleCase("NET004", "address outside the management network", .error, "outside the management network") {
            $0.hosts[3].address = "10.9.0.21"
        },
        RuleCase("NET004", "no address", .error, "cmp01 has no management address") { $0.hosts[3].address = nil },
        RuleCase("NET005", "no management interface", .error, "names no management interface") { blueprint in
            blueprint.networks.management.interface = nil
            blueprint.hosts[3].interfaces["management"] = nil
        },
        RuleCase("NET005", "network host without external interface", .error, "no external interface") { blueprint in
            blueprint.networks.external.interface = nil
            blueprint.hosts[0].interfaces["external"] = nil
        },
        RuleCase("NET006", "external is the management interface", .error, "uses eth0 for both") {
            $0.hosts[0].interfaces["external"] = "eth0"
        },
        RuleCase("NET007", "VLAN outside the ranges", .error, "outside networks.external.vlan_ranges") {
            $0.networks.provider[0].vlan = 300
        },
        RuleCase("NET007", "VLAN used twice", .error, "both use VLAN 101") { $0.networks.provider[1].vlan = 101 },
        RuleCase("NET007", "invalid range", .error, "is not a VLAN range") { $0.networks.external.vlanRanges = ["200:100"] },
        RuleCase("NET008", "provider network inside management", .error, "overlaps the management network") {
            $0.networks.provider[0].cidr = "10.0.0.128/25"
        },
        RuleCase("NET008", "external API network inside management", .error,
                 "external API network 10.0.0.128/25 overlaps the management network") {
            $0.networks.externalAPI = .init(cidr: "10.0.0.128/25", interface: "eth2")
        },
        RuleCase("NET009", "management network too small", .error, "do not fit in 10.0.0.0/29") { blueprint in
            blueprint.networks.management.cidr = "10.0.0.0/29"
        },
        RuleCase("NET011", "storage interfaces without a storage network", .error,
                 "stor[01:03] (hosts[2]) name a storage interface (eth2) but networks.storage has no cidr") { blueprint in
            for index in 6...8 { blueprint.hosts[index].interfaces["storage"] = "eth2" }
        },
        RuleCase("NET012", "a tunnel interface only the controllers name", .warning,
                 "cmp[01:03] use the tunnel network but name no tunnel interface, and networks.tunnel.interface is not set: render writes tunnel_interface: eth3") { blueprint in
            for index in 0...2 { blueprint.hosts[index].interfaces["tunnel"] = "eth3" }
        },
        RuleCase("NET012", "a tunnel network with no interface", .warning,
                 "networks.tunnel declares 10.40.0.0/24 but neither it nor any host names an interface") {
            $0.networks.tunnel = .init(cidr: "10.40.0.0/24")
        },
        RuleCase("NET010", "provider networks and computes without an external interface", .error,
                 "cmp[01:03] name no external interface") { blueprint in
            blueprint.networks.external.interface = nil
            for index in 3...5 { blueprint.hosts[index].interfaces["external"] = nil }
        },
    ]
}
