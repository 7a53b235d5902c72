import Foundation

/// How many compute and storage nodes of a given model a set of existing servers needs: every constraint
/// (vCPU after overcommit, busy cores, memory, storage after protection and nearfull) counted separately, the
/// largest taken, plus one node so the load survives a node loss.
public struct Sizing: Sendable, Codable, Hashable {
    public struct ComputeModel: Sendable, Codable, Hashable {
        public var cores: Int
        public var memoryGiB: Int
        public init(cores: Int, memoryGiB: Int) {
            self.cores = cores
            self.memoryGiB = memoryGiB
        }
    }

    public struct StorageModel: Sendable, Codable, Hashable {
        public var disks: Int
        public var diskGB: Int
        public init(disks: Int, diskGB: Int) {
            self.disks = disks
            self.diskGB = diskGB
        }
        public var rawTB: Double { Double(disks * diskGB) / 1000 }
    }

    public struct Settings: Sendable, Codable, Hashable {
        public var capacity = CapacitySettings()
        /// x86 cores per source core (a POWER or SPARC core often does the work of more than one).
        public var coreFactor = 1.0
        /// Highest average CPU load planned on a compute node.
        public var targetUtilisation = 0.7
        public var replication = 3
        public var nearfullRatio = 0.85
        /// Growth of the migrated data to plan for, as a fraction.
        public var storageGrowth = 0.3
        public init() {}
    }

    public struct Constraint: Sendable, Codable, Hashable {
        public let name: String
        public let demand: Double
        public let perNode: Double
        public let unit: String
        public let nodes: Int
    }

    public let servers: Int
    public let compute: [Constraint]
    /// Compute nodes: the largest constraint plus one for N+1.
    public let computeNodes: Int
    public let storage: [Constraint]
    /// Storage nodes: enough for the data after losing one node, and at least replication + 1.
    public let storageNodes: Int

    public static func make(inventory: ServerInventory, compute model: ComputeModel, storage disks: StorageModel,
                            settings: Settings) -> Sizing {
        let servers = inventory.servers
        let offer = ComputeCapacity.offer(cores: model.cores, memoryGiB: model.memoryGiB, settings: settings.capacity)
        let vcpuDemand = servers.reduce(0.0) { $0 + (Double($1.cores) * settings.coreFactor).rounded(.up) }
        let busyCores = servers.reduce(0.0) { $0 + Double($1.cores) * settings.coreFactor * $1.utilisation / 100 }
        let memoryDemand = servers.reduce(0.0) { $0 + $1.memoryGiB }
        let usableCores = Double(max(0, model.cores - settings.capacity.reservedHostCores)) * settings.targetUtilisation
        func nodes(_ demand: Double, _ perNode: Double) -> Int {
            perNode <= 0 ? 0 : Int((demand / perNode).rounded(.up))
        }
        let compute = [
            Constraint(name: "vCPU (after \(settings.capacity.cpuAllocationRatio)× overcommit)", demand: vcpuDemand,
                       perNode: Double(offer.vcpus), unit: "vCPU", nodes: nodes(vcpuDemand, Double(offer.vcpus))),
            Constraint(name: "busy cores (at \(Int(settings.targetUtilisation * 100)) % target load)", demand: busyCores,
                       perNode: usableCores, unit: "cores", nodes: nodes(busyCores, usableCores)),
            Constraint(name: "memory (after \(settings.capacity.ramAllocationRatio)× overcommit)", demand: memoryDemand,
                       perNode: Double(offer.memoryGiB), unit: "GiB", nodes: nodes(memoryDemand, Double(offer.memoryGiB))),
        ]
        let dataTB = servers.reduce(0.0) { $0 + $1.storageGB } / 1000 * (1 + settings.storageGrowth)
        let perNodeSafe = disks.rawTB / Double(settings.replication) * settings.nearfullRatio
        let storage = [
            Constraint(name: "data (+\(Int(settings.storageGrowth * 100)) % growth, \(settings.replication)× replication, nearfull \(settings.nearfullRatio))",
                       demand: dataTB, perNode: perNodeSafe, unit: "TB", nodes: nodes(dataTB, perNodeSafe)),
        ]
        let computeNodes = (compute.map(\.nodes).max() ?? 0) + 1
        let storageNodes = max((storage.map(\.nodes).max() ?? 0) + 1, settings.replication + 1)
        return Sizing(servers: servers.count, compute: compute, computeNodes: computeNodes, storage: storage,
                      storageNodes: storageNodes)
    }

    public var text: String {
        var out = "Sizing for \(servers) servers\n\n"
        var table = TextTable(["COMPUTE CONSTRAINT", "DEMAND", "PER NODE", "NODES"])
        for constraint in compute {
            table.append([constraint.name, String(format: "%.0f", constraint.demand) + " " + constraint.unit,
                          String(format: "%.0f", constraint.perNode) + " " + constraint.unit, "\(constraint.nodes)"])
        }
        out += table.render()
        out += "compute nodes: \(computeNodes) (largest constraint + 1 so the load survives a node loss)\n\n"
        var storageTable = TextTable(["STORAGE CONSTRAINT", "DEMAND", "PER NODE", "NODES"])
        for constraint in storage {
            storageTable.append([constraint.name, String(format: "%.1f", constraint.demand) + " " + constraint.unit,
                                 String(format: "%.1f", constraint.perNode) + " " + constraint.unit, "\(constraint.nodes)"])
        }
        out += storageTable.render()
        out += "storage nodes: \(storageNodes) (data survives losing one node; at least replication + 1 for self-healing)\n"
        return out
    }
}
