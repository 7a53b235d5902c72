extension Release {
    /// kolla-ansible's branch status on `day`: the recorded one, unless the series has since left maintenance.
    /// openstack/releases `doc/source/reference/using.rst`: when a series becomes unmaintained its stable
    /// branches are tagged `<series>-eom` and become `unmaintained/<series>`, or end with a `<series>-eol` tag;
    /// kolla-ansible never stays better than its series. nil where the catalog has no record.
    public func kollaAnsibleStatus(on day: Day) -> KollaBranch.Status? {
        guard let branch = kollaAnsibleBranch else { return nil }
        switch (status(on: day), branch.status) {
        case ("end of life", _): return .endOfLife
        case ("unmaintained", .maintained): return .unmaintained
        default: return branch.status
        }
    }

    /// One sentence on kolla-ansible's branch for this series when it is no longer maintained on `day`; nil
    /// while it is maintained or not yet branched, and where the catalog has no record.
    public func kollaAnsibleBranchProblem(on day: Day) -> String? {
        guard let branch = kollaAnsibleBranch, let status = kollaAnsibleStatus(on: day) else { return nil }
        let kolla = kollaAnsible.map { "kolla-ansible \($0)" } ?? "kolla-ansible"
        let series = self.status(on: day)
        switch (status, branch.status) {
        case (.maintained, _), (.development, _):
            return nil
        case (.endOfLife, .endOfLife):
            let still = series == "end of life" ? "" : ", while OpenStack still calls \(title) \(series)"
            return "\(kolla) for \(label) reached end of life\(branch.since.map { " on \($0)" } ?? "") (tag \(branch.ref)): its branch is gone, so no kolla-ansible fixes and no rebuilt images come for it\(still)"
        case (.unmaintained, .unmaintained):
            return "\(kolla) for \(label) has been unmaintained\(branch.since.map { " since \($0)" } ?? "") (branch \(branch.ref)): fixes come only from the community, with no kolla-ansible releases"
        default:
            // The series left maintenance after the catalog's reading of openstack/releases.
            let phase = phases.last { $0.status == series }?.from ?? (series == "end of life" ? eolDate : nil)
            let when = phase.map { " since \($0)" } ?? ""
            return "\(label) is \(series)\(when), and \(kolla)'s \(branch.ref) (still \(branch.status.rawValue) when the catalog last read openstack/releases) is \(status.rawValue) with it: no kolla-ansible releases come for it"
        }
    }
}

extension Catalog {
    /// The nearest release after `release` whose kolla-ansible branch is maintained on `day`.
    public func nearestKollaMaintained(after release: Release, on day: Day) -> Release? {
        releases.first { $0.ordinal > release.ordinal && $0.kollaAnsibleStatus(on: day) == .maintained }
    }

    /// What to do about a release whose kolla-ansible branch is not maintained: move to the nearest one that is.
    func kollaBranchFix(for release: Release, on day: Day) -> String {
        guard let nearest = nearestKollaMaintained(after: release, on: day), let branch = nearest.kollaAnsibleBranch else {
            return "target a release whose kolla-ansible branch is maintained (see `bojagi catalog --releases`)"
        }
        return "target \(nearest.label), the nearest release whose kolla-ansible branch (\(branch.ref)) is maintained; `bojagi upgrade plan --to \(nearest.id ?? nearest.name)` shows the way"
    }
}
