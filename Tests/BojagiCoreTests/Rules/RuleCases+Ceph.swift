@testable import BojagiCore

extension RuleCases {
    static let ceph: [RuleCase] = [
        RuleCase("CEPH001", "two hosts for three copies", .error, "only 2 hosts (stor01, stor02) hold them") {
            $0.hosts.removeAll { $0.name == "stor03" }
        },
        RuleCase("CEPH001", "EC 4+2 on three hosts", .error, "needs 6 hosts with hdd OSDs") {
            $0.storage.ceph!.tiers[1].replication = nil
            $0.storage.ceph!.tiers[1].erasure = .init(k: 4, m: 2)
        },
        RuleCase("CEPH001", "three storage hosts in two racks", .error, "only 2 racks (r1, r2)") {
            $0.storage.ceph!.failureDomain = .rack
            for (index, name) in ["stor01", "stor02", "stor03"].enumerated() {
                $0.hosts[$0.hosts.firstIndex { $0.name == name }!].rack = index < 2 ? "r1" : "r2"
            }
        },
        RuleCase("CEPH001", "EC 2+1 on exactly three hosts", .warning, "spreads its chunks over exactly 3 hosts") {
            $0.storage.ceph!.tiers[1].replication = nil
            $0.storage.ceph!.tiers[1].erasure = .init(k: 2, m: 1)
        },
        RuleCase("CEPH002", "one copy", .error, "tier 'ssd' keeps 1 copy") { $0.storage.ceph!.tiers[0].replication = 1 },
        RuleCase("CEPH002", "two copies", .warning, "tier 'hdd' keeps 2 copies") { $0.storage.ceph!.tiers[1].replication = 2 },
        RuleCase("CEPH002", "EC with one coding chunk", .warning, "uses EC 4+1") {
            $0.storage.ceph!.tiers[1].replication = nil
            $0.storage.ceph!.tiers[1].erasure = .init(k: 4, m: 1)
        },
        RuleCase("CEPH003", "volumes on an EC tier", .warning, "is on tier 'hdd' (EC 2+1)") {
            $0.storage.ceph!.tiers[1].replication = nil
            $0.storage.ceph!.tiers[1].erasure = .init(k: 2, m: 1)
        },
        RuleCase("CEPH003", "every tier erasure-coded", .error, "no tier is replicated") {
            for index in 0..<2 {
                $0.storage.ceph!.tiers[index].replication = nil
                $0.storage.ceph!.tiers[index].erasure = .init(k: 2, m: 1)
            }
        },
        RuleCase("CEPH004", "more than the tier can hold", .error, "tier 'hdd' plans 40 TB but holds 32 TB usable") {
            $0.capacity.plannedStorageTB["hdd"] = 40
        },
        RuleCase("CEPH004", "above nearfull", .warning, "above its nearfull level of 27.2 TB") {
            $0.capacity.plannedStorageTB["hdd"] = 29
        },
        RuleCase("CEPH004", "too full after losing a host", .warning, "after losing its largest host and re-replicating it holds only 27.2 TB") {
            var extra = $0.hosts.first { $0.name == "stor03" }!
            extra.name = "stor04"
            extra.address = "10.0.0.34"
            $0.hosts.append(extra)
            $0.capacity.plannedStorageTB["hdd"] = 30
        },
        RuleCase("CEPH005", "a tier without disks", .error, "tier 'nvme' (device class nvme) has no OSD") {
            $0.storage.ceph!.tiers.append(.init(name: "nvme", deviceClass: "nvme"))
        },
        RuleCase("CEPH006", "pools over 100 % of a tier", .error, "pools on tier 'ssd' claim 110 %") {
            $0.storage.ceph!.pools[$0.storage.ceph!.pools.firstIndex { $0.name == "vms" }!].percent = 90
        },
        RuleCase("CEPH007", "two monitor hosts", .warning, "only ctl01 and stor01 can host Ceph monitors") {
            $0.hosts.removeAll { ["ctl02", "ctl03", "stor02", "stor03"].contains($0.name) }
        },
        RuleCase("CEPH008", "NVMe disks and no NVMe tier", .warning, "stor01's 1 × 1920 GB nvme disk matches no tier") {
            for index in $0.hosts.indices where $0.hosts[index].roles.contains(.storage) {
                $0.hosts[index].disks.append(.init(sizeGB: 1920, kind: .nvme))
            }
        },
        RuleCase("CEPH009", "ssd and nvme tiers on the same hosts without device paths", .error,
                 "holds disks of tiers 'nvme' (nvme) and 'ssd' (ssd), all flash") {
            $0.storage.ceph?.tiers.append(.init(name: "nvme", deviceClass: "nvme"))
            for index in $0.hosts.indices where $0.hosts[index].roles.contains(.storage) {
                $0.hosts[index].disks.append(.init(device: "/dev/nvme0n1", sizeGB: 1920, kind: .nvme))
            }
        },
        RuleCase("CEPH008", "disks naming an undefined tier", .warning, "name tier 'fast', which storage.ceph.tiers does not define") {
            for index in $0.hosts.indices where $0.hosts[index].roles.contains(.storage) {
                $0.hosts[index].disks[0].tier = "fast"
            }
        },
    ]
}
