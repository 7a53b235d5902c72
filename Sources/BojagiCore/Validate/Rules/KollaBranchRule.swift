/// REL005: kolla-ansible is a cycle-trailing deliverable that ends its branches on its own schedule: its Yoga, Zed
/// and 2023.1 branches are gone while OpenStack still calls those series unmaintained (openstack/releases
/// `deliverables/<series>/kolla-ansible.yaml`). Without a maintained branch no kolla-ansible fixes or releases
/// come, whatever the series' own status says.
public struct KollaBranchRule: Rule {
    public let id = "REL005"
    public let summary = "kolla-ansible still maintains a branch for the target release"

    public init() {}

    public func check(_ context: RuleContext) -> [Finding] {
        let release = context.release
        // A series at end of life took its kolla-ansible branch with it; REL003 already warns about that.
        guard release.status(on: context.today) != "end of life",
              let problem = release.kollaAnsibleBranchProblem(on: context.today) else { return [] }
        return [context.finding(id, .warning, "release", problem,
                                fix: context.catalog.kollaBranchFix(for: release, on: context.today))]
    }
}
