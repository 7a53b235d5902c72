/// NET005: kolla-ansible needs the management interface on every host, and Neutron's external interface on
/// network hosts; without a name the deploy fails on the first host.
public struct InterfaceDefinedRule: Rule {
    public let id = "NET005"
    public let summary = "Every host names its management interface; network hosts name the external one"

    public init() {}

    public func check(_ context: RuleContext) -> [Finding] {
        var findings: [Finding] = []
        for host in context.blueprint.hosts {
            if context.interface(of: host, for: "management") == nil {
                findings.append(context.finding(id, .error, host.origin + ".interfaces",
                                                "\(host.name) names no management interface",
                                                fix: "set networks.management.interface (for all hosts) or interfaces.management on the host"))
            }
            if host.roles.contains(.network), context.has("neutron"), context.interface(of: host, for: "external") == nil {
                findings.append(context.finding(id, .error, host.origin + ".interfaces",
                                                "network host \(host.name) names no external interface for Neutron (neutron_external_interface)",
                                                fix: "set networks.external.interface or interfaces.external on the host"))
            }
        }
        return findings
    }
}
