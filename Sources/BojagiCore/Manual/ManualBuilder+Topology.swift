/// The physical sections: topology (hosts, networks, VLAN tiers, VIPs), storage tiers, the HA design and
/// what is not HA, every endpoint and where its logs are.
extension ManualBuilder {
    /// The topology: `TopologyDiagram`'s drawing (the dashboard's, with this language's labels), then its tables.
    func topology(_ cloud: ManualCloud) -> ManualDocument.Section {
        let svg = TopologyDiagram.svg(cloud.plan, networks: cloud.blueprint.networks) { t($0, $1) }
        var blocks: [ManualDocument.Block] = [.figure(svg: svg, caption: t("topology.figure", ["cloud": cloud.name]))]
        let hostRows = cloud.blueprint.hosts.map { host -> [String] in
            let size = [host.cores.map { t("diagram.cores", ["cores": "\($0)"]) },
                        host.memoryGiB.map { t("diagram.memory", ["gib": "\($0)"]) }].compactMap { $0 }.joined(separator: ", ")
            let disks = host.disks.map { "\($0.count)× \($0.sizeGB) GB \($0.kind.rawValue)" }.joined(separator: ", ")
            return [host.name, host.address ?? "–", host.roles.map { t("role.\($0.rawValue)") }.joined(separator: ", "),
                    size.isEmpty ? "–" : size, disks.isEmpty ? "–" : disks]
        }
        blocks.append(.paragraph(t("topology.hosts", ["count": "\(cloud.blueprint.hosts.count)",
                                                     "controllers": "\(cloud.controllers.count)", "computes": "\(cloud.computes.count)",
                                                     "storage": "\(cloud.storageHosts.count)"])))
        blocks.append(.table(.init(header: [t("col.host"), t("col.address"), t("col.roles"), t("col.size"), t("col.disks")], rows: hostRows)))

        let networks = cloud.blueprint.networks
        var rows: [[String]] = [[t("net.management"), networks.management.cidr ?? "–", "–", networks.management.interface ?? "–"]]
        if let api = networks.externalAPI { rows.append([t("net.externalAPI"), api.cidr ?? "–", "–", api.interface ?? "–"]) }
        rows.append([t("net.external"), "–", networks.external.vlanRanges.joined(separator: ", "), networks.external.interface ?? "–"])
        if let storage = networks.storage { rows.append([t("net.storage"), storage.cidr ?? "–", "–", storage.interface ?? "–"]) }
        if let tunnel = networks.tunnel { rows.append([t("net.tunnel"), tunnel.cidr ?? "–", "–", tunnel.interface ?? "–"]) }
        for provider in networks.provider {
            rows.append([t("net.provider", ["name": provider.name, "purpose": provider.purpose ?? "–"]), provider.cidr ?? "–",
                         provider.vlan.map(String.init) ?? "–", networks.external.interface ?? "–"])
        }
        blocks.append(.table(.init(header: [t("col.network"), t("col.cidr"), t("col.vlan"), t("col.interface")], rows: rows)))

        let purposes = Set(networks.provider.compactMap { $0.purpose?.lowercased() })
        if purposes.contains("web"), purposes.contains("was") {
            let web = networks.provider.first { $0.purpose?.lowercased() == "web" }!
            let was = networks.provider.first { $0.purpose?.lowercased() == "was" }!
            blocks.append(.paragraph(t("topology.webwas", ["web": web.name, "webVLAN": web.vlan.map(String.init) ?? "–",
                                                           "was": was.name, "wasVLAN": was.vlan.map(String.init) ?? "–"])))
        }
        let vip = networks.vip
        if cloud.haEnabled, let internalVIP = vip.internal {
            blocks.append(.table(.init(header: [t("col.vip"), t("col.address"), t("col.name"), t("col.heldBy")], rows: [
                [t("vip.internal"), internalVIP, vip.internalFQDN ?? "–", cloud.range(cloud.plan.topology?.ha.loadBalancers ?? [])],
            ] + (vip.external.map { [[t("vip.external"), $0, vip.externalFQDN ?? "–", cloud.range(cloud.plan.topology?.ha.loadBalancers ?? [])]] } ?? []))))
            blocks.append(.paragraph(t("topology.vrrp", ["id": "\(vip.virtualRouterID)"])))
        } else {
            blocks.append(.note(t("topology.noVIP", ["host": cloud.firstController])))
        }
        return .init(id: "topology", title: t("topology.title"), blocks: blocks)
    }

