import Foundation
import Testing
@testable import BojagiCore
import BojagiTestSupport

/// Issue 9 item 10: the plan says what kolla-ansible and cephadm will run, host by host.
@Suite struct PlanAccuracyTests {
    static func mapPlatform(release: String = "2026.2") throws -> Blueprint {
        var blueprint = try RenderTests.blueprint("map-platform.yaml")
        blueprint.release = Fixtures.catalog.release(named: release)!.name
        return blueprint
    }

    static func globals(_ blueprint: Blueprint) throws -> String {
        let service = RenderService(planner: Fixtures.planner, kolla: RenderTests.kolla, secrets: PinnedSecrets())
        let files = try service.files(for: blueprint, existing: FileManager.default.temporaryDirectory.appendingPathComponent("bojagi-plan10-\(UUID().uuidString)"))
        return try #require(files.first { $0.path == "globals.yml" }).contents
    }

    /// With Ceph RBD kolla runs cinder-volume and cinder-backup in the `cinder` group (controllers); the plan
    /// listed the storage hosts too, from the -lvm and -multiple groups kolla does not use.
    @Test func cinderRunsWhereKollaPutsItWithCeph() throws {
        let plan = Fixtures.planner.plan(try Self.mapPlatform())
        let placement = try #require(plan.topology?.placement)
        #expect(placement.hosts(of: "cinder") == ["ctl01", "ctl02", "ctl03"])
        #expect(placement.services["cinder"]?.map(\.name) == ["cinder", "cinder-api", "cinder-backup", "cinder-scheduler", "cinder-volume"])
        #expect(placement.hosts["ceph01"]?.contains("cinder") == false)
        #expect(placement.containers["ctl01"]?.contains("cinder-volume") == true)
        #expect(placement.containers["ceph01"]?.contains("cinder-volume") == false)
    }

    /// LVM moves cinder-volume to the storage hosts (cinder-volume-lvm), LVM beside Ceph to both
    /// (cinder-volume-multiple): the plan and globals.yml read the same choice.
    @Test func anLVMBackendPutsCinderVolumeOnTheStorageHosts() throws {
        var blueprint = try Self.mapPlatform()
        blueprint.storage.cinder = Storage.Cinder(backend: .lvm)
        var placement = try #require(Fixtures.planner.plan(blueprint).topology?.placement)
        let multiple = try #require(placement.services["cinder"]?.first { $0.name == "cinder-volume-multiple" })
        #expect(multiple.hosts.count == 11)
        #expect(placement.containers["ceph01"]?.contains("cinder-volume") == true)
        #expect(try Self.globals(blueprint).contains("enable_cinder_backend_lvm: \"yes\""))

        blueprint.storage.ceph = nil
        blueprint.services.remove += ["ceph-rgw"]
        blueprint.capabilities.remove += ["object-storage"]
        placement = try #require(Fixtures.planner.plan(blueprint).topology?.placement)
        #expect(placement.services["cinder"]?.first { $0.name.hasPrefix("cinder-volume") }?.name == "cinder-volume-lvm")
        #expect(placement.containers["ctl01"]?.contains("cinder-volume") == false)
        #expect(placement.containers["ceph01"]?.contains("cinder-volume") == true)
        #expect(placement.containers["ceph01"]?.contains("cinder-backup") == false)
        let globals = try Self.globals(blueprint)
        #expect(globals.contains("enable_cinder_backup: \"no\""))
    }

    @Test func anNFSBackendIsDecodedRenderedAndPlaced() throws {
        var text = try String(contentsOf: ExamplesTests.directory.appendingPathComponent("profiles/base.yaml"), encoding: .utf8)
        let start = try #require(text.range(of: "storage:\n"))
        text = String(text[..<start.lowerBound]) + "storage:\n  cinder: {backend: nfs, shares: [\"10.0.0.5:/srv/cinder\"]}\n"
        let blueprint = try Fixtures.blueprint(text)
        #expect(blueprint.storage.cinder?.shares == ["10.0.0.5:/srv/cinder"])
        let plan = Fixtures.planner.plan(blueprint)
        #expect(!plan.findings.contains { $0.id == "SVC010" })
        let service = RenderService(planner: Fixtures.planner, kolla: RenderTests.kolla, secrets: PinnedSecrets())
        let files = try service.files(for: blueprint, existing: FileManager.default.temporaryDirectory.appendingPathComponent("bojagi-plan10-\(UUID().uuidString)"))
        let shares = try #require(files.first { $0.path == "config/cinder/nfs_shares" })
        #expect(shares.contents.hasSuffix("\n10.0.0.5:/srv/cinder\n"))
        #expect(try #require(files.first { $0.path == "globals.yml" }).contents.contains("enable_cinder_backend_nfs: \"yes\""))
        let controllers = plan.topology?.placement.services["cinder"]?.first { $0.name == "cinder-volume" }?.hosts ?? []
        #expect(!controllers.isEmpty && controllers.allSatisfy { $0.hasPrefix("ctl") })
    }

