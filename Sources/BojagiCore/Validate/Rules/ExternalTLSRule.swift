/// SEC001: kolla_external_fqdn defaults to the external VIP (or to the internal VIP when there is none), so with
/// external TLS and no name clients would be handed a certificate for a bare address. (SEC003 checks the
/// certificate itself.)
public struct ExternalTLSRule: Rule {
    public let id = "SEC001"
    public let summary = "External TLS has a DNS name"

    public init() {}

    public func check(_ context: RuleContext) -> [Finding] {
        let tls = context.blueprint.tls
        guard tls.external else { return [] }
        let vip = context.blueprint.networks.vip
        var findings: [Finding] = []
        // With one VIP for both sides, kolla's external name defaults to the internal one.
        let sameVIP = vip.external == nil || vip.external == vip.internal
        let name = vip.externalFQDN ?? (sameVIP ? vip.internalFQDN : nil)
        if name == nil {
            let address = vip.external ?? vip.internal
            let endpoint = address.map { "https://\($0):5000" } ?? "a bare address"
            findings.append(context.finding(id, .warning, "networks.vip.external_fqdn",
                                            "external TLS is on but networks.vip.external_fqdn is not set: public endpoints would be \(endpoint), and clients reject a certificate that does not name the address they called",
                                            fix: "set networks.vip.external_fqdn (e.g. api.cloud.example.org), publish its DNS record to \(address ?? "the external VIP") and issue the certificate for that name"))
        }
        return findings
    }
}