    func storage(_ cloud: ManualCloud) -> ManualDocument.Section? {
        guard let ceph = cloud.plan.topology?.ceph else {
            return .init(id: "storage", title: t("storage.title"), blocks: [.note(t("storage.none"))])
        }
        let tiers = ceph.tiers.map { tier in
            [tier.name, tier.deviceClass, TopologyDiagram.protection(tier) { t($0, $1) }, "\(tier.osds)", TopologyReport.tb(tier.rawTB), TopologyReport.tb(tier.usableTB),
             TopologyReport.tb(tier.nearfullTB), tier.reprotects ? TopologyReport.tb(tier.afterLossTB) : t("storage.degraded"), tier.plannedTB.map(TopologyReport.tb) ?? "–"]
        }
        var blocks: [ManualDocument.Block] = [
            .paragraph(t("storage.intro", ["release": cloud.plan.release.ceph ?? "–", "domain": ceph.failureDomain.rawValue,
                                           "hosts": cloud.range(cloud.storageHosts), "nearfull": TopologyReport.format(ceph.nearfullRatio)])),
            .table(.init(header: [t("col.tier"), t("col.class"), t("col.protection"), t("col.osds"), t("col.raw"), t("col.usable"),
                                  t("col.nearfull"), t("col.afterLoss"), t("col.planned")], rows: tiers)),
        ]
        for tier in ceph.tiers where !tier.survivesLoss {
            blocks.append(.note(t("storage.noLoss", ["tier": tier.name])))
        }
        if let layout = cloud.cephLayout {
            blocks.append(.table(.init(header: [t("col.pool"), t("col.tier"), t("col.application")],
                                       rows: layout.pools.map { [$0.name, $0.tier.name, $0.application] })))
            if !layout.volumeBackends.isEmpty {
                blocks.append(.table(.init(header: [t("col.volumeType"), t("col.pool")],
                                           rows: layout.volumeBackends.map { [$0.volumeType, $0.pool] })))
            }
        }
        return .init(id: "storage", title: t("storage.title"), blocks: blocks)
    }

    func availability(_ cloud: ManualCloud) -> ManualDocument.Section {
        guard let ha = cloud.plan.topology?.ha else {
            return .init(id: "ha", title: t("ha.title"), blocks: [.note(t("ha.noHosts"))])
        }
        var blocks: [ManualDocument.Block] = []
        if ha.enabled {
            blocks.append(.paragraph(t("ha.design", ["controllers": cloud.range(ha.controllers), "count": "\(ha.controllers.count)",
                                                    "quorum": ha.quorumComponents.joined(separator: ", "),
                                                    "failures": "\(ha.toleratedFailures)", "balancers": cloud.range(ha.loadBalancers)])))
            if ha.neutronAgentHA { blocks.append(.paragraph(t("ha.neutron", ["hosts": cloud.range(ha.networkHosts)]))) }
        }
        // Not HA, from the same conditions HALayout states them in.
        var not: [String] = []
        if !ha.enabled { not.append(t("notha.off")) }
        if ha.controllers.count == 1 { not.append(t("notha.oneController", ["host": ha.controllers[0]])) }
        if ha.controllers.count == 2 { not.append(t("notha.twoControllers")) }
        if ha.enabled, ha.loadBalancers.count == 1 { not.append(t("notha.oneBalancer", ["host": ha.loadBalancers[0]])) }
        if cloud.has("neutron"), ha.networkHosts.count == 1 { not.append(t("notha.oneNetworkHost", ["host": ha.networkHosts[0]])) }
        if cloud.has("neutron"), ha.networkHosts.count > 1, !ha.neutronAgentHA { not.append(t("notha.agents", ["count": "\(ha.networkHosts.count)"])) }
        // True of every kolla cloud, and what operators most often assume otherwise.
        not.append(t("notha.instances"))
        if cloud.has("cinder") { not.append(t("notha.cinderVolume")) }
        blocks.append(.paragraph(t("ha.notHA")))
        blocks.append(.list(not))
        return .init(id: "ha", title: t("ha.title"), blocks: blocks)
    }

    func endpoints(_ cloud: ManualCloud) -> ManualDocument.Section {
        let rows = cloud.endpoints.map { endpoint -> [String] in
            [title(endpoint.member, cloud, english: endpoint.title), "\(cloud.internalScheme)://\(cloud.internalAddress):\(endpoint.port)",
             "\(cloud.externalScheme)://\(cloud.externalAddress):\(endpoint.port)", endpoint.logs]
        }
        let infra = cloud.infrastructureLogs.map { [$0.name, $0.hosts, $0.logs] }
        var blocks: [ManualDocument.Block] = [
            .paragraph(t("endpoints.intro")),
            .table(.init(header: [t("col.service"), t("col.internal"), t("col.external"), t("col.logs")], rows: rows)),
            .table(.init(header: [t("col.component"), t("col.hosts"), t("col.logs")], rows: infra)),
        ]
        if cloud.blueprint.monitoring.centralLogging {
            blocks.append(.paragraph(t("endpoints.centralLogging", ["url": "\(cloud.internalScheme)://\(cloud.internalAddress):5601"])))
        }
        if cloud.blueprint.monitoring.prometheus {
            blocks.append(.paragraph(t("endpoints.prometheus", ["url": "\(cloud.internalScheme)://\(cloud.internalAddress):9091"])))
        }
        return .init(id: "endpoints", title: t("endpoints.title"), blocks: blocks)
    }
}
