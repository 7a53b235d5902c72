extension UpgradePlanner {
    /// UPG010: the route starts or ends on a release whose kolla-ansible branch is unmaintained or gone. At the
    /// start the backups and checks run with a kolla-ansible that gets no fixes; at the end the cloud lands on one.
    func kollaBranchFindings(from: Release, to: Release, blueprint: Blueprint) -> [Finding] {
        guard to.ordinal > from.ordinal else { return [] }
        var findings: [Finding] = []
        if let problem = from.kollaAnsibleBranchProblem(on: today) {
            findings.append(finding("UPG010", .advice, "release", blueprint,
                                    "\(problem); the upgrade starts there, so the backups and checks before the first hop run with it",
                                    fix: to.kollaAnsibleBranchProblem(on: today) == nil
                                        ? "this upgrade is the way out: \(to.label)'s kolla-ansible branch is maintained; run it soon"
                                        : catalog.kollaBranchFix(for: from, on: today)))
        }
        if let problem = to.kollaAnsibleBranchProblem(on: today) {
            findings.append(finding("UPG010", .warning, "", blueprint,
                                    "\(problem); the upgrade ends there",
                                    fix: catalog.kollaBranchFix(for: to, on: today)))
        }
        return findings
    }
}
