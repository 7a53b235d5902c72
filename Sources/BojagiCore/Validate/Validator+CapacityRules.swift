extension Validator {
    static let capacityRules: [any Rule] = [
        ComputeCapacityRule(),
        OvercommitRule(),
        HyperConvergedMemoryRule(),
        ControllerMemoryRule(),
        UnsizedComputeHostsRule(),
        ComputeReservationRule(),
    ]
}
