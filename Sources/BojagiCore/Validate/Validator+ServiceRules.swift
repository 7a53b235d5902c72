extension Validator {
    static let serviceRules: [any Rule] = []
}
