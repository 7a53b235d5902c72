extension Validator {
    static let cephRules: [any Rule] = [
        CephFailureDomainsRule(),
        CephReplicationRule(),
        CephErasureRBDRule(),
        CephCapacityRule(),
        CephTierOSDsRule(),
        CephPoolShareRule(),
        CephMonitorsRule(),
        CephUnassignedDisksRule(),
        CephDeviceSelectionRule(),
    ]
}
