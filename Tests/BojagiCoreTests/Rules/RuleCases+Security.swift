@testable import BojagiCore

extension RuleCases {
    static let security: [RuleCase] = [
        RuleCase("SEC001", "external TLS without a name", .warning, "public endpoints would be https://10.0.0.10:5000") {
            $0.tls.external = true
        },
        RuleCase("SEC002", "external TLS on the internal VIP", .error, "defaults to the internal VIP 10.0.0.10") {
            $0.tls.external = true
        },
        RuleCase("SEC002", "internal TLS only on one VIP", .error, "TLS is on for the internal endpoints only, but both VIPs are 10.0.0.10") {
            $0.tls.internal = true
            $0.networks.vip.external = "10.0.0.10"
        },
        RuleCase("SEC003", "external TLS without a certificate", .error, "tls.external is on but tls.certificate is not set") {
            $0.tls.external = true
        },
        RuleCase("SEC003", "internal TLS without a certificate", .error,
                 "tls.internal is on but neither tls.internal_certificate nor tls.certificate is set") {
            $0.tls.internal = true
            $0.tls.ca = "certificates/ca.crt"
        },
        RuleCase("SEC003", "a certificate that does not exist", .error,
                 "tls.certificate names certificates/gone.pem, which is not a readable file in (memory)/") {
            $0.tls.external = true
            $0.tls.certificate = "certificates/gone.pem"
        },
        RuleCase("SEC003", "a certificate without its key", .error, "tls.certificate certificates/cert-only.pem holds no private key") {
            $0.tls.external = true
            $0.tls.certificate = "certificates/cert-only.pem"
        },
        RuleCase("SEC003", "a CA that does not exist", .error, "tls.ca names certificates/missing-ca.crt, which is not a readable file") {
            $0.tls.external = true
            $0.tls.certificate = "certificates/api.pem"
            $0.tls.ca = "certificates/missing-ca.crt"
        },
        RuleCase("SEC003", "a CA file with a private key", .error, "tls.ca certificates/api.pem holds a private key") {
            $0.tls.external = true
            $0.tls.certificate = "certificates/api.pem"
            $0.tls.ca = "certificates/api.pem"
        },
        RuleCase("SEC003", "internal TLS through ProxySQL without a CA", .error, "needs the CA that issued the internal certificate") {
            $0.tls.internal = true
            $0.tls.certificate = "certificates/api.pem"
        },
        RuleCase("SEC003", "self-signed and a certificate", .error, "tls.self_signed is true but tls.certificate is set too") {
            $0.tls.external = true
            $0.tls.selfSigned = true
            $0.tls.certificate = "certificates/api.pem"
        },
        RuleCase("SEC003", "self-signed", .advice, "uses a test CA that `kolla-ansible certificates` makes") {
            $0.tls.external = true
            $0.tls.selfSigned = true
        },
        RuleCase("SEC003", "an internal certificate with internal TLS off", .advice,
                 "tls.internal_certificate is set but tls.internal is false") {
            $0.tls.external = true
            $0.tls.certificate = "certificates/api.pem"
            $0.tls.internalCertificate = "certificates/internal.pem"
        },
        RuleCase("SEC003", "a certificate with TLS off", .advice, "tls.certificate is set but tls.external and tls.internal are false") {
            $0.tls.certificate = "certificates/api.pem"
        },
    ]
}
