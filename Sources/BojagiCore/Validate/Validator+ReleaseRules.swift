extension Validator {
    static let releaseRules: [any Rule] = [
        HostOSRule(),
        ReleaseStatusRule(),
        CephReleaseRule(),
        BaseDistroRule(),
        KollaBranchRule(),
    ]
}
