/// Instance capacity of the compute hosts after host reservations and overcommit, and whether the planned
/// load still fits with the largest compute host down (N+1).
public struct ComputeCapacity: Sendable, Hashable, Codable {
    public let hosts: Int
    /// Hosts whose cores or memory the blueprint does not give: not counted.
    public let unsizedHosts: [String]
    public let vcpus: Int
    public let memoryGiB: Int
    /// Capacity with the largest compute host down.
    public let vcpusN1: Int
    public let memoryGiBN1: Int
    public let plannedVCPUs: Int?
    public let plannedMemoryGiB: Int?

    public var fitsN1: Bool? {
        guard plannedVCPUs != nil || plannedMemoryGiB != nil else { return nil }
        return (plannedVCPUs ?? 0) <= vcpusN1 && (plannedMemoryGiB ?? 0) <= memoryGiBN1
    }

    public var fits: Bool? {
        guard plannedVCPUs != nil || plannedMemoryGiB != nil else { return nil }
        return (plannedVCPUs ?? 0) <= vcpus && (plannedMemoryGiB ?? 0) <= memoryGiB
    }

    /// vCPUs and memory one host offers to instances.
    public static func offer(cores: Int, memoryGiB: Int, settings: CapacitySettings) -> (vcpus: Int, memoryGiB: Int) {
        let vcpus = Double(max(0, cores - settings.reservedHostCores)) * settings.cpuAllocationRatio
        let memory = Double(max(0, memoryGiB - settings.reservedHostMemoryGiB)) * settings.ramAllocationRatio
        return (Int(vcpus.rounded(.down)), Int(memory.rounded(.down)))
    }

    public static func make(hosts: [Host], settings: CapacitySettings) -> ComputeCapacity {
        let computes = hosts.filter { $0.roles.contains(.compute) }
        var offers: [(vcpus: Int, memoryGiB: Int)] = []
        var unsized: [String] = []
        for host in computes {
            guard let cores = host.cores, let memory = host.memoryGiB else { unsized.append(host.name); continue }
            offers.append(offer(cores: cores, memoryGiB: memory, settings: settings))
        }
        let vcpus = offers.reduce(0) { $0 + $1.vcpus }
        let memory = offers.reduce(0) { $0 + $1.memoryGiB }
        return ComputeCapacity(hosts: computes.count, unsizedHosts: unsized, vcpus: vcpus, memoryGiB: memory,
                               vcpusN1: vcpus - (offers.map(\.vcpus).max() ?? 0),
                               memoryGiBN1: memory - (offers.map(\.memoryGiB).max() ?? 0),
                               plannedVCPUs: settings.plannedVCPUs, plannedMemoryGiB: settings.plannedMemoryGiB)
    }
}
