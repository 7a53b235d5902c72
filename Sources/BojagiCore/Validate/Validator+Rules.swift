extension Validator {
    /// Every rule, in id order. Each family lists its rules in `Validator+<Family>Rules.swift`.
    public static let allRules: [any Rule] = (haRules + networkRules + hostRules + cephRules + serviceRules
        + capacityRules + securityRules + releaseRules).sorted { $0.id < $1.id }

    static let haRules: [any Rule] = [
        ControllerQuorumRule(),
        VIPInManagementNetworkRule(),
        VIPNotAHostAddressRule(),
        VirtualRouterIDRule(),
        LoadBalancerHostsRule(),
        NeutronAgentRedundancyRule(),
        VIPWithoutHARule(),
        ExternalVIPNetworkRule(),
    ]

    static let networkRules: [any Rule] = [
        DuplicateAddressRule(),
        DuplicateHostnameRule(),
        HostnameSyntaxRule(),
        HostInManagementNetworkRule(),
        InterfaceDefinedRule(),
        ExternalInterfaceDedicatedRule(),
        ProviderVLANRule(),
        NetworkOverlapRule(),
        ManagementNetworkSizeRule(),
        ComputeExternalInterfaceRule(),
        StorageNetworkRule(),
        NetworkInterfaceNamedRule(),
    ]

    static let hostRules: [any Rule] = [
        RequiredRolesRule(),
        HostWithoutRolesRule(),
        MonitoringHostRule(),
        StorageHostDisksRule(),
    ]
}
