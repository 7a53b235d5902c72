/// The plan's Ceph text: the daemons' memory on the hosts that are not controllers (the control-plane table
/// counts theirs) and each tier's capacity, with what losing a failure domain does to it.
enum CephReport {
    static func text(_ topology: Topology, plan: Plan, hosts: [Host]) -> String {
        var out = ""
        let controllers = Set(topology.controlPlane.hosts.map(\.name))
        let others = topology.placement.ceph.hosts.filter { !controllers.contains($0.name) }
        if !others.isEmpty {
            out += "\nCeph daemons' memory on the other hosts (Ceph's hardware recommendations; OSDs at osd_memory_target)\n"
            var table = TextTable(["HOST", "DAEMONS", "NEEDS", "HAS", "HEADROOM"])
            let byName = Dictionary(hosts.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
            for daemons in others {
                let host = byName[daemons.name]
                // A compute host gives instances all but the reservation, which is what Ceph gets there.
                let has: Int? = host?.memoryGiB.map { memory in
                    host!.roles.contains(.compute) ? min(memory, plan.capacitySettings.reservedHostMemoryGiB) * 1024 : memory * 1024
                }
                table.append([daemons.name, daemons.names.joined(separator: ", "), PlanReport.gib(daemons.memoryMiB),
                              has.map(PlanReport.gib) ?? "–", has.map { PlanReport.gib($0 - daemons.memoryMiB) } ?? "–"])
            }
            out += table.render(indent: "  ")
        }
        if let ceph = topology.ceph {
            out += "\nCeph capacity (failure domain \(ceph.failureDomain.rawValue), nearfull \(TopologyReport.format(ceph.nearfullRatio)))\n"
            var tiers = TextTable(["TIER", "PROTECTION", "OSDS", "DOMAINS", "RAW", "USABLE", "AT NEARFULL", "AFTER LOSING ONE", "PLANNED"])
            for tier in ceph.tiers {
                tiers.append([tier.name + " (\(tier.deviceClass))", tier.protection, "\(tier.osds)", "\(tier.failureDomains)",
                              TopologyReport.tb(tier.rawTB), TopologyReport.tb(tier.usableTB), TopologyReport.tb(tier.nearfullTB),
                              tier.afterLossText, tier.plannedTB.map(TopologyReport.tb) ?? "–"])
            }
            out += tiers.render(indent: "  ")
            let domain = ceph.failureDomain.rawValue
            for tier in ceph.tiers where !tier.reprotects && tier.osds > 0 && tier.failureDomains == tier.width {
                out += "  \(tier.name): \(tier.protection) on exactly \(tier.failureDomains) \(domain)s cannot re-protect after losing one: it runs degraded (one copy or chunk short) until the \(domain) is back\n"
            }
        }
        return out
    }
}
