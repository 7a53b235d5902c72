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
    ]

    static let host: [RuleCase] = []

    static let net: [RuleCase] = [
        RuleCase("NET001", "two hosts share an address", .error, "both have address 10.0.0.11") {
            $0.hosts[1].address = "10.0.0.11"
        },
    ]
}
