@testable import BojagiCore

extension RuleCases {
    static let security: [RuleCase] = [
        RuleCase("SEC001", "external TLS without a name", .warning, "public endpoints would be https://10.0.0.10:5000") {
            $0.tls.external = true
        },
        RuleCase("SEC001", "external TLS without a certificate", .advice, "tls.certificate is not set") {
            $0.tls.external = true
            $0.networks.vip.externalFQDN = "api.cloud.example.org"
        },
        RuleCase("SEC002", "external TLS on the internal VIP", .error, "defaults to the internal VIP 10.0.0.10") {
            $0.tls.external = true
        },
        RuleCase("SEC002", "internal TLS only on one VIP", .error, "TLS is on for the internal endpoints only, but both VIPs are 10.0.0.10") {
            $0.tls.internal = true
            $0.networks.vip.external = "10.0.0.10"
        },
    ]
}
