/// CAP001: Placement schedules against (cores − reserved) × cpu ratio and (memory − reserved) × ram ratio; the
/// planned load must fit, and still fit with the largest compute host down so its instances can be evacuated.
public struct ComputeCapacityRule: Rule {
    public let id = "CAP001"
    public let summary = "The planned vCPUs and memory fit the compute hosts, also with the largest one down (N+1)"

    public init() {}

    public func check(_ context: RuleContext) -> [Finding] {
        let compute = context.topology.compute
        guard compute.hosts > 0, compute.fits != nil else { return [] }
        let settings = context.blueprint.capacity
        let ratios = "cpu ratio \(number(settings.cpuAllocationRatio)), ram ratio \(number(settings.ramAllocationRatio))"
        var short: [String] = []
        if let vcpus = compute.plannedVCPUs, vcpus > compute.vcpus { short.append("\(vcpus) vCPUs planned, \(compute.vcpus) available") }
        if let memory = compute.plannedMemoryGiB, memory > compute.memoryGiB { short.append("\(memory) GiB planned, \(compute.memoryGiB) GiB available") }
        if !short.isEmpty {
            return [context.finding(id, .error, "capacity",
                                    "the planned load does not fit the \(compute.hosts) compute host\(compute.hosts == 1 ? "" : "s"): \(short.joined(separator: "; ")) (\(ratios))",
                                    fix: "add compute hosts or cores/memory, or lower the planned load")]
        }
        var shortN1: [String] = []
        if let vcpus = compute.plannedVCPUs, vcpus > compute.vcpusN1 { shortN1.append("\(vcpus) vCPUs planned, \(compute.vcpusN1) left") }
        if let memory = compute.plannedMemoryGiB, memory > compute.memoryGiBN1 { shortN1.append("\(memory) GiB planned, \(compute.memoryGiBN1) GiB left") }
        guard !shortN1.isEmpty else { return [] }
        let largest = largestHost(context)
        return [context.finding(id, .warning, "capacity",
                                "with \(largest ?? "the largest compute host") down the planned load no longer fits: \(shortN1.joined(separator: "; ")); its instances could not be evacuated",
                                fix: "add a compute host (N+1) or lower the planned load")]
    }

    /// The compute host offering the most, by memory then vCPUs: the one whose loss hurts most.
    private func largestHost(_ context: RuleContext) -> String? {
        let offers = context.hosts(with: .compute).compactMap { host -> (String, Int, Int)? in
            guard let cores = host.cores, let memory = host.memoryGiB else { return nil }
            let offer = ComputeCapacity.offer(cores: cores, memoryGiB: memory, settings: context.blueprint.capacity)
            return (host.name, offer.memoryGiB, offer.vcpus)
        }
        return offers.max { ($0.1, $0.2) < ($1.1, $1.2) }?.0
    }

    private func number(_ value: Double) -> String {
        value == value.rounded() ? String(Int(value)) : String(value)
    }
}
