/// CAP006: nova offers instances (cores − reserved_host_cpus) and (memory − reserved_host_memory_mb); a compute
/// host with no more than its reservation offers nothing, yet would be deployed as a hypervisor.
public struct ComputeReservationRule: Rule {
    public let id = "CAP006"
    public let summary = "Every compute host has more cores and memory than the host reservation"

    public init() {}

    public func check(_ context: RuleContext) -> [Finding] {
        let settings = context.blueprint.capacity
        let computes = context.hosts(with: .compute)
        var findings: [Finding] = []
        let lowMemory = computes.filter { ($0.memoryGiB ?? .max) <= settings.reservedHostMemoryGiB }
        for entry in context.entries(lowMemory) {
            let memory = entry.hosts[0].memoryGiB!
            findings.append(context.finding(id, .error, entry.path + ".memory_gib",
                                            "compute host\(entry.hosts.count == 1 ? "" : "s") \(entry.names) \(entry.hosts.count == 1 ? "has" : "have") memory_gib \(memory), no more than the \(settings.reservedHostMemoryGiB) GiB capacity.reserved_host_memory_gib keeps for the host: nova would offer instances no memory there",
                                            fix: "set memory_gib on \(entry.path) to the hosts' real memory (more than \(settings.reservedHostMemoryGiB)), or lower capacity.reserved_host_memory_gib below \(memory), e.g. `reserved_host_memory_gib: \(max(1, memory / 4))`"))
        }
        let fewCores = computes.filter { ($0.cores ?? .max) <= settings.reservedHostCores }
        for entry in context.entries(fewCores) {
            let cores = entry.hosts[0].cores!
            findings.append(context.finding(id, .error, entry.path + ".cores",
                                            "compute host\(entry.hosts.count == 1 ? "" : "s") \(entry.names) \(entry.hosts.count == 1 ? "has" : "have") cores \(cores), no more than the \(settings.reservedHostCores) capacity.reserved_host_cores keeps for the host: nova would offer instances no vCPU there",
                                            fix: "set cores on \(entry.path) to the hosts' real core count (more than \(settings.reservedHostCores)), or lower capacity.reserved_host_cores below \(cores), e.g. `reserved_host_cores: \(max(0, cores / 4))`"))
        }
        return findings
    }
}
