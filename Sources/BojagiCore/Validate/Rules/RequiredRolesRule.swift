/// HOST001: the package needs hosts in certain roles: control always, compute for Nova, storage for Ceph.
public struct RequiredRolesRule: Rule {
    public let id = "HOST001"
    public let summary = "The roles the package needs have hosts: control, compute for Nova, storage for Ceph"

    public init() {}

    public func check(_ context: RuleContext) -> [Finding] {
        guard !context.blueprint.hosts.isEmpty else { return [] }
        var findings: [Finding] = []
        if context.hosts(with: .control).isEmpty {
            findings.append(context.finding(id, .error, "hosts", "no host has the control role: the APIs, database and queue have nowhere to run",
                                            fix: "give the control role to 3 hosts (1 for a trial)"))
        }
        if context.has("nova"), context.hosts(with: .compute).isEmpty {
            findings.append(context.finding(id, .error, "hosts", "Nova is in the package but no host has the compute role",
                                            fix: "give the compute role to the hypervisors"))
        }
        if context.blueprint.storage.ceph != nil, context.hosts(with: .storage).isEmpty {
            findings.append(context.finding(id, .error, "storage.ceph", "Ceph is configured but no host has the storage role",
                                            fix: "give the storage role to the hosts with OSD disks"))
        }
        return findings
    }
}
