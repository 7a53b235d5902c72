extension Validator {
    /// Every rule, in id order.
    public static let allRules: [any Rule] = [
        ControllerQuorumRule(),
        VIPInManagementNetworkRule(),
        DuplicateAddressRule(),
    ].sorted { $0.id < $1.id }
}
