import Testing
@testable import BojagiCore
import BojagiTestSupport

/// Capacity figures against hand calculations.
@Suite struct CapacityTests {
    @Test func computeOfferAfterReservationAndOvercommit() {
        var settings = CapacitySettings()
        settings.cpuAllocationRatio = 4
        settings.ramAllocationRatio = 1.5
        settings.reservedHostCores = 2
        settings.reservedHostMemoryGiB = 8
        // (32 − 2) × 4 = 120 vCPU; (256 − 8) × 1.5 = 372 GiB.
        let offer = ComputeCapacity.offer(cores: 32, memoryGiB: 256, settings: settings)
        #expect(offer.vcpus == 120)
        #expect(offer.memoryGiB == 372)
    }

    @Test func nPlusOneRemovesTheLargestHost() {
        var settings = CapacitySettings()
        settings.plannedVCPUs = 300
        settings.plannedMemoryGiB = 500
        var big = Host(name: "cmp01", roles: [.compute], cores: 64, memoryGiB: 512)
        big.address = "10.0.0.1"
        let small = Host(name: "cmp02", roles: [.compute], cores: 32, memoryGiB: 256)
        let unsized = Host(name: "cmp03", roles: [.compute])
        let capacity = ComputeCapacity.make(hosts: [big, small, unsized], settings: settings)
        // (64 − 2) × 4 + (32 − 2) × 4 = 248 + 120 = 368 vCPU; memory (512 − 8) + (256 − 8) = 752 GiB.
        #expect(capacity.vcpus == 368)
        #expect(capacity.memoryGiB == 752)
        // Without cmp01: 120 vCPU, 248 GiB.
        #expect(capacity.vcpusN1 == 120)
        #expect(capacity.memoryGiBN1 == 248)
        #expect(capacity.fits == true)
        #expect(capacity.fitsN1 == false)
        #expect(capacity.unsizedHosts == ["cmp03"])
    }

    func storageHost(_ name: String, rack: String? = nil, disks: [Host.Disk]) -> Host {
        var host = Host(name: name, roles: [.storage])
        host.disks = disks
        host.rack = rack
        return host
    }

    @Test func replicatedTierRawUsableNearfullAndAfterLoss() throws {
        var ceph = Storage.Ceph()
        ceph.tiers = [Storage.Ceph.Tier(name: "hdd", deviceClass: "hdd")]
        ceph.tiers[0].replication = 3
        let hosts = (1...4).map { storageHost("s\($0)", disks: [Host.Disk(sizeGB: 8000, kind: .hdd, count: 10)]) }
        let tier = try #require(CephCapacity.make(ceph: ceph, hosts: hosts, planned: ["hdd": 80]).tiers.first)
        // 4 hosts × 10 × 8 TB = 320 TB raw; /3 = 106.67 usable; × 0.85 = 90.67; after losing 80 TB: 240/3 × 0.85 = 68.
        #expect(tier.rawTB == 320)
        #expect(abs(tier.usableTB - 106.667) < 0.001)
        #expect(abs(tier.nearfullTB - 90.667) < 0.001)
        #expect(abs(tier.afterLossTB - 68) < 0.001)
        #expect(tier.osds == 40)
        #expect(tier.failureDomains == 4)
        #expect(!tier.survivesLoss)  // 80 TB planned > 68 TB after a loss
    }

    @Test func erasureCodedTierByRack() throws {
        var ceph = Storage.Ceph()
        ceph.failureDomain = .rack
        ceph.nearfullRatio = 0.8
        var tier = Storage.Ceph.Tier(name: "bulk", deviceClass: "hdd")
        tier.erasure = Storage.Ceph.Erasure(k: 4, m: 2)
        ceph.tiers = [tier]
        // 8 hosts in 8 racks... and two hosts sharing rack r1: 9 hosts, 8 racks.
        var hosts = (1...8).map { storageHost("s\($0)", rack: "r\($0)", disks: [Host.Disk(sizeGB: 10000, kind: .hdd, count: 6)]) }
        hosts.append(storageHost("s9", rack: "r1", disks: [Host.Disk(sizeGB: 10000, kind: .hdd, count: 6)]))
        let result = try #require(CephCapacity.make(ceph: ceph, hosts: hosts, planned: [:]).tiers.first)
        // 9 × 60 TB = 540 raw; × 4/6 = 360 usable; × 0.8 = 288; rack r1 holds 120: (540 − 120) × 4/6 × 0.8 = 224.
        #expect(result.rawTB == 540)
        #expect(abs(result.usableTB - 360) < 0.001)
        #expect(abs(result.nearfullTB - 288) < 0.001)
        #expect(abs(result.afterLossTB - 224) < 0.001)
        #expect(result.failureDomains == 8)
        #expect(result.width == 6)
        #expect(result.protection == "EC 4+2")
    }

