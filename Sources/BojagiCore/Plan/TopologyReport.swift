import Foundation

/// The physical half of the plan as text: placement both ways, the HA layout and the capacity figures.
enum TopologyReport {
    static func text(_ topology: Topology, plan: Plan, hosts: [Host]) -> String {
        var out = "\nPlacement: service → hosts\n"
        var services = TextTable(["SERVICE", "HOSTS"])
        for row in plan.services + plan.infrastructure {
            let names = topology.placement.hosts(of: row.name)
            services.append([row.name, names.isEmpty ? "– (no kolla group; configured on the APIs' hosts)" : HostRange.compress(names, order: hosts.map(\.name))])
        }
        out += services.render(indent: "  ")

        out += "\nPlacement: host → services\n"
        let ceph = topology.placement.ceph
        var table = TextTable(["HOST", "ADDRESS", "ROLES", "CONTAINERS", "SERVICES"] + (ceph.hosts.isEmpty ? [] : ["CEPH"]))
        for host in hosts {
            var row = [host.name, host.address ?? "–", host.roles.map(\.rawValue).joined(separator: ","),
                       "\(topology.placement.containers[host.name]?.count ?? 0)",
                       (topology.placement.hosts[host.name] ?? []).joined(separator: ", ")]
            if !ceph.hosts.isEmpty { row.append(ceph.host(host.name)?.names.joined(separator: ", ") ?? "–") }
            table.append(row)
        }
        out += table.render(indent: "  ")
        out += "  CONTAINERS: what kolla-ansible runs there (its roles' services and groups, with cron, kolla-toolbox, fluentd and the exporters); CEPH: cephadm's daemons\n"

        out += "\nHigh availability\n"
        let ha = topology.ha
        if ha.enabled {
            let quorum = ha.quorumComponents.isEmpty ? "" : "; \(ha.quorumComponents.joined(separator: ", ")) keep quorum through \(ha.toleratedFailures) failure\(ha.toleratedFailures == 1 ? "" : "s")"
            out += "  \(ha.controllers.count) control hosts\(quorum)\n"
            out += "  internal VIP \(ha.internalVIP ?? "(none)") (VRRP id \(ha.virtualRouterID))"
            if let external = ha.externalVIP { out += ", external VIP \(external)" }
            out += " held by keepalived on \(ha.loadBalancers.isEmpty ? "no host" : HostRange.compress(ha.loadBalancers, order: hosts.map(\.name))); HAProxy fronts every API\n"
            if ha.neutronAgentHA {
                let agents = HostRange.compress(ha.networkHosts, order: hosts.map(\.name))
                out += "  Neutron agent HA on \(agents) (enable_neutron_agent_ha): each new router is a VRRP group of up to \(min(HALayout.maxL3AgentsPerRouter, ha.networkHosts.count)) L3 agents (l3_ha), each network gets DHCP from \(HALayout.dhcpAgentsPerNetwork) agents\n"
            }
        }
        for line in ha.notHA { out += "  not HA: \(line)\n" }

        out += "\nCompute capacity\n"
        let compute = topology.compute
        out += "  \(compute.hosts) compute host\(compute.hosts == 1 ? "" : "s"): \(compute.vcpus) vCPU, \(compute.memoryGiB) GiB for instances"
        out += " (after reserving \(plan.capacitySettings.reservedHostCores) cores and \(plan.capacitySettings.reservedHostMemoryGiB) GiB per host; overcommit cpu \(format(plan.capacitySettings.cpuAllocationRatio))×, ram \(format(plan.capacitySettings.ramAllocationRatio))×)\n"
        out += "  with the largest compute host down: \(compute.vcpusN1) vCPU, \(compute.memoryGiBN1) GiB\n"
        if compute.plannedVCPUs != nil || compute.plannedMemoryGiB != nil {
            let planned = "\(compute.plannedVCPUs.map(String.init) ?? "–") vCPU, \(compute.plannedMemoryGiB.map(String.init) ?? "–") GiB"
            let verdict = compute.fits == false ? "does not fit" : compute.fitsN1 == false ? "fits, but not with one host down (N+1)" : "fits, also with one host down (N+1)"
            out += "  planned load \(planned): \(verdict)\n"
        }
        if !compute.unsizedHosts.isEmpty {
            out += "  not counted (no cores/memory given): \(HostRange.compress(compute.unsizedHosts, order: hosts.map(\.name)))\n"
        }
        if !topology.controlPlane.hosts.isEmpty {
            out += "\nControl plane memory (catalog footprints, estimates)\n"
            var control = TextTable(["HOST", "CONTAINERS", "NEEDS", "HAS", "HEADROOM"])
            for host in topology.controlPlane.hosts {
                control.append([host.name, "\(host.containers)", PlanReport.gib(host.neededMiB),
                                host.availableMiB.map(PlanReport.gib) ?? "–", host.headroomMiB.map(PlanReport.gib) ?? "–"])
            }
            out += control.render(indent: "  ")
            // Each gigabyte once: what instances and OSDs take is not the control plane's.
            for host in topology.controlPlane.hosts where host.isShared {
                guard let memory = host.memoryGiB else { continue }
                var shares: [String] = []
                if host.instancesMiB > 0 { shares.append("instances \(PlanReport.gib(host.instancesMiB)) (all but capacity.reserved_host_memory_gib)") }
                if host.cephMiB > 0 { shares.append("Ceph (\(host.cephDaemons.joined(separator: ", "))) \(PlanReport.gib(host.cephMiB))") }
                out += "  \(host.name) shares its \(memory) GiB: \(shares.joined(separator: ", ")); HAS is what is left\n"
            }
        }
        out += CephReport.text(topology, plan: plan, hosts: hosts)
        return out
    }

    static func tb(_ value: Double) -> String { String(format: "%.1f TB", value) }

    static func format(_ value: Double) -> String {
        value == value.rounded() ? String(format: "%.1f", value) : String(format: "%g", value)
    }
}
