extension Validator {
    static let securityRules: [any Rule] = [
        ExternalTLSRule(),
        TLSVIPSplitRule(),
        TLSCertificateRule(),
    ]
}
