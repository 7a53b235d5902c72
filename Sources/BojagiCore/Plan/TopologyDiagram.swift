import Foundation

/// The plan's physical layout as one self-contained SVG: the networks as bars (VIPs, VLANs, MTU), the hosts
/// grouped by their roles under the networks they attach to, and the Ceph tiers. Inline styles only and no
/// fonts or scripts from elsewhere, so the same bytes work in the dashboard, in the operations manual and in a
/// file opened on its own. Deterministic: the same plan gives the same bytes.
public enum TopologyDiagram {
    static let hostWidth = 240
    static let hostHeight = 40
    static let columnGap = 30
    static let margin = 20
    static let barHeight = 22
    static let barGap = 8
    static let font = "font-family:sans-serif"

    /// Says a label: a key of `english` with its arguments. The dashboard draws in English; the manual passes
    /// its language's catalog.
    public typealias Say = (String, [String: String]) -> String

    public static func sayEnglish(_ key: String, _ arguments: [String: String]) -> String {
        Template.fill(english[key] ?? "\(ManualMessages.unresolvedMark)\(key)⟧", arguments)
    }

    /// `networks` comes from the blueprint: the plan keeps only what it derived from them (the VIPs in the HA layout).
    public static func svg(_ plan: Plan, networks: Networks, say: Say = sayEnglish) -> String {
        let groups = hostGroups(plan.hosts)
        let bars = networkBars(networks, plan: plan, say: say)
        let columns = max(groups.count, 1)
        let width = max(760, margin * 2 + columns * hostWidth + (columns - 1) * columnGap)
        let barsTop = 56
        let hostsTop = barsTop + bars.count * (barHeight + barGap) + 36
        let tallest = groups.map(\.hosts.count).max() ?? 0
        let cephTop = hostsTop + 30 + tallest * (hostHeight + 6) + 24
        let tiers = plan.topology?.ceph?.tiers ?? []
        let height = cephTop + (tiers.isEmpty ? 0 : 34 + tiers.count * 22) + margin

        var out = """
        <svg xmlns="http://www.w3.org/2000/svg" width="\(width)" height="\(height)" viewBox="0 0 \(width) \(height)" role="img" aria-labelledby="topology-title">

        """
        let hosts = say(plan.hosts.count == 1 ? "diagram.hosts.one" : "diagram.hosts.many", ["count": "\(plan.hosts.count)"])
        let title = say("diagram.title", ["name": plan.name ?? "blueprint", "release": plan.release.label, "hosts": hosts])
        out += "<title id=\"topology-title\">\(escape(title))</title>\n"
        out += "<rect x=\"0\" y=\"0\" width=\"\(width)\" height=\"\(height)\" style=\"fill:#ffffff\"/>\n"
        out += text(margin, 30, title, style: "font-size:18px;font-weight:bold;fill:#1a1a1a")
        if plan.hosts.isEmpty {
            out += text(margin, 54, say("diagram.noHosts", [:]), style: "font-size:13px;fill:#555555")
        }

        // Network bars, each spanning the width; a column that attaches to a network gets a drop line to it.
        for (index, bar) in bars.enumerated() {
            let y = barsTop + index * (barHeight + barGap)
            out += "<rect x=\"\(margin)\" y=\"\(y)\" width=\"\(width - 2 * margin)\" height=\"\(barHeight)\" rx=\"4\" style=\"fill:\(bar.color);fill-opacity:0.18;stroke:\(bar.color)\"/>\n"
            out += text(margin + 8, y + 15, bar.label, style: "font-size:12px;fill:#1a1a1a")
        }
        for (column, group) in groups.enumerated() {
            let x = margin + column * (hostWidth + columnGap) + hostWidth / 2
            for (index, bar) in bars.enumerated() where group.attaches(to: bar.key) {
                let y = barsTop + index * (barHeight + barGap) + barHeight
                out += "<line x1=\"\(x + index * 6 - 12)\" y1=\"\(y)\" x2=\"\(x + index * 6 - 12)\" y2=\"\(hostsTop)\" style=\"stroke:\(bar.color);stroke-width:2\"/>\n"
            }
        }

        // Host columns: one per distinct set of roles, in the blueprint's order.
        let balancers = Set(plan.topology?.ha.loadBalancers ?? [])
        for (column, group) in groups.enumerated() {
            let x = margin + column * (hostWidth + columnGap)
            out += "<rect x=\"\(x)\" y=\"\(hostsTop)\" width=\"\(hostWidth)\" height=\"24\" rx=\"4\" style=\"fill:#2f4f6f\"/>\n"
            let roles = group.roles.map { say("diagram.role.\($0)", [:]) }.joined(separator: say("diagram.separator", [:]))
            out += text(x + 8, hostsTop + 16, say("diagram.group", ["roles": roles, "count": "\(group.hosts.count)"]), style: "font-size:12px;font-weight:bold;fill:#ffffff")
            for (row, host) in group.hosts.enumerated() {
                let y = hostsTop + 30 + row * (hostHeight + 6)
                let holdsVIP = balancers.contains(host.name)
                out += "<rect x=\"\(x)\" y=\"\(y)\" width=\"\(hostWidth)\" height=\"\(hostHeight)\" rx=\"4\" style=\"fill:#f4f6f8;stroke:\(holdsVIP ? "#b5651d" : "#8a99a8")\"/>\n"
                out += text(x + 8, y + 16, host.name + (host.address.map { "  " + $0 } ?? ""), style: "font-size:12px;font-weight:bold;fill:#1a1a1a")
                out += text(x + 8, y + 32, detail(host, plan: plan, holdsVIP: holdsVIP, say: say), style: "font-size:11px;fill:#444444")
            }
        }

        if !tiers.isEmpty, let ceph = plan.topology?.ceph {
            out += text(margin, cephTop + 14, say("diagram.ceph", ["domain": ceph.failureDomain.rawValue]), style: "font-size:13px;font-weight:bold;fill:#1a1a1a")
            for (index, tier) in tiers.enumerated() {
                let y = cephTop + 22 + index * 22
                out += "<rect x=\"\(margin)\" y=\"\(y)\" width=\"14\" height=\"14\" style=\"fill:\(tierColor(index))\"/>\n"
                let line = say("diagram.tier", ["name": tier.name, "class": tier.deviceClass, "osds": "\(tier.osds)",
                                                "domains": "\(tier.failureDomains)", "protection": protection(tier, say: say),
                                                "raw": tb(tier.rawTB), "usable": tb(tier.usableTB)])
                out += text(margin + 22, y + 12, line, style: "font-size:12px;fill:#1a1a1a")
            }
        }
        out += "</svg>\n"
        return out
    }

