extension Validator {
    static let capacityRules: [any Rule] = []
}
