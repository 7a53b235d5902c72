extension Validator {
    /// REL003 (release status on the day of planning) is not a rule: rules see no clock, and the plan already
    /// reports the status with `PlanService`'s day.
    static let releaseRules: [any Rule] = [
        HostOSRule(),
        CephReleaseRule(),
        BaseDistroRule(),
    ]
}
