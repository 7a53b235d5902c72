/// How compute capacity is counted, and the load the cloud must hold.
public struct CapacitySettings: Sendable, Hashable, Codable {
    /// Nova's `cpu_allocation_ratio`; nova's own initial default is 4.0.
    public var cpuAllocationRatio = 4.0
    /// Nova's `ram_allocation_ratio`; nova's own initial default is 1.0.
    public var ramAllocationRatio = 1.0
    /// Cores kept for the host and its agents on each compute host.
    public var reservedHostCores = 2
    /// Memory kept for the host on each compute host (nova's `reserved_host_memory_mb`, in GiB).
    public var reservedHostMemoryGiB = 8
    /// The instance load the cloud must hold, also with one compute host down.
    public var plannedVCPUs: Int?
    public var plannedMemoryGiB: Int?
    /// Data each Ceph tier must hold, in TB, by tier name.
    public var plannedStorageTB: [String: Double] = [:]

    public init() {}
}
