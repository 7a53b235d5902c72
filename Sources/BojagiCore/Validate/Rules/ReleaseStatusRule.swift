/// REL003: a release past maintenance gets no fixes, and one not yet released has no stable images.
public struct ReleaseStatusRule: Rule {
    public let id = "REL003"
    public let summary = "The target release is maintained on the day of planning"

    public init() {}

    public func check(_ context: RuleContext) -> [Finding] {
        let release = context.release
        let status = release.status(on: context.today)
        let newest = context.catalog.releases.last { $0.status(on: context.today) == "maintained" }
        let suggestion = newest.map { "target \($0.label)" + ($0.slurp ? " (SLURP)" : "") } ?? "target a maintained release"
        switch status {
        case "maintained":
            return []
        case "end of life":
            return [context.finding(id, .warning, "release",
                                    "\(release.label) is end of life (since \(release.eolDate?.description ?? "an earlier day")): no fixes, and kolla's images for it are no longer rebuilt",
                                    fix: suggestion + "; plan the upgrade path through SLURP releases")]
        case "unmaintained", "extended maintenance":
            return [context.finding(id, .advice, "release",
                                    "\(release.label) is \(status): fixes come only from the community, without stable releases",
                                    fix: suggestion)]
        default:
            return [context.finding(id, .warning, "release",
                                    "\(release.label) is \(status) as of \(context.today): it has no stable release to deploy yet",
                                    fix: suggestion)]
        }
    }
}
