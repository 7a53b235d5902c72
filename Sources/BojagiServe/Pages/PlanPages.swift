import Foundation
import BojagiCore

/// The package, the topology and the capacity: what `bojagi plan` says, as pages.
enum PlanPages {
    static func package(_ plan: Plan?, subtitle: String) -> String {
        guard let plan else { return Layout.page("Package", path: "/", subtitle: subtitle, body: Layout.noBlueprint("package")) }
        let h = Layout.h
        var body = "<p>\(h(plan.name ?? "blueprint")): \(h(plan.profileTitle)) on \(h(plan.release.label)) (\(h(plan.release.status))), "
        body += "\(plan.totals.projects) projects, \(plan.totals.containers) containers, \(plan.totals.controllerMemoryMiB / 1024) GiB per controller; "
        body += "the vendor's everything: \(plan.vendor.projects) projects, \(plan.vendor.containers) containers.</p>\n"
        func rows(_ rows: [Plan.Row]) -> [[String]] {
            rows.map { row in
                [h(row.name), h(row.type), h(row.why.joined(separator: "; ")), row.maturity.map { "\($0)/8\(row.maturityPartial ? "+" : "")" } ?? "–",
                 row.adoption.map { "\($0)%" } ?? "–", h(row.kollaFlag ?? "–")]
            }
        }
        body += "<h2>Services</h2>\n" + Layout.table(["Service", "Type", "Why", "Maturity", "Adoption", "kolla-ansible"], rows(plan.services))
        body += "<h2>Infrastructure</h2>\n" + Layout.table(["Component", "Type", "Why", "Maturity", "Adoption", "kolla-ansible"], rows(plan.infrastructure))
        if !plan.gaps.isEmpty {
            body += "<h2>What the release cannot provide</h2>\n" + Layout.table(["Capability", "Why", "Instead"], plan.gaps.map {
                [h($0.capability), h($0.explanation), h($0.alternatives.joined(separator: ", "))]
            })
        }
        body += "<h2>Findings</h2>\n"
        body += plan.findings.isEmpty ? "<p>None.</p>\n" : Layout.table(["Severity", "Rule", "Where", "Finding", "Fix"], plan.findings.map {
            ["<span class=\"\($0.severity.rawValue)\">\(h($0.severity.rawValue))</span>", h($0.id), h($0.path), h($0.message), h($0.fix ?? "")]
        })
        return Layout.page("Package", path: "/", subtitle: subtitle, body: body)
    }

    static func topology(_ plan: Plan?, networks: Networks?, subtitle: String) -> String {
        guard let plan, let networks else { return Layout.page("Topology", path: "/topology", subtitle: subtitle, body: Layout.noBlueprint("topology")) }
        var body = TopologyDiagram.svg(plan, networks: networks)
        if let ha = plan.topology?.ha {
            body += "<h2>High availability</h2>\n<ul>"
            if ha.enabled {
                body += "<li>\(ha.controllers.count) control hosts; \(Layout.h(ha.quorumComponents.joined(separator: ", "))) keep quorum through \(ha.toleratedFailures) failure(s)</li>"
            }
            for line in ha.notHA { body += "<li>not HA: \(Layout.h(line))</li>" }
            body += "</ul>\n"
        }
        return Layout.page("Topology", path: "/topology", subtitle: subtitle, body: body)
    }

