/// NET008: overlapping networks route traffic to the wrong place: a tenant provider network inside the
/// management network reaches the control plane.
public struct NetworkOverlapRule: Rule {
    public let id = "NET008"
    public let summary = "Management, external API, storage, tunnel and provider networks do not overlap"

    public init() {}

    public func check(_ context: RuleContext) -> [Finding] {
        let networks = context.blueprint.networks
        var named: [(path: String, name: String, cidr: CIDR)] = []
        func add(_ path: String, _ name: String, _ text: String?) {
            if let text, let cidr = CIDR(text) { named.append((path, name, cidr)) }
        }
        add("networks.management.cidr", "management", networks.management.cidr)
        add("networks.external_api.cidr", "external API", networks.externalAPI?.cidr)
        add("networks.storage.cidr", "storage", networks.storage?.cidr)
        add("networks.tunnel.cidr", "tunnel", networks.tunnel?.cidr)
        for (index, provider) in networks.provider.enumerated() {
            add("networks.provider[\(index)].cidr", "provider \(provider.name)", provider.cidr)
        }
        var findings: [Finding] = []
        for (i, a) in named.enumerated() {
            for b in named[(i + 1)...] where a.cidr.contains(b.cidr.network) || b.cidr.contains(a.cidr.network) {
                findings.append(context.finding(id, .error, b.path, "\(b.name) network \(b.cidr) overlaps the \(a.name) network \(a.cidr)",
                                                fix: "give each network its own address range"))
            }
        }
        return findings
    }
}
