/// One Prometheus alerting rule as Bojagi renders it, with the synthetic series that make it fire and keep
/// it quiet (rendered as promtool unit tests beside the rules).
public struct AlertRule: Sendable, Hashable {
    /// CamelCase, unique per meaning; several rules may share it (one per Ceph tier).
    public let name: String
    /// The package member the alert is about (`nova`, `mariadb`, `ceph`), or `node` for every host.
    public let component: String
    public let expression: String
    /// Prometheus's `for`: how long the expression must hold before the alert fires.
    public let duration: String
    public let severity: AlertSeverity
    /// One line naming the component. May use `{{ $labels.NAME }}` of the expression's series, nothing else.
    public let summary: String
    /// What it means and where to look first; same template rule as `summary`.
    public let description: String
    /// Labels beyond `severity` and `component` (a Ceph tier's name and device class).
    public let labels: [String: String]
    public let tests: [AlertTest]

    public init(name: String, component: String, expression: String, duration: String, severity: AlertSeverity,
                summary: String, description: String, labels: [String: String] = [:], tests: [AlertTest]) {
        self.name = name
        self.component = component
        self.expression = expression
        self.duration = duration
        self.severity = severity
        self.summary = summary
        self.description = description
        self.labels = labels
        self.tests = tests
    }

    /// The operations manual's anchor for this alert's runbook.
    public var runbookAnchor: String { name.lowercased() }

    /// Where Alertmanager and Grafana link: the manual's runbook page, relative to the manual's root.
    public var runbookURL: String { "manual/runbooks.html#\(runbookAnchor)" }

    /// Every label the alert carries besides the expression's: `component`, `severity` and `labels`.
    public var ruleLabels: [String: String] {
        labels.merging(["component": component, "severity": severity.rawValue]) { _, new in new }
    }

    /// The annotations as Prometheus expands them for an alert whose expression series has `labels`.
    public func annotations(for labels: [String: String]) -> [String: String] {
        ["summary": Self.expand(summary, labels), "description": Self.expand(description, labels), "runbook_url": runbookURL]
    }

    /// `{{ $labels.NAME }}` replaced by the label's value (Prometheus prints an absent label as empty).
    static func expand(_ template: String, _ labels: [String: String]) -> String {
        var out = ""
        var rest = Substring(template)
        while let open = rest.range(of: "{{ $labels.") {
            out += rest[..<open.lowerBound]
            guard let close = rest[open.upperBound...].range(of: " }}") else { break }
            out += labels[String(rest[open.upperBound..<close.lowerBound])] ?? ""
            rest = rest[close.upperBound...]
        }
        return out + rest
    }
}

/// A named set of rules: one Prometheus rule group, one concern (an area of the cloud).
public struct AlertGroup: Sendable, Hashable {
    public let name: String
    public let rules: [AlertRule]

    public init(name: String, rules: [AlertRule]) {
        self.name = name
        self.rules = rules
    }
}
