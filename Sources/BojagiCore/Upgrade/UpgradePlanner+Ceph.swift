extension UpgradePlanner {
    /// Upgrades the Ceph cluster before a hop when it is older than every Ceph the target's images are used
    /// with, to the target's newest, at most `max_majors_per_upgrade` majors at a time (cluster first, then the
    /// OpenStack clients with the hop). A cluster too far ahead of the target's client is a warning.
    func cephSteps(_ context: HopContext, state: inout State, steps: inout [UpgradePlan.Step]) -> UpgradePlan.Ceph? {
        guard let before = state.cephCluster else { return nil }
        let facts = catalog.upgrades.ceph
        let from = context.from, to = context.to
        let sources = [from.source?.ceph, to.source?.ceph].compactMap { $0 }
        let listed = to.ceph.compactMap { facts.majors[$0] }
        guard let current = facts.majors[before], let oldest = listed.min(), let newest = listed.max(),
              let goal = to.recommendedCeph, let goalMajor = facts.majors[goal] else {
            return UpgradePlan.Ceph(clientFrom: from.recommendedCeph, clientTo: to.recommendedCeph,
                                    clusterBefore: before, clusterAfter: before, sources: sources)
        }
        if current > newest + 1 {
            state.findings.append(finding(
                "UPG006", .warning, "storage.ceph.release", context.blueprint,
                "hop \(context.number): the Ceph cluster runs \(before), \(current - newest) majors newer than the \(to.recommendedCeph ?? "?") client in \(to.label)'s images; once the cluster uses newer OSDMap features that client cannot read it",
                fix: "run `ceph osd set-require-min-compat-client \(to.recommendedCeph ?? before)` so the cluster refuses features the client cannot parse"))
        }
        guard current < oldest else {
            return UpgradePlan.Ceph(clientFrom: from.recommendedCeph, clientTo: to.recommendedCeph,
                                    clusterBefore: before, clusterAfter: before, sources: sources)
        }
        let names = Dictionary(uniqueKeysWithValues: facts.majors.map { ($0.value, $0.key) })
        let downtime = catalog.upgrades.downtime(.ceph)
        var major = current
        var name = before
        while major < goalMajor {
            let nextMajor = min(major + facts.maxMajorsPerUpgrade, goalMajor)
            guard let next = names[nextMajor] else { break }
            steps.append(step(
                .before, "ceph",
                .key("upgrade.ceph", ["current": name, "next": next, "from": from.label, "to": to.label, "goal": goal,
                                          "oldest": to.ceph.first ?? goal]),
                commands: ["ceph orch upgrade start --image quay.io/ceph/ceph:v\(nextMajor).2.<z>",
                           "ceph osd require-osd-release \(next)"],
                downtime: downtime.class, sources: unique(sources + [facts.source, downtime.source])))
            major = nextMajor
            name = next
        }
        state.cephCluster = name
        return UpgradePlan.Ceph(clientFrom: from.recommendedCeph, clientTo: to.recommendedCeph,
                                clusterBefore: before, clusterAfter: name, sources: sources + [facts.source])
    }
}
