/// SVC016: Designate needs coordination when several workers run, and turns on Neutron's DNS integration,
/// whose precheck rejects kolla's default `neutron_dns_domain` (openstacklocal).
public struct DesignateBackendRule: Rule {
    public let id = "SVC016"
    public let summary = "Designate has a coordination backend on several hosts and a real Neutron DNS domain"

    public init() {}

    public func check(_ context: RuleContext) -> [Finding] {
        // A blueprint without hosts is a package sketch: deployment settings come with the hosts.
        guard context.has("designate"), !context.blueprint.hosts.isEmpty else { return [] }
        var findings: [Finding] = []
        let hosts = context.topology.placement.hosts(of: "designate")
        if hosts.count > 1, !context.has("valkey") {
            findings.append(context.finding(id, .warning, "services",
                                            "Designate runs on \(hosts.count) hosts (\(hosts.joined(separator: ", "))) without Valkey: its workers and producers need a coordination backend to share work",
                                            fix: "add valkey under services.add (kolla sets designate_coordination_backend to valkey when it is enabled)"))
        }
        if context.has("neutron") {
            findings.append(context.finding(id, .warning, "services",
                                            "Designate turns on Neutron DNS integration: kolla-ansible's precheck fails unless neutron_dns_domain is set to a real domain ending in '.' (the default 'openstacklocal' is refused); the DNS backend is bind9 unless designate_backend says otherwise",
                                            fix: "set neutron_dns_domain (e.g. \"cloud.example.org.\") in globals.yml, set designate_ns_record to your name server, and delegate the zone to the bind9 servers"))
        }
        return findings
    }
}
