/// HOST002: a host without roles is in no kolla-ansible group: it is prepared, then never used.
public struct HostWithoutRolesRule: Rule {
    public let id = "HOST002"
    public let summary = "Every host has at least one role"

    public init() {}

    public func check(_ context: RuleContext) -> [Finding] {
        context.blueprint.hosts.filter(\.roles.isEmpty).map { host in
            context.finding(id, .error, host.origin + ".roles", "\(host.name) has no role, so no service would run on it",
                            fix: "give it roles (control, network, compute, storage, monitoring) or remove it")
        }
    }
}
