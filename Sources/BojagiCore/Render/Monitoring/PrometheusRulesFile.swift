/// The alert rules as Prometheus reads them (`groups:` of `rules:`), and their promtool unit tests. Every
/// string is single-quoted, maps are sorted, rules keep the order their group gives them.
enum PrometheusRulesFile {
    static func rules(_ groups: [AlertGroup], context: RenderContext) -> String {
        var out = context.header("Prometheus alert rules")
        out += """
            # kolla-ansible copies config/prometheus/*.rules into the Prometheus server (/etc/prometheus/) and lists them
            # in prometheus.yml's rule_files (with enable_prometheus_alertmanager, on with Prometheus).
            # Only what this package runs is here. severity: critical (users affected now: act now), warning (redundancy
            # lost or a limit near: act today), info (the plan's margins exceeded: plan capacity). runbook_url points
            # at the operations manual. Tests: promtool test rules config/prometheus/tests/*.yml

            """
        out += "groups:\n"
        for group in groups {
            out += "  - name: \(quoted(group.name))\n    rules:\n"
            for rule in group.rules {
                out += "      - alert: \(quoted(rule.name))\n"
                out += "        expr: \(quoted(rule.expression))\n"
                out += "        for: \(rule.duration)\n"
                out += "        labels:\n" + mapping(rule.ruleLabels, indent: 10)
                out += "        annotations:\n"
                out += mapping(["summary": rule.summary, "description": rule.description, "runbook_url": rule.runbookURL], indent: 10)
            }
        }
        return out
    }

    /// The test file's name for tests evaluated at `evaluation`: bojagi.yml, and bojagi-hourly.yml for day-long windows.
    static func testsFile(_ evaluation: AlertTest.Evaluation) -> String {
        evaluation == .fiveMinutes ? "bojagi.yml" : "bojagi-hourly.yml"
    }

    /// One promtool test file per evaluation interval that has tests, by file name.
    static func tests(_ groups: [AlertGroup], rulesFile: String, context: RenderContext) -> [(file: String, text: String)] {
        AlertTest.Evaluation.allCases.compactMap { evaluation in
            let tests = groups.flatMap(\.rules).flatMap { rule in rule.tests.filter { $0.evaluation == evaluation }.map { (rule, $0) } }
            guard !tests.isEmpty else { return nil }
            return (testsFile(evaluation), self.tests(tests, evaluation: evaluation, rulesFile: rulesFile, context: context))
        }
    }

    static func tests(_ tests: [(AlertRule, AlertTest)], evaluation: AlertTest.Evaluation, rulesFile: String, context: RenderContext) -> String {
        var out = context.header("promtool unit tests of \(rulesFile)")
        out += """
            # Each alert fires on synthetic series that show its condition and stays quiet beside them.
            # Run: promtool test rules config/prometheus/tests/*.yml

            """
        out += "rule_files:\n  - \(quoted("../" + rulesFile))\nevaluation_interval: \(evaluation.rawValue)\ntests:\n"
        for (rule, test) in tests {
            out += "  - name: \(quoted("\(rule.name)\(rule.labels["tier"].map { " (\($0))" } ?? "") \(test.name)"))\n"
            out += "    interval: \(test.interval)\n"
            out += "    input_series:\n"
            for series in test.series {
                out += "      - series: \(quoted(series.selector))\n        values: \(quoted(series.values))\n"
            }
            out += "    alert_rule_test:\n"
            out += "      - eval_time: \(test.evalTime)\n"
            out += "        alertname: \(quoted(rule.name))\n"
            if test.firing.isEmpty {
                out += "        exp_alerts: []\n"
                continue
            }
            out += "        exp_alerts:\n"
            let alerts = test.firing.map { labels in (labels: labels.merging(rule.ruleLabels) { _, rule in rule }, annotations: rule.annotations(for: labels)) }
            for alert in alerts.sorted(by: { sortKey($0.labels) < sortKey($1.labels) }) {
                out += "          - exp_labels:\n" + mapping(alert.labels, indent: 16)
                out += "            exp_annotations:\n" + mapping(alert.annotations, indent: 16)
            }
        }
        return out
    }

    static func sortKey(_ labels: [String: String]) -> String {
        labels.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: ",")
    }

    static func mapping(_ values: [String: String], indent: Int) -> String {
        let pad = String(repeating: " ", count: indent)
        return values.sorted { $0.key < $1.key }.map { "\(pad)\($0.key): \(quoted($0.value))\n" }.joined()
    }

    /// A YAML single-quoted scalar: nothing inside is special but the quote, which doubles.
    static func quoted(_ text: String) -> String {
        "'" + text.replacingOccurrences(of: "'", with: "''") + "'"
    }
}