    struct HostGroup {
        let roles: [String]
        var hosts: [Host]
        /// The networks these hosts have an interface on; every host is on the management network.
        func attaches(to network: String) -> Bool {
            network == "management" || hosts.contains { $0.interfaces[network] != nil }
        }
    }

    static func hostGroups(_ hosts: [Host]) -> [HostGroup] {
        var groups: [HostGroup] = []
        for host in hosts {
            let roles = host.roles.map(\.rawValue)
            if let index = groups.firstIndex(where: { $0.roles == roles }) {
                groups[index].hosts.append(host)
            } else {
                groups.append(HostGroup(roles: roles, hosts: [host]))
            }
        }
        return groups
    }

    struct Bar {
        let key: String
        let label: String
        let color: String
    }

    static func networkBars(_ networks: Networks, plan: Plan, say: Say) -> [Bar] {
        var bars: [Bar] = []
        let ha = plan.topology?.ha
        if let api = networks.externalAPI {
            var label = say("diagram.externalAPI", ["segment": segment(api, say: say)])
            if let vip = networks.vip.external { label += say("diagram.externalVIP", ["vip": vip]) }
            if let fqdn = networks.vip.externalFQDN { label += " (\(fqdn))" }
            bars.append(Bar(key: "external_api", label: label, color: "#b5651d"))
        }
        var management = say("diagram.management", ["segment": segment(networks.management, say: say)])
        if let vip = networks.vip.internal {
            management += say("diagram.internalVIP", ["vip": vip, "id": "\(networks.vip.virtualRouterID)"])
            if let ha, ha.enabled, !ha.loadBalancers.isEmpty {
                management += say("diagram.balancers", ["count": "\(ha.loadBalancers.count)"])
            }
        }
        bars.append(Bar(key: "management", label: management, color: "#2f6f9f"))
        if networks.external.interface != nil || !networks.external.vlanRanges.isEmpty || !networks.provider.isEmpty {
            var label = say("diagram.external", [:])
            if let interface = networks.external.interface { label += say("diagram.external.interface", ["interface": interface]) }
            if !networks.external.vlanRanges.isEmpty {
                label += say("diagram.external.vlans", ["ranges": networks.external.vlanRanges.joined(separator: ", ")])
            }
            let providers = networks.provider.map { provider in
                provider.name + (provider.vlan.map { " VLAN \($0)" } ?? "") + (provider.cidr.map { " \($0)" } ?? "")
            }
            bars.append(Bar(key: "external", label: label, color: "#3f8f4f"))
            // Provider networks on a bar of their own: a long list would run past the external bar.
            if !providers.isEmpty {
                bars.append(Bar(key: "external", label: say("diagram.providers", ["list": providers.joined(separator: "; ")]), color: "#3f8f4f"))
            }
        }
        if let storage = networks.storage {
            bars.append(Bar(key: "storage", label: say("diagram.storage", ["segment": segment(storage, say: say)]), color: "#7f4f9f"))
        }
        if let tunnel = networks.tunnel {
            bars.append(Bar(key: "tunnel", label: say("diagram.tunnel", ["segment": segment(tunnel, say: say)]), color: "#8f7f2f"))
        }
        return bars
    }

