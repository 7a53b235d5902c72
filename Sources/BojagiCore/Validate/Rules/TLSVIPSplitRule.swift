/// SEC002: kolla-ansible's precheck refuses TLS on only one side when both sides share a VIP (the external VIP
/// defaults to the internal one): HAProxy cannot serve one address both with and without TLS.
public struct TLSVIPSplitRule: Rule {
    public let id = "SEC002"
    public let summary = "TLS on only one side (internal or external) uses two distinct VIPs"

    public init() {}

    public func check(_ context: RuleContext) -> [Finding] {
        let tls = context.blueprint.tls
        let vip = context.blueprint.networks.vip
        guard tls.external != tls.internal, let internalVIP = vip.internal else { return [] }
        let externalVIP = vip.external ?? internalVIP
        guard externalVIP == internalVIP else { return [] }
        let on = tls.external ? "external" : "internal"
        let off = tls.external ? "internal" : "external"
        let shared = vip.external == nil ? "no external VIP is set, so it defaults to the internal VIP \(internalVIP)" : "both VIPs are \(internalVIP)"
        return [context.finding(id, .error, vip.external == nil ? "networks.vip" : "networks.vip.external",
                                "TLS is on for the \(on) endpoints only, but \(shared): kolla-ansible's precheck fails because one address cannot serve both with and without TLS",
                                fix: "set networks.vip.external to a distinct address on the external network, or turn TLS on for the \(off) side too (tls.\(off): true)")]
    }
}
