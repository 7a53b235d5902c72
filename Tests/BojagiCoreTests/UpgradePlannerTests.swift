import Testing
@testable import BojagiCore
import BojagiTestSupport

@Suite struct UpgradePlannerTests {
    static let planner = UpgradePlanner(catalog: Fixtures.catalog, today: Fixtures.today)

    func plan(_ release: String, to target: String, profile: String = "web-application", _ extra: String = "") throws -> UpgradePlan {
        let blueprint = try Fixtures.blueprint("schema: 1\nname: test\nrelease: \(release)\nprofile: \(profile)\n\(extra)")
        return try Self.planner.plan(blueprint, to: target)
    }

    func steps(_ hop: UpgradePlan.Hop, _ area: String) -> [UpgradePlan.Step] { hop.steps.filter { $0.area == area } }

    // MARK: Refusals

    @Test func anUnknownReleaseIsRefusedWithASuggestion() throws {
        #expect(throws: UpgradePlanError.unknownRelease("2025.3", suggestion: " — did you mean '2025.1'?")) {
            try plan("2024.1", to: "2025.3")
        }
        let message = UpgradePlanError.unknownRelease("x", suggestion: "").description
        #expect(message.contains("--to") && message.contains("bojagi catalog --releases"))
    }

    @Test func aDowngradeIsRefusedNamingBothKeys() throws {
        #expect(throws: UpgradePlanError.downgrade(from: "2025.1 Epoxy", to: "2024.1 Caracal")) {
            try plan("2025.1", to: "caracal")
        }
        let message = UpgradePlanError.downgrade(from: "2025.1 Epoxy", to: "2024.1 Caracal").description
        #expect(message.contains("--to") && message.contains("`release:`"))
    }

    @Test func theSameReleaseHasNoHops() throws {
        let plan = try plan("2025.1", to: "epoxy")
        #expect(plan.hops.isEmpty && !plan.blocked)
        #expect(UpgradeReport.text(plan).contains("nothing to upgrade"))
    }

    // MARK: Hops

    @Test func aSLURPHopSkipsTheTockAndIsNotRolling() throws {
        let plan = try plan("2024.1", to: "2025.1")
        let hop = try #require(plan.hops.first)
        #expect(plan.hops.count == 1 && hop.slurp && hop.skips.map(\.name) == ["dalmatian"])
        #expect(steps(hop, "upgrade").first?.downtime == .outage)
        #expect(hop.tooling?.kollaAnsible == "20" && hop.tooling?.ansibleCore == "2.17–2.18" && hop.tooling?.python == ">=3.10")
    }

    @Test func anAdjacentHopRestartsServices() throws {
        let plan = try plan("2025.1", to: "2025.2")
        let hop = try #require(plan.hops.first)
        #expect(!hop.slurp && steps(hop, "upgrade").first?.downtime == .restarts)
    }

    // MARK: RabbitMQ and MariaDB

    /// kolla-ansible 2023.1-eol rabbitmq.rst SLURP: "In Antelope, you should upgrade to RabbitMQ version 3.12".
    @Test func antelopeToCaracalGoesThroughRabbitMQ3_12() throws {
        let hop = try #require(try plan("2023.1", to: "2024.1").hops.first)
        #expect(hop.rabbitmq?.from == "3.11" && hop.rabbitmq?.to == "3.13")
        let before = try #require(steps(hop, "rabbitmq").first { $0.text.hasPrefix("upgrade RabbitMQ from 3.11 to 3.12") })
        #expect(before.commands == ["kolla-ansible rabbitmq-upgrade 3.12"])
        #expect(before.text.contains("not idempotent"))
        #expect(steps(hop, "rabbitmq").contains { $0.phase == .upgrade && $0.text.contains("3.12 → 3.13") })
        #expect(hop.mariadb?.from == "10.6" && hop.mariadb?.to == "10.11")
    }

    @Test(arguments: [("2024.1", "2025.1", "3.13", "4.0"), ("2025.1", "2026.1", "4.0", "4.2"),
                      ("2025.2", "2026.1", "4.1", "4.2")])
    func rabbitmqJumpsTheTargetAccepts(from: String, to: String, old: String, new: String) throws {
        let hop = try #require(try plan(from, to: to).hops.first)
        #expect(hop.rabbitmq?.from == old && hop.rabbitmq?.to == new)
        #expect(!steps(hop, "rabbitmq").contains { $0.phase == .before && !$0.recommended && $0.text.hasPrefix("upgrade RabbitMQ") })
    }

    @Test func epoxyNeedsDurableQueuesFirst() throws {
        let hop = try #require(try plan("2024.2", to: "2025.1").hops.first)
        let migration = try #require(steps(hop, "rabbitmq").first { $0.commands.contains("kolla-ansible rabbitmq-reset-state") })
        #expect(migration.phase == .before && migration.downtime == .outage)
        #expect(migration.settings.contains("om_enable_rabbitmq_transient_quorum_queue: true"))
    }

    // MARK: Host OS

    @Test func rocky9MovesTo10OnEpoxyBeforeGazpacho() throws {
        let plan = try plan("2024.1", to: "2026.1", "deployment: {host_os: rocky-9}")
        #expect(plan.hops[0].hostOS?.after == "rocky-9")
        #expect(steps(plan.hops[0], "host-os").isEmpty)
        let move = try #require(steps(plan.hops[1], "host-os").first)
        #expect(move.phase == .before && move.text.contains("rocky-9 to rocky-10 while on 2025.1 Epoxy"))
        #expect(move.text.contains("20.4.0") && move.downtime == .rolling)
        #expect(plan.hops[1].hostOS?.after == "rocky-10")
    }

    @Test func debianBookwormMovesToTrixieOnGazpacho() throws {
        let plan = try plan("2025.2", to: "2026.2", "deployment: {base_distro: debian, host_os: debian-12}")
        #expect(plan.route.map(\.name) == ["flamingo", "gazpacho", "hibiscus"])
        #expect(steps(plan.hops[0], "host-os").isEmpty, "2026.1's prechecks still accept bookworm")
        #expect(plan.hops[0].hostOS?.documented == ["debian-trixie"])
        let move = try #require(steps(plan.hops[1], "host-os").first)
        #expect(move.text.contains("debian-bookworm to debian-trixie while on 2026.1 Gazpacho"))
    }

    @Test func stoppingOnGazpachoWithBookwormIsAdvice() throws {
        let plan = try plan("2025.1", to: "2026.1", "deployment: {base_distro: debian, host_os: debian-bookworm}")
        #expect(plan.findings.contains { $0.id == "UPG009" && $0.severity == .advice && $0.fix?.contains("debian-trixie") == true })
    }

    @Test func ubuntuJammyMovesToNobleOnCaracal() throws {
        let plan = try plan("2024.1", to: "2025.1", "deployment: {base_distro: ubuntu, host_os: ubuntu-22.04}")
        let move = try #require(steps(plan.hops[0], "host-os").first)
        #expect(move.text.contains("ubuntu-jammy to ubuntu-noble while on 2024.1 Caracal") && move.text.contains("18.7.0"))
    }

    @Test func anUnsetHostOSIsAdvice() throws {
        let plan = try plan("2024.1", to: "2025.1")
        #expect(plan.findings.contains { $0.id == "UPG004" && $0.severity == .advice })
    }

    // MARK: Services

    @Test func sahara_retiredWithNothingInItsPlace_blocks() throws {
        let plan = try plan("2023.1", to: "2024.1", profile: "big-data")
        #expect(plan.blocked)
        let finding = try #require(plan.findings.first { $0.id == "UPG001" })
        #expect(finding.severity == .error && finding.message.contains("sahara"))
        #expect(finding.fix?.contains("capabilities: remove: [data-processing]") == true)
        #expect(plan.hops[0].leaves.map(\.name) == ["sahara"] && plan.hops[0].leaves[0].successor == nil)
    }

    @Test func swiftGivesWayToCephRGW() throws {
        let plan = try plan("2024.1", to: "2025.1")
        #expect(!plan.blocked)
        let leaving = try #require(plan.hops[0].leaves.first { $0.name == "swift" })
        #expect(leaving.successor == "ceph-rgw")
        #expect(plan.findings.contains { $0.id == "UPG002" && $0.severity == .warning })
        #expect(steps(plan.hops[0], "service").contains { $0.text.contains("copy the objects into Ceph RGW") })
    }

    @Test func anAddedServiceKollaDropsBlocksWithItsPath() throws {
        let plan = try plan("2025.2", to: "2026.1", profile: "base", "services: {add: [zun]}")
        #expect(plan.findings.filter { $0.id == "UPG001" }.count == 1, "kuryr leaves with zun, which needs it")
        let finding = try #require(plan.findings.first { $0.id == "UPG001" })
        #expect(finding.path == "services.add[0]" && finding.line != nil)
        #expect(steps(plan.hops[0], "service").contains { $0.text.hasPrefix("kuryr leaves the package with zun") })
        #expect(steps(plan.hops[0], "service").contains { $0.text.contains("broken in 2026.1") })
    }

    @Test func redisGivesWayToValkeyOnFlamingo() throws {
        let plan = try plan("2025.1", to: "2025.2")
        let leaving = try #require(plan.hops[0].leaves.first { $0.name == "redis" })
        #expect(leaving.successor == "valkey" && plan.hops[0].joins["valkey"] != nil)
        let step = try #require(steps(plan.hops[0], "service").first { $0.text.hasPrefix("redis") })
        #expect(step.settings == ["enable_redis: \"no\"", "enable_valkey: \"yes\""])
    }

    // MARK: Inventory, checks, downtime

    @Test func gazpachoMovesCinderVolumeAndRenamesGroups() throws {
        let hop = try #require(try plan("2025.2", to: "2026.1").hops.first)
        let inventory = steps(hop, "inventory").map(\.text)
        #expect(inventory.contains { $0.contains("kolla-toolbox becomes kolla_toolbox") })
        #expect(inventory.contains { $0.contains("cinder-volume and cinder-backup move from the storage group") })
    }

    @Test func statusChecksForEveryServiceThatHasOne() throws {
        let hop = try #require(try plan("2025.1", to: "2025.2").hops.first)
        let check = try #require(steps(hop, "check").first)
        #expect(check.commands.contains("cinder-status upgrade check"))
        #expect(check.commands.contains("keystone-status upgrade check"))
        #expect(!check.commands.contains("nova-status upgrade check"), "kolla-ansible runs nova's itself")
        #expect(!check.commands.contains { $0.hasPrefix("horizon") })
        #expect(steps(hop, "backup").first?.text.contains("kolla-ansible mariadb-backup") == true)
    }

    @Test func aChangeBackportedToSeveralReleasesIsShownOnce() throws {
        let plan = try plan("2024.1", to: "2026.1")
        let innodb = plan.hops.flatMap(\.steps).filter { $0.text.contains("innodb_log_file_size") }
        #expect(innodb.count == 1)
        #expect(steps(plan.hops[0], "mariadb").contains { $0.phase == .checks })
    }

    @Test func withoutHARollingStepsAreOutages() throws {
        let plan = try plan("2025.1", to: "2025.2", "ha: {enabled: false}")
        #expect(!plan.rollingControlPlane)
        let mariadb = try #require(steps(plan.hops[0], "mariadb").first { $0.text.hasPrefix("MariaDB 10.11 → 11.4") })
        #expect(mariadb.downtime == .outage && mariadb.downtimeNote != nil)
    }

    // MARK: Ceph

    @Test func cephClusterFollowsTheImagesAtMostTwoMajorsAtATime() throws {
        let ceph = "storage: {ceph: {release: octopus, tiers: [{name: fast, device_class: ssd, replication: 3}]}}"
        let plan = try plan("2025.1", to: "2026.1", ceph)
        let upgrades = steps(plan.hops[0], "ceph")
        #expect(upgrades.map { $0.commands.first ?? "" } == ["ceph orch upgrade start --image quay.io/ceph/ceph:v17.2.<z>",
                                                             "ceph orch upgrade start --image quay.io/ceph/ceph:v19.2.<z>"])
        #expect(plan.hops[0].ceph?.clusterAfter == "squid" && plan.hops[0].ceph?.clientTo == "squid")
    }

    @Test func cephQuincyGoesToReefThenSquid() throws {
        let ceph = "storage: {ceph: {release: quincy, tiers: [{name: fast, device_class: ssd, replication: 3}]}}"
        let plan = try plan("2024.1", to: "2026.1", ceph)
        #expect(plan.hops.map { $0.ceph?.clusterAfter } == ["reef", "squid"])
        #expect(plan.hops.allSatisfy { steps($0, "ceph").count == 1 && steps($0, "ceph")[0].phase == .before })
    }

    // MARK: Sources

    @Test func everyStepAndFactNamesItsSource() throws {
        for (from, to, profile) in [("2023.1", "2026.1", "web-application"), ("2023.1", "2024.1", "big-data"),
                                    ("2025.1", "2026.2", "vendor-everything")] {
            let plan = try plan(from, to: to, profile: profile, "deployment: {host_os: rocky-9}")
            for hop in plan.hops {
                for step in hop.steps { #expect(!step.sources.isEmpty, "\(from) → \(to) hop \(hop.number): \(step.text)") }
                #expect(hop.tooling?.sources.isEmpty == false)
                #expect(hop.rabbitmq?.sources.isEmpty == false)
                #expect(hop.mariadb?.sources.isEmpty == false)
            }
        }
    }

    @Test func releasesWithoutFactsAreNamed() throws {
        let plan = try plan("queens", to: "rocky")
        #expect(plan.findings.contains { $0.id == "UPG007" && $0.message.contains("Rocky") })
        #expect(plan.hops[0].tooling == nil)
    }

    @Test func anUnreleasedTargetIsAWarning() throws {
        let plan = try plan("2026.1", to: "2027.1")
        #expect(plan.findings.contains { $0.id == "UPG008" && $0.severity == .warning })
    }
}
