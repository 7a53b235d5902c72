/// The upgrade plan as a person reads it at 80 columns: the route, then each hop's facts and its steps in order
/// with their downtime, then findings, then the sources the numbers in brackets point to.
public enum UpgradeReport {
    static let width = 80

    public static func text(_ plan: UpgradePlan) -> String {
        var sources = SourceIndex()
        var out = "Upgrade plan\(plan.name.map { " \($0)" } ?? ""): \(plan.from.label) → \(plan.to.label)\n"
        guard !plan.hops.isEmpty else {
            return out + "  the blueprint is on \(plan.to.label) already: nothing to upgrade\n"
        }
        let route = plan.route.map(\.label).joined(separator: " → ")
        let hops = plan.hops.count == 1 ? "1 hop" : "\(plan.hops.count) hops"
        out += wrap("route: \(route), \(hops) under the SLURP rules \(sources.ref([plan.routeSource]))", indent: 2)
        out += wrap("package on \(plan.from.label): \(plan.package.joined(separator: ", "))", indent: 2)
        var hosts = "host OS \(plan.hostOS ?? "not set")"
        hosts += plan.rollingControlPlane
            ? "; rolling control-plane steps stay rolling (HA, three or more controllers)"
            : "; no rolling control plane (HA off or fewer than three controllers): its rolling steps are outages"
        out += wrap(hosts, indent: 2)

        for hop in plan.hops {
            out += "\n" + hopText(hop, sources: &sources)
        }

        out += "\n" + findings(plan.findings)
        out += "\nSources\n"
        for (index, source) in sources.all.enumerated() {
            let tag = "  [\(index + 1)] "
            out += TextWrap.wrap(source, width: width, first: tag, rest: String(repeating: " ", count: tag.count))
        }
        return out
    }

    static func hopText(_ hop: UpgradePlan.Hop, sources: inout SourceIndex) -> String {
        var title = "Hop \(hop.number): \(hop.from.label) → \(hop.to.label)"
        if hop.slurp { title += ", SLURP over \(hop.skips.map(\.label).joined(separator: ", "))" }
        var out = title + "\n"
        if let tooling = hop.tooling {
            var line = "kolla-ansible \(tooling.kollaAnsible ?? "?"): ansible-core \(tooling.ansibleCore ?? "?")"
            if let ansible = tooling.ansible { line += " (Ansible \(ansible))" }
            if let python = tooling.python { line += ", Python \(python)" }
            if let tested = tooling.pythonTested { line += " (tested \(tested))" }
            out += wrap(line + " " + sources.ref(tooling.sources), indent: 2)
        } else {
            out += wrap("kolla-ansible \(hop.to.label): the catalog has no tooling facts", indent: 2)
        }
        if let os = hop.hostOS {
            var line = "host OS: "
            if let before = os.before {
                line += before == os.after ? "\(before) stays" : "\(before) → \(os.after ?? "?")"
                line += "; "
            }
            line += "\(hop.to.label) accepts \(os.accepted.joined(separator: ", "))"
            if let documented = os.documented {
                line += " (its support matrix lists \(documented.isEmpty ? "none of these" : documented.joined(separator: ", ")))"
            }
            out += wrap(line + " " + sources.ref(os.sources), indent: 2)
        }
        if let rabbitmq = hop.rabbitmq { out += wrap("RabbitMQ " + versions(rabbitmq) + " " + sources.ref(rabbitmq.sources), indent: 2) }
        if let mariadb = hop.mariadb { out += wrap("MariaDB " + versions(mariadb) + " " + sources.ref(mariadb.sources), indent: 2) }
        if let ceph = hop.ceph {
            var line = "Ceph: client \(ceph.clientFrom ?? "?") → \(ceph.clientTo ?? "?"); cluster "
            line += ceph.clusterBefore == ceph.clusterAfter ? ceph.clusterBefore : "\(ceph.clusterBefore) → \(ceph.clusterAfter)"
            out += wrap(line + " " + sources.ref(ceph.sources), indent: 2)
        }
        var package: [String] = hop.leaves.map { leaving in
            "\(leaving.name) leaves" + (leaving.successor.map { " (\($0) takes its place)" } ?? " (nothing takes its place)")
        }
        package += hop.joins.keys.sorted().map { "\($0) joins" }
        if !package.isEmpty { out += wrap("package: " + package.joined(separator: "; "), indent: 2) }

        var number = 0
        for phase in UpgradePlan.Step.Phase.allCases {
            let steps = hop.steps.filter { $0.phase == phase }
            guard !steps.isEmpty else { continue }
            out += "\n  " + heading(phase, hop) + "\n"
            for step in steps {
                number += 1
                let prefix = "    \(number). "
                var label = label(step.downtime)
                if step.recommended { label += ", recommended" }
                var text = "[\(label)] \(step.text)"
                if let note = step.downtimeNote { text += " (an outage here: \(note))" }
                text += " " + sources.ref(step.sources)
                out += TextWrap.wrap(text, width: width, first: prefix, rest: String(repeating: " ", count: prefix.count))
                let indent = String(repeating: " ", count: prefix.count + 2)
                for setting in step.settings { out += indent + "globals.yml: " + setting + "\n" }
                for command in step.commands { out += indent + "$ " + command + "\n" }
            }
        }
        return out
    }

    static func heading(_ phase: UpgradePlan.Step.Phase, _ hop: UpgradePlan.Hop) -> String {
        switch phase {
        case .checks: "Checks and backups, on \(hop.from.label)"
        case .before: "Prepare, on \(hop.from.label)"
        case .upgrade: "Upgrade to \(hop.to.label)"
        case .after: "After, on \(hop.to.label)"
        }
    }

    static func label(_ downtime: UpgradeFacts.Downtime) -> String {
        switch downtime {
        case .none: "no downtime"
        case .rolling: "rolling"
        case .restarts: "API restarts"
        case .outage: "outage"
        }
    }

    static func versions(_ versions: UpgradePlan.Versions) -> String {
        guard let from = versions.from else { return versions.to ?? "?" }
        return from == versions.to ? "\(from) (unchanged)" : "\(from) → \(versions.to ?? "?")"
    }

    /// Findings, errors first, wrapped; "No findings." when there are none.
    static func findings(_ findings: [Finding]) -> String {
        guard !findings.isEmpty else { return "No findings.\n" }
        var out = PlanReport.findingsHeader(findings)
        for finding in findings {
            let place = finding.path.isEmpty ? "" : " \(finding.path)\(finding.line.map { " (line \($0))" } ?? "")"
            out += TextWrap.wrap("\(finding.severity.rawValue) \(finding.id)\(place): \(finding.message)", width: width,
                                 first: "  ", rest: "    ")
            if let fix = finding.fix { out += TextWrap.wrap("fix: " + fix, width: width, first: "    ", rest: "      ") }
        }
        return out
    }

    static func wrap(_ text: String, indent: Int) -> String {
        TextWrap.wrap(text, width: width, first: String(repeating: " ", count: indent),
                      rest: String(repeating: " ", count: indent + 2))
    }

    /// Sources numbered in the order the report first cites them.
    struct SourceIndex {
        private(set) var all: [String] = []

        mutating func ref(_ sources: [String]) -> String {
            let numbers = sources.map { source in
                if let index = all.firstIndex(of: source) { return index + 1 }
                all.append(source)
                return all.count
            }
            return numbers.isEmpty ? "" : "[" + numbers.map(String.init).joined(separator: ", ") + "]"
        }
    }
}
