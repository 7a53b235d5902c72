import Foundation

/// The plan as a person reads it: the package, why each member is in it, findings, then totals beside the
/// vendor "everything" package.
public enum PlanReport {
    public static func text(_ plan: Plan) -> String {
        var out = ""
        let release = plan.release
        var facts = [release.status]
        if release.slurp { facts.append("SLURP") }
        if let kolla = release.kollaAnsible { facts.append("kolla-ansible \(kolla)") }
        if let ceph = release.ceph { facts.append("Ceph \(ceph)") }
        out += "Plan\(plan.name.map { " \($0)" } ?? ""): \(plan.profileTitle) (\(plan.profile)) on \(release.label) — \(facts.joined(separator: ", "))\n\n"

        var table = TextTable(["SERVICE", "TYPE", "MATURITY", "ADOPTION", "KOLLA", "WHY"])
        for row in plan.services {
            table.append([row.name, row.type, maturity(row), row.adoption.map { "\($0)%" } ?? "–",
                          row.kollaFlag ?? "–", compact(row.why)])
        }
        out += table.render()
        if plan.services.contains(where: { $0.maturityPartial }) {
            out += "* maturity counts only the Navigator criteria with data; `bojagi catalog NAME` shows each one\n"
        }

        if !plan.infrastructure.isEmpty {
            out += "\nInfrastructure\n"
            var infra = TextTable(["COMPONENT", "KOLLA", "WHY"])
            for row in plan.infrastructure {
                infra.append([row.name, row.kollaFlag ?? "–", compact(row.why)])
            }
            out += infra.render(indent: "  ")
        }
        if !plan.gaps.isEmpty {
            out += "\nNot provided\n"
            for gap in plan.gaps {
                out += "  \(gap.capability): \(gap.explanation)\n"
                if !gap.alternatives.isEmpty { out += "    alternatives: \(gap.alternatives.joined(separator: ", "))\n" }
            }
        }
        if !plan.offered.isEmpty {
            let offers = plan.offered.sorted { $0.key < $1.key }.map { "\($0.key) (\($0.value))" }
            out += "\nOptional for this profile: \(offers.joined(separator: ", "))\n  add with `capabilities: add: [NAME]`\n"
        }

        if let topology = plan.topology {
            out += TopologyReport.text(topology, plan: plan, hosts: plan.hosts)
        }

        out += "\n" + findings(plan.findings)

        out += "\n"
        var totals = TextTable(["TOTALS", "THIS PACKAGE", "VENDOR EVERYTHING", "SAVED"])
        totals.append(["OpenStack projects", "\(plan.totals.projects)", "\(plan.vendor.projects)",
                       "\(plan.vendor.projects - plan.totals.projects)"])
        totals.append(["containers per controller", "\(plan.totals.containers)", "\(plan.vendor.containers)",
                       "\(plan.vendor.containers - plan.totals.containers)"])
        totals.append(["memory per controller", gib(plan.totals.controllerMemoryMiB), gib(plan.vendor.controllerMemoryMiB),
                       gib(plan.vendor.controllerMemoryMiB - plan.totals.controllerMemoryMiB)])
        out += totals.render()
        return out
    }

    /// "Findings (2 errors, 1 advice)": the counts by severity, for every report that lists findings.
    static func findingsHeader(_ findings: [Finding]) -> String {
        let counts = Finding.Severity.allCases.compactMap { severity -> String? in
            let count = findings.filter { $0.severity == severity }.count
            return count == 0 ? nil : "\(count) \(severity.rawValue)\(count == 1 || severity == .advice ? "" : "s")"
        }
        return "Findings (\(counts.joined(separator: ", ")))\n"
    }

    /// Findings, errors first; "No findings." when there are none.
    public static func findings(_ findings: [Finding]) -> String {
        guard !findings.isEmpty else { return "No findings.\n" }
        var out = findingsHeader(findings)
        for finding in findings {
            let place = finding.path.isEmpty ? "" : " \(finding.path)\(finding.line.map { " (line \($0))" } ?? "")"
            out += "  \(finding.severity.rawValue) \(finding.id)\(place): \(finding.message)\n"
            if let fix = finding.fix { out += "    fix: \(fix)\n" }
        }
        return out
    }

    private static func maturity(_ row: Plan.Row) -> String {
        guard let points = row.maturity else { return "–" }
        return "\(points)/8" + (row.maturityPartial ? "*" : "") + (row.core ? " core" : "")
    }

    /// "required by cinder, glance, nova" rather than three sentences.
    private static func compact(_ reasons: [String]) -> String {
        let prefix = "required by "
        let required = reasons.filter { $0.hasPrefix(prefix) }.map { String($0.dropFirst(prefix.count)) }
        let others = reasons.filter { !$0.hasPrefix(prefix) }
        return (others + (required.isEmpty ? [] : [prefix + required.joined(separator: ", ")])).joined(separator: "; ")
    }

    static func gib(_ mib: Int) -> String {
        String(format: "%.1f GiB", Double(mib) / 1024)
    }
}