    static func capacity(_ plan: Plan?, subtitle: String) -> String {
        guard let plan, let topology = plan.topology else {
            return Layout.page("Capacity", path: "/capacity", subtitle: subtitle, body: Layout.noBlueprint("capacity (a blueprint with hosts)"))
        }
        let compute = topology.compute
        var body = "<h2>Compute</h2>\n<p class=\"note\">\(compute.hosts) compute hosts after reserving \(plan.capacitySettings.reservedHostCores) cores and \(plan.capacitySettings.reservedHostMemoryGiB) GiB each; N+1 is the capacity with the largest host down.</p>\n"
        body += CapacityChart.bars(title: "vCPU", unit: "", bars: [
            ("capacity", Double(compute.vcpus)), ("N+1", Double(compute.vcpusN1)), ("planned", compute.plannedVCPUs.map(Double.init)),
        ])
        body += CapacityChart.bars(title: "Memory for instances", unit: " GiB", bars: [
            ("capacity", Double(compute.memoryGiB)), ("N+1", Double(compute.memoryGiBN1)), ("planned", compute.plannedMemoryGiB.map(Double.init)),
        ])
        if let verdict = compute.fitsN1.map({ $0 ? "The planned load fits, also with one host down (N+1)." : compute.fits == true ? "The planned load fits, but not with one host down (N+1)." : "The planned load does not fit." }) {
            body += "<p>\(verdict)</p>\n"
        }
        if let ceph = topology.ceph {
            body += "<h2>Ceph</h2>\n<p class=\"note\">Failure domain \(ceph.failureDomain.rawValue), nearfull ratio \(ceph.nearfullRatio); N+1 is what a tier holds at nearfull after losing its largest failure domain.</p>\n"
            for tier in ceph.tiers {
                body += CapacityChart.bars(title: "\(tier.name) (\(tier.deviceClass), \(tier.protection), \(tier.osds) OSDs)", unit: " TB", bars: [
                    ("raw", tier.rawTB), ("usable", tier.usableTB), ("nearfull", tier.nearfullTB), ("N+1", tier.reprotects ? tier.afterLossTB : nil), ("planned", tier.plannedTB),
                ])
                if !tier.reprotects {
                    body += "<p><span class=\"warning\">\(tier.protection) on exactly \(tier.failureDomains) failure domains: after losing one it runs degraded until that domain is back (N+1 has no figure).</span></p>\n"
                }
                body += "<p>\(tier.survivesLoss ? "Holds its planned data after losing one failure domain." : "<span class=\"warning\">Does not hold its planned data after losing one failure domain.</span>")</p>\n"
            }
        }
        return Layout.page("Capacity", path: "/capacity", subtitle: subtitle, body: body)
    }
}

/// Horizontal SVG bar charts, inline: one bar per figure, scaled to the largest.
enum CapacityChart {
    static func bars(title: String, unit: String, bars: [(String, Double?)]) -> String {
        let present = bars.compactMap { label, value in value.map { (label, $0) } }
        let largest = max(present.map(\.1).max() ?? 1, 1)
        let width = 560, labelWidth = 90, barArea = 360
        var svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(width)\" height=\"\(present.count * 26 + 30)\" role=\"img\">"
        svg += "<title>\(Layout.h(title))</title><text x=\"0\" y=\"16\" style=\"font-family:sans-serif;font-size:13px;font-weight:bold\">\(Layout.h(title))</text>"
        for (index, (label, value)) in present.enumerated() {
            let y = 26 + index * 26
            let length = Int((value / largest * Double(barArea)).rounded())
            let color = label == "planned" ? "#b5651d" : label == "N+1" ? "#7f4f9f" : "#2f6f9f"
            svg += "<text x=\"0\" y=\"\(y + 14)\" style=\"font-family:sans-serif;font-size:12px\">\(Layout.h(label))</text>"
            svg += "<rect x=\"\(labelWidth)\" y=\"\(y)\" width=\"\(max(length, 1))\" height=\"18\" style=\"fill:\(color)\"/>"
            svg += "<text x=\"\(labelWidth + length + 6)\" y=\"\(y + 14)\" style=\"font-family:sans-serif;font-size:12px\">\(format(value))\(Layout.h(unit))</text>"
        }
        return svg + "</svg>\n"
    }

    static func format(_ value: Double) -> String {
        value == value.rounded() ? String(Int(value)) : String(format: "%.1f", value)
    }
}