    static func segment(_ segment: Networks.Segment, say: Say) -> String {
        var parts: [String] = []
        if let cidr = segment.cidr { parts.append(cidr) }
        if let interface = segment.interface { parts.append(say("diagram.interface", ["interface": interface])) }
        if let mtu = segment.mtu { parts.append("MTU \(mtu)") }
        return parts.isEmpty ? say("diagram.notSet", [:]) : parts.joined(separator: " ")
    }

    static func detail(_ host: Host, plan: Plan, holdsVIP: Bool, say: Say) -> String {
        var parts: [String] = []
        if let cores = host.cores { parts.append(say("diagram.cores", ["cores": "\(cores)"])) }
        if let memory = host.memoryGiB { parts.append(say("diagram.memory", ["gib": "\(memory)"])) }
        if host.roles.contains(.storage) {
            let disks = host.disks.map { "\($0.count)×\($0.kind.rawValue)" }
            if !disks.isEmpty { parts.append(say("diagram.osds", ["disks": disks.joined(separator: " + ")])) }
        }
        if holdsVIP { parts.append("VIP") }
        return parts.joined(separator: " · ")
    }

    /// `EC 4+2` as it is; replication said in the reader's language.
    static func protection(_ tier: CephCapacity.Tier, say: Say) -> String {
        tier.protection.hasPrefix("EC ") ? tier.protection : say("diagram.replication", ["size": "\(tier.width)"])
    }

    static func tierColor(_ index: Int) -> String {
        ["#2f6f9f", "#b5651d", "#3f8f4f", "#7f4f9f", "#8f7f2f"][index % 5]
    }

    static func tb(_ value: Double) -> String { String(format: "%.1f TB", value) }

    static func text(_ x: Int, _ y: Int, _ content: String, style: String) -> String {
        "<text x=\"\(x)\" y=\"\(y)\" style=\"\(font);\(style)\">\(escape(content))</text>\n"
    }

    /// XML escaping for text and attribute values: names and purposes come from the user's file.
    public static func escape(_ value: String) -> String {
        var out = ""
        out.reserveCapacity(value.count)
        for character in value {
            switch character {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.append(character)
            }
        }
        return out
    }
}
