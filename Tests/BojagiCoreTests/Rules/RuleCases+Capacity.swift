@testable import BojagiCore

extension RuleCases {
    static let capacity: [RuleCase] = [
        RuleCase("CAP001", "more vCPUs than the computes offer", .error, "400 vCPUs planned, 360 available") {
            $0.capacity.plannedVCPUs = 400
        },
        RuleCase("CAP001", "memory fits only with every compute up", .warning, "600 GiB planned, 496 GiB left") {
            $0.capacity.plannedMemoryGiB = 600
        },
        RuleCase("CAP002", "CPU overcommit 20", .warning, "cpu_allocation_ratio 20 promises more than 16 vCPUs per core") {
            $0.capacity.cpuAllocationRatio = 20
        },
        RuleCase("CAP002", "RAM overcommit 2", .warning, "ram_allocation_ratio 2 promises guests 2× the hosts' memory") {
            $0.capacity.ramAllocationRatio = 2
        },
        RuleCase("CAP002", "RAM overcommit 1.2", .advice, "ram_allocation_ratio 1.2 overcommits memory") {
            $0.capacity.ramAllocationRatio = 1.2
        },
        RuleCase("CAP003", "storage hosts that also run guests", .warning,
                 "stor01 is compute and storage and needs 32 GiB beside its instances (Ceph osd ×6, rgw ≈ 28 GiB (OSDs at 4 GiB each), the host 4 GiB), but capacity.reserved_host_memory_gib keeps only 8 GiB") {
            for index in $0.hosts.indices where $0.hosts[index].roles.contains(.storage) { $0.hosts[index].roles.append(.compute) }
        },
        RuleCase("CAP003", "controllers that also run guests", .warning, "ctl01 is compute and control and needs") { blueprint in
            for index in 0...2 { blueprint.hosts[index].roles.append(.compute) }
        },
        RuleCase("CAP004", "controllers too small", .error, "ctl01 has 8 GiB (0 GiB after its Ceph daemons: mon, mgr) but its") {
            for index in 0..<3 { $0.hosts[index].memoryGiB = 8 }
        },
        RuleCase("CAP004", "controllers without headroom", .warning,
                 "ctl01 has 30 GiB (22 GiB after its Ceph daemons: mon, mgr) and its control plane needs about") {
            for index in 0..<3 { $0.hosts[index].memoryGiB = 30 }
        },
        RuleCase("CAP005", "compute hosts without sizes", .advice, "compute hosts cmp01, cmp02, cmp03 give no cores or memory") {
            for index in $0.hosts.indices where $0.hosts[index].roles.contains(.compute) { $0.hosts[index].cores = nil }
        },
        RuleCase("CAP006", "compute hosts with no memory beyond the reservation", .error,
                 "compute hosts cmp[01:03] have memory_gib 8, no more than the 8 GiB capacity.reserved_host_memory_gib keeps") {
            for index in 3...5 { $0.hosts[index].memoryGiB = 8 }
        },
        RuleCase("CAP006", "compute hosts with no cores beyond the reservation", .error,
                 "compute hosts cmp[01:03] have cores 2, no more than the 2 capacity.reserved_host_cores") {
            for index in 3...5 { $0.hosts[index].cores = 2 }
        },
    ]
}