    @Test func disksGoToTheTierOfTheirClassUnlessNamed() throws {
        var ceph = Storage.Ceph()
        ceph.tiers = [Storage.Ceph.Tier(name: "fast", deviceClass: "ssd"), Storage.Ceph.Tier(name: "db", deviceClass: "ssd")]
        let hosts = [storageHost("s1", disks: [Host.Disk(sizeGB: 1000, kind: .ssd, count: 2),
                                               Host.Disk(sizeGB: 2000, kind: .ssd, count: 1, tier: "db")])]
        let tiers = CephCapacity.make(ceph: ceph, hosts: hosts, planned: [:]).tiers
        #expect(tiers.map(\.rawTB) == [2, 2])
    }

    /// A host that is controller, compute and Ceph storage: nova takes all but the reservation for instances, the
    /// OSDs take theirs, and the control plane gets only what is left. Each gigabyte is counted once.
    @Test func aHyperConvergedHostCountsItsMemoryOnce() throws {
        let text = try String(contentsOf: ExamplesTests.directory.appendingPathComponent("single-node.yaml"), encoding: .utf8)
        var blueprint = try Fixtures.blueprint(text)
        let plan = Fixtures.planner.plan(blueprint)
        let aio1 = try #require(plan.topology?.controlPlane.hosts.first)
        // 64 GiB: instances 64 − 40 = 24 GiB, Ceph's mon and mgr 4 GiB each and 3 OSDs × 4 = 20 GiB, 20 GiB left
        // to the control plane.
        #expect(aio1.instancesMiB == 24 * 1024)
        #expect(aio1.cephMiB == 20 * 1024)
        #expect(aio1.cephDaemons == ["mon", "mgr", "osd ×3"])
        #expect(aio1.availableMiB == 20 * 1024)
        #expect(aio1.headroomMiB == 20 * 1024 - aio1.neededMiB)
        #expect(plan.topology?.compute.memoryGiB == 24)
        #expect(!plan.findings.contains { $0.id == "CAP003" })
        #expect(PlanReport.text(plan).contains("aio1 shares its 64 GiB: instances 24.0 GiB (all but capacity.reserved_host_memory_gib), Ceph (mon, mgr, osd ×3) 20.0 GiB; HAS is what is left"))
        // A reservation that holds the OSDs and the control plane but not the monitor and manager beside them.
        blueprint.capacity.reservedHostMemoryGiB = 32
        let finding = try #require(Fixtures.planner.plan(blueprint).findings.first { $0.id == "CAP003" })
        #expect(finding.message.hasPrefix("aio1 is compute and storage and control and needs"))
        #expect(finding.fix?.hasPrefix("set `reserved_host_memory_gib: ") == true)
    }

    /// A controller that is also a Ceph host (not compute) keeps its OSDs' memory out of the control plane's.
    @Test func controllersWithOSDsLeaveTheirMemoryToTheOSDs() throws {
        var blueprint = RuleHarness.base
        for index in 0...2 {
            blueprint.hosts[index].roles.append(.storage)
            blueprint.hosts[index].disks = [Host.Disk(sizeGB: 8000, kind: .hdd, count: 12)]
            blueprint.hosts[index].memoryGiB = 64
        }
        let ctl01 = try #require(Fixtures.planner.plan(blueprint).topology?.controlPlane.hosts.first { $0.name == "ctl01" })
        // 12 OSDs × 4 GiB, the monitor and manager cephadm puts on every controller and the RGW on every storage
        // host, 4 GiB each.
        #expect(ctl01.cephMiB == 60 * 1024)
        #expect(ctl01.instancesMiB == 0)
        #expect(ctl01.availableMiB == 4 * 1024)
        // 64 GiB held the control plane before; with 12 OSDs beside it, 16 GiB do not.
        let cap004 = try #require(RuleHarness.findings("CAP004", blueprint).first)
        #expect(cap004.severity == .error)
        #expect(cap004.message.hasPrefix("ctl01 has 64 GiB (4 GiB after its Ceph daemons: mon, mgr, osd ×12, rgw) but its"))
    }

    @Test func controlPlaneMemorySumsTheFootprintsPlacedOnEachController() throws {
        let plan = Fixtures.planner.plan(RuleHarness.base)
        let topology = try #require(plan.topology)
        let ctl01 = try #require(topology.controlPlane.hosts.first { $0.name == "ctl01" })
        let expected = (topology.placement.hosts["ctl01"] ?? []).reduce(0) { sum, name in
            sum + (Fixtures.catalog.projects[name]?.footprint?.controllerMemoryMiB
                   ?? Fixtures.catalog.components[name]?.footprint?.controllerMemoryMiB ?? 0)
        }
        #expect(ctl01.neededMiB == expected)
        // Less the Ceph monitor and manager cephadm runs on each controller, 4 GiB each.
        #expect(ctl01.headroomMiB == 128 * 1024 - 8 * 1024 - expected)
    }
}
