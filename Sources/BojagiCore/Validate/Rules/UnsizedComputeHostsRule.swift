/// CAP005: compute capacity is counted only for hosts whose cores and memory are given.
public struct UnsizedComputeHostsRule: Rule {
    public let id = "CAP005"
    public let summary = "Compute hosts give cores and memory, so capacity can be computed"

    public init() {}

    public func check(_ context: RuleContext) -> [Finding] {
        let unsized = context.topology.compute.unsizedHosts
        guard !unsized.isEmpty else { return [] }
        let origin = context.blueprint.hosts.first { $0.name == unsized[0] }?.origin ?? ""
        return [context.finding(id, .advice, origin.isEmpty ? "hosts" : origin,
                                "compute host\(unsized.count == 1 ? "" : "s") \(unsized.joined(separator: ", ")) give\(unsized.count == 1 ? "s" : "") no cores or memory: \(unsized.count == 1 ? "it is" : "they are") left out of the capacity and N+1 checks",
                                fix: "add `cores` and `memory_gib` to \(unsized.count == 1 ? "the host" : "those hosts")")]
    }
}
