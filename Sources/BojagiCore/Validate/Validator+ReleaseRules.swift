extension Validator {
    static let releaseRules: [any Rule] = []
}
