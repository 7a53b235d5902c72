import Foundation

/// NET007: provider VLANs must lie in the ranges handed to Neutron's ML2 (`network_vlan_ranges`), be valid
/// 802.1Q ids and not be used twice.
public struct ProviderVLANRule: Rule {
    public let id = "NET007"
    public let summary = "Provider VLAN ranges are valid and every provider VLAN lies in them, once"

    public init() {}

    /// `100:199` or `100-199` → 100...199.
    static func parse(_ text: String) -> ClosedRange<Int>? {
        let parts = text.split(whereSeparator: { $0 == ":" || $0 == "-" }).compactMap { Int($0.trimmingCharacters(in: .whitespaces)) }
        guard parts.count == 2, 1 <= parts[0], parts[0] <= parts[1], parts[1] <= 4094 else { return nil }
        return parts[0]...parts[1]
    }

    public func check(_ context: RuleContext) -> [Finding] {
        let networks = context.blueprint.networks
        var findings: [Finding] = []
        var ranges: [ClosedRange<Int>] = []
        for (index, text) in networks.external.vlanRanges.enumerated() {
            if let range = Self.parse(text) {
                ranges.append(range)
            } else {
                findings.append(context.finding(id, .error, "networks.external.vlan_ranges[\(index)]",
                                                "'\(text)' is not a VLAN range", fix: "write FIRST:LAST with 1 ≤ FIRST ≤ LAST ≤ 4094, e.g. 100:199"))
            }
        }
        var used: [Int: String] = [:]
        for (index, provider) in networks.provider.enumerated() {
            guard let vlan = provider.vlan else { continue }
            let path = "networks.provider[\(index)].vlan"
            if let other = used[vlan] {
                findings.append(context.finding(id, .error, path, "provider networks \(other) and \(provider.name) both use VLAN \(vlan)",
                                                fix: "give each provider network its own VLAN"))
            }
            used[vlan] = provider.name
            if !ranges.contains(where: { $0.contains(vlan) }) {
                findings.append(context.finding(id, .error, path,
                                                "provider network \(provider.name) uses VLAN \(vlan), outside networks.external.vlan_ranges \(networks.external.vlanRanges)",
                                                fix: "add a range containing \(vlan) to networks.external.vlan_ranges"))
            }
        }
        return findings
    }
}
