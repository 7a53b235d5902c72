/// NET001: two hosts (or a host and a VIP's neighbour) with one address break ARP, Galera and RabbitMQ.
public struct DuplicateAddressRule: Rule {
    public let id = "NET001"
    public let summary = "Every host has its own management address"

    public init() {}

    public func check(_ context: RuleContext) -> [Finding] {
        var seen: [String: String] = [:]
        var findings: [Finding] = []
        for (index, host) in context.blueprint.hosts.enumerated() {
            guard let address = host.address else { continue }
            if let other = seen[address] {
                findings.append(context.finding(id, .error, host.origin.isEmpty ? "hosts[\(index)]" : host.origin + ".address",
                                                "\(host.name) and \(other) both have address \(address)",
                                                fix: "give each host its own management address"))
            } else {
                seen[address] = host.name
            }
        }
        return findings
    }
}
