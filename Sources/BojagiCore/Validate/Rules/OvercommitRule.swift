/// CAP002: CPU overcommit beyond nova's historical default of 16 starves guests; memory overcommit makes the
/// host swap or OOM-kill guests once they touch the memory they were promised.
public struct OvercommitRule: Rule {
    public let id = "CAP002"
    public let summary = "Overcommit ratios are within sane bounds (cpu ≤ 16, ram ≤ 1.5, ram 1.0 for production)"

    public init() {}

    public func check(_ context: RuleContext) -> [Finding] {
        guard !context.hosts(with: .compute).isEmpty else { return [] }
        let settings = context.blueprint.capacity
        var findings: [Finding] = []
        if settings.cpuAllocationRatio > 16 {
            findings.append(context.finding(id, .warning, "capacity.cpu_allocation_ratio",
                                            "cpu_allocation_ratio \(number(settings.cpuAllocationRatio)) promises more than 16 vCPUs per core (nova's old default, its ceiling for general workloads): busy guests would wait for CPU",
                                            fix: "use 4 (nova's default) for general workloads, at most 16 for idle ones"))
        }
        if settings.ramAllocationRatio > 1.5 {
            findings.append(context.finding(id, .warning, "capacity.ram_allocation_ratio",
                                            "ram_allocation_ratio \(number(settings.ramAllocationRatio)) promises guests \(number(settings.ramAllocationRatio))× the hosts' memory: when they use it the hosts swap hard or the OOM killer stops guests",
                                            fix: "use 1.0 for production (at most 1.5, nova's old default, with swap sized for the difference)"))
        } else if settings.ramAllocationRatio > 1.0 {
            findings.append(context.finding(id, .advice, "capacity.ram_allocation_ratio",
                                            "ram_allocation_ratio \(number(settings.ramAllocationRatio)) overcommits memory: compute hosts need swap for the difference, or the OOM killer stops guests under pressure",
                                            fix: "use 1.0 for production, or size swap on each compute host for the overcommitted memory"))
        }
        return findings
    }

    private func number(_ value: Double) -> String {
        value == value.rounded() ? String(Int(value)) : String(value)
    }
}
