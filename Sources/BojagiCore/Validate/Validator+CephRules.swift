extension Validator {
    static let cephRules: [any Rule] = []
}