    @Test func anNFSBackendWithoutSharesIsAnError() throws {
        #expect(throws: (any Error).self) {
            _ = try Fixtures.blueprint(RuleHarness.baseYAML + "\n  cinder: {backend: nfs}\n")
        }
    }

    /// Ceph's daemons where the cephadm spec puts them, with their memory.
    @Test func cephDaemonsArePlacedAndCounted() throws {
        var blueprint = try Self.mapPlatform()
        blueprint.capabilities.add.append("shared-filesystem")
        let plan = Fixtures.planner.plan(blueprint)
        let ceph = try #require(plan.topology?.placement.ceph)
        #expect(ceph.host("ctl01")?.names == ["mon", "mgr", "mds"])
        #expect(ceph.host("ctl01")?.memoryMiB == 10 * 1024)
        let ceph01 = try #require(ceph.host("ceph01"))
        #expect(ceph01.names == ["osd ×12", "rgw"])
        #expect(ceph01.memoryMiB == (12 * 4 + 4) * 1024)
        #expect(ceph.host("cmp01") == nil)
        let ctl01 = try #require(plan.topology?.controlPlane.hosts.first { $0.name == "ctl01" })
        #expect(ctl01.cephMiB == 10 * 1024)
        let text = PlanReport.text(plan)
        #expect(text.contains("ceph01  osd ×12, rgw  52.0 GiB"))
    }

    /// The plan's containers per host against kolla-ansible 23's genconfig of map-platform (with Manila) on
    /// 2026.2: ctl01 67, cmp01 14, ceph01 5 directories with a config.json.
    @Test func containersPerHostMatchKollasOwnOutput() throws {
        var blueprint = try Self.mapPlatform()
        blueprint.capabilities.add.append("shared-filesystem")
        let containers = try #require(Fixtures.planner.plan(blueprint).topology?.placement.containers)
        #expect(containers["ceph01"] == ["cron", "fluentd", "kolla-toolbox", "prometheus-cadvisor", "prometheus-node-exporter"])
        #expect(containers["cmp01"] == ["ceilometer-compute", "cron", "fluentd", "kolla-toolbox", "neutron-openvswitch-agent", "nova-compute",
                                        "nova-libvirt", "nova-ssh", "openvswitch-db-server", "openvswitch-vswitchd", "prometheus-cadvisor",
                                        "prometheus-libvirt-exporter", "prometheus-node-exporter", "prometheus-openstack-network-exporter"])
        let ctl01 = try #require(containers["ctl01"])
        for name in ["proxysql", "haproxy", "keepalived", "prometheus-mysqld-exporter", "prometheus-memcached-exporter", "manila-share"] {
            #expect(ctl01.contains(name), "\(name)")
        }
        #expect(ctl01.count == 67)
    }

    /// Three copies on exactly three hosts have nowhere to re-replicate: the plan says the tier runs degraded.
    @Test func aTierThatCannotReprotectRunsDegraded() throws {
        let plan = Fixtures.planner.plan(RuleHarness.base)
        let tier = try #require(plan.topology?.ceph?.tiers.first)
        #expect(!tier.reprotects)
        let text = PlanReport.text(plan)
        #expect(text.contains("degraded until back"))
        #expect(text.contains("ssd: 3× replication on exactly 3 hosts cannot re-protect after losing one: it runs degraded"))
        #expect(Fixtures.planner.plan(try Self.mapPlatform()).topology?.ceph?.tiers.allSatisfy(\.reprotects) == true)
    }
}
