extension Validator {
    static let serviceRules: [any Rule] = [
        CinderBackendRule(),
        NeutronNetworkHostRule(),
        PinnedServiceRule(),
        CephRGWRule(),
        GlanceSharedBackendRule(),
        OctaviaManagementNetworkRule(),
        IronicProvisioningNetworkRule(),
        DesignateBackendRule(),
        RemovedCapabilityRule(),
    ]
}
