/// HOST003: Prometheus, Grafana and central logging run on kolla's `monitoring` group.
public struct MonitoringHostRule: Rule {
    public let id = "HOST003"
    public let summary = "Monitoring and central logging have a monitoring host"

    public init() {}

    public func check(_ context: RuleContext) -> [Finding] {
        let monitoring = context.blueprint.monitoring
        guard !context.blueprint.hosts.isEmpty, monitoring.prometheus || monitoring.grafana || monitoring.centralLogging,
              context.hosts(with: .monitoring).isEmpty else { return [] }
        let wanted = [monitoring.prometheus ? "prometheus" : nil, monitoring.grafana ? "grafana" : nil,
                      monitoring.centralLogging ? "central_logging" : nil].compactMap { $0 }
        return [context.finding(id, .warning, "monitoring",
                                "monitoring asks for \(wanted.joined(separator: ", ")) but no host has the monitoring role, so kolla-ansible would deploy them nowhere",
                                fix: "give the monitoring role to the control hosts (or dedicated hosts), or turn these off")]
    }
}
