import Foundation
import Testing
import BojagiCore
@testable import BojagiOpenStack
@testable import BojagiLab
import BojagiTestSupport

/// `bojagi drill upgrade`: the steps per route and per the lab's services, the one-shot commands from the target's
/// venv, the resume record, the refusals, and the report.
@Suite struct UpgradeDrillTests {
    static let components = HALabOpenStackTests.components
    static let target = HALab(home: "/srv/ha", venv: "/venvs/openstack-2026.2", release: "2026.2",
                              runner: HALabDownTests.FakeRunner(alive: [], namespaces: []), secretSource: CountingSecretSource(seed: 11))

    static func refusal(_ body: () throws -> Void) -> LabFailure? {
        do { try body() } catch let failure as LabFailure { return failure } catch { return nil }
        return nil
    }

    @Test func stepsRunInKollaAnsiblesOrder() {
        let steps = UpgradeSteps.plan(components: Self.components, controllers: ["ctl1", "ctl2", "ctl3"], computes: ["cmp1"]).map(\.id)
        #expect(steps == [
            "venv", "make-data",
            "check keystone", "check glance", "check cinder", "check placement", "check nova", "check neutron", "check heat",
            "expand keystone", "expand glance", "expand cinder", "expand placement", "expand nova", "expand neutron", "expand heat", "expand horizon",
            "controller ctl1", "controller ctl2", "controller ctl3", "compute cmp1",
            "contract keystone", "contract glance", "contract cinder", "contract placement", "contract nova", "contract neutron",
            "check-data", "finish",
        ])
    }

    @Test func stepsFollowTheLabsServicesAndNodes() {
        let keystoneOnly = UpgradeSteps.plan(components: [.keystone], controllers: ["ctl1", "ctl2", "ctl3"], computes: ["cmp1"]).map(\.id)
        #expect(keystoneOnly == ["venv", "make-data", "check keystone", "expand keystone", "controller ctl1", "controller ctl2", "controller ctl3",
                                 "contract keystone", "check-data", "finish"], "no compute step without Nova or Cinder")
        let scaled = UpgradeSteps.plan(components: [.keystone, .nova], controllers: ["ctl1", "ctl2", "ctl3"], computes: ["cmp1", "cmp2"]).map(\.id)
        #expect(scaled.contains("compute cmp2") && scaled.firstIndex(of: "compute cmp1")! > scaled.firstIndex(of: "controller ctl3")!)
        #expect(scaled.firstIndex(of: "contract nova")! > scaled.firstIndex(of: "compute cmp2")!, "online data migrations after every compute")
    }

    @Test func theOneShotCommandsComeFromTheTargetsVenv() throws {
        let secrets = try Self.target.openstackSecrets(HALabOpenStackTests.haSecrets, components: Self.components)
        let renderer = LabConfigRenderer(settings: Self.target.openstackSettings(Self.target.topology.nodes[0], components: Self.components, secrets: secrets))
        let etc = "/srv/ha/openstack/ctl1/etc"
        #expect(renderer.upgradeCheck(.nova) == ["/venvs/openstack-2026.2/bin/nova-status", "--config-file", "\(etc)/nova/nova.conf", "upgrade", "check"])
        #expect(renderer.upgradeCheck(.neutron)?.contains("\(etc)/neutron/ml2_conf.ini") == true)
        #expect(renderer.upgradeCheck(.horizon) == nil)
        let keystone = try #require(renderer.upgradeCheck(.keystone))
        #expect(keystone.prefix(2) == ["/venvs/openstack-2026.2/bin/python", "-c"] && keystone.suffix(4) == ["--config-file", "\(etc)/keystone/keystone.conf", "upgrade", "check"])
        #expect(keystone[2].contains("backends.load_backends()") && keystone[2].contains("upgradecheck.main"), "keystone-status's main, backends loaded after parsing")
        #expect(renderer.upgradeExpand(.keystone).map { Array($0.command.suffix(2)) } == [["db_sync", "--expand"], ["db_sync", "--migrate"]])
        #expect(renderer.upgradeExpand(.glance).map { Array($0.command.suffix(2)) } == [["db", "expand"], ["db", "migrate"]])
        #expect(renderer.upgradeExpand(.neutron).first?.command.suffix(2) == ["upgrade", "--expand"])
        #expect(renderer.upgradeExpand(.nova).map(\.step) == ["nova api_db sync", "nova db sync"])
        #expect(renderer.upgradeContract(.keystone).first?.command.last == "--contract")
        #expect(renderer.upgradeContract(.glance).first?.command.suffix(2) == ["db", "contract"])
        #expect(renderer.upgradeContract(.neutron).first?.command.suffix(2) == ["upgrade", "--contract"])
        for component in [LabComponent.nova, .cinder, .placement] {
            #expect(renderer.upgradeContract(component).first?.command.suffix(2) == ["db", "online_data_migrations"], "\(component)")
        }
        #expect(renderer.upgradeContract(.heat).isEmpty)
        for component in Self.components {
            for (_, command) in renderer.upgradeExpand(component) + renderer.upgradeContract(component) {
                #expect(command[0].hasPrefix("/venvs/openstack-2026.2/bin/"), "\(command[0])")
            }
        }
    }

    @Test func novaPinsItsRPCToTheOldestComputeDuringTheRoll() throws {
        let nova = try HALabOpenStackTests.lines("openstack/ctl1/etc/nova/nova.conf")
        let compute = try HALabOpenStackTests.lines("openstack/cmp1/etc/nova/nova-compute.conf")
        for file in [nova, compute] {
            let section = try #require(file.firstIndex(of: "[upgrade_levels]"))
            #expect(file[section + 1] == "compute = auto")
        }
    }

    @Test func theResumeRecordKeepsWhatIsDoneAndRoundTrips() throws {
        var progress = UpgradeProgress(from: "2026.1", to: "2026.2", venv: "/v2", runID: "20261130-150000")
        let steps = UpgradeSteps.plan(components: [.keystone, .glance], controllers: ["ctl1", "ctl2", "ctl3"], computes: ["cmp1"])
        progress.failure = .init(step: "expand glance", message: "exited 126", log: "/l", serving: "nothing was stopped")
        progress.record(steps[0], seconds: 3, detail: "venv", run: "20261130-150000")
        #expect(progress.failure == nil, "a step done clears the failure")
        progress.record(steps[1], seconds: 9, detail: "made", run: "20261130-150000")
        progress.data = .init(marker: "m", project: "p", network: "n", image: "i", server: "s", volume: "v", queue: "q")
        #expect(UpgradeSteps.remaining(steps, done: progress.doneIDs).first?.id == "check keystone")
        #expect(!progress.finished)
        let file = try progress.file()
        #expect(file.path == "upgrade-progress.json")
        #expect(try JSON.decode(UpgradeProgress.self, from: Data(file.contents.utf8)) == progress)
        progress.record(steps[1], seconds: 4, detail: "again", run: "20261130-160000")
        #expect(progress.done.count == 2 && progress.done.last?.run == "20261130-160000", "a step done again replaces its record")
        for step in steps { progress.record(step, seconds: 1, detail: "", run: "r") }
        #expect(progress.finished && UpgradeSteps.remaining(steps, done: progress.doneIDs).isEmpty)
    }

    @Test func anUpgradeToAnotherReleaseInProgressIsRefused() {
        var progress = UpgradeProgress(from: "2025.1", to: "2025.2", venv: "/v", runID: "r")
        progress.record(UpgradeStep(.venv), seconds: 1, detail: "", run: "r")
        let refusal = Self.refusal { try UpgradeRules.inProgress(progress, to: "2026.1", home: "/srv/ha") }
        #expect(refusal?.message == "an upgrade from 2025.1 to 2025.2 is in progress; done up to 'venv'")
        #expect(refusal?.fix == "finish it first: bojagi drill upgrade --to 2025.2 --home /srv/ha")
        #expect(Self.refusal { try UpgradeRules.inProgress(progress, to: "2025.2", home: "/srv/ha") } == nil, "the same target continues")
        #expect(Self.refusal { try UpgradeRules.inProgress(nil, to: "2026.1", home: "/srv/ha") } == nil)
    }

    @Test func aLabAlreadyOnTheTargetIsRefusedUnlessItsUpgradeIsHalfDone() {
        #expect(Self.refusal { try UpgradeRules.alreadyOn("2026.2", target: "2026.2", progress: nil) }?.message == "the HA lab already runs 2026.2")
        #expect(Self.refusal { try UpgradeRules.alreadyOn("2026.1", target: "2026.2", progress: nil) } == nil)
        var halfDone = UpgradeProgress(from: "2026.1", to: "2026.2", venv: "/v", runID: "r")
        #expect(Self.refusal { try UpgradeRules.alreadyOn("2026.2", target: "2026.2", progress: halfDone) } == nil)
        halfDone.record(UpgradeStep(.finish), seconds: 0, detail: "", run: "r")
        #expect(Self.refusal { try UpgradeRules.alreadyOn("2026.2", target: "2026.2", progress: halfDone) } != nil)
    }

    @Test func onlyOneHopOfThePlannersRouteIsDrilled() throws {
        let planner = UpgradePlanner(catalog: Fixtures.catalog, today: Fixtures.today)
        func plan(_ from: String, _ to: String) throws -> UpgradePlan {
            try planner.plan(try Fixtures.blueprint("schema: 1\nname: test\nrelease: \(from)\nprofile: web-application\n"), to: to)
        }
        let twoHops = Self.refusal { try UpgradeRules.route(try plan("2025.1", "2026.2"), from: "2025.1", to: "2026.2") }
        #expect(twoHops?.message.contains("2025.1 → 2026.2 is not one hop") == true, "\(twoHops?.message ?? "no refusal")")
        #expect(twoHops?.message.contains("2025.1 Epoxy → 2026.1 Gazpacho, then 2026.1 Gazpacho → 2026.2 Hibiscus") == true, "\(twoHops?.message ?? "")")
        #expect(twoHops?.fix == "upgrade one hop at a time: bojagi drill upgrade --to 2026.1 first")
        #expect(Self.refusal { try UpgradeRules.route(try plan("2026.1", "2026.2"), from: "2026.1", to: "2026.2") } == nil)
        #expect(Self.refusal { try UpgradeRules.route(try plan("2025.1", "2026.1"), from: "2025.1", to: "2026.1") }?.message.contains("one hop") != true,
                "SLURP to SLURP is one hop")
    }

    @Test func anUnhealthyLabIsRefusedWithWhatIsWrong() {
        var status = HALabStatus(processes: [.init(service: "keystone", node: "ctl1", pid: 1, alive: true), .init(service: "nova-api", node: "ctl2", pid: 2, alive: false)],
                                 namespaces: ["bjctl1"], vipHolder: "ctl1", galeraClusterSize: 2, rabbitmqRunningNodes: 3, keystone: true, residentMiB: 1,
                                 upSeconds: nil, keystoneURL: "http://10.99.0.10:5000/v3")
        let refusal = Self.refusal { try UpgradeRules.healthy(status, home: "/srv/ha") }
        #expect(refusal?.message == "the HA lab in /srv/ha is not healthy: not running: ctl2/nova-api; Galera cluster size 2")
        #expect(refusal?.fix?.hasPrefix("bojagi drill lab status --home /srv/ha") == true)
        status.processes.removeLast()
        status.galeraClusterSize = 3
        #expect(Self.refusal { try UpgradeRules.healthy(status, home: "/srv/ha") } == nil)
    }

    @Test func theReportRoundTripsAndShowsStepsAPIsAndData() throws {
        let start = 1000.0
        var samples: [DrillSample] = []
        for index in 0..<40 {
            let failed = index == 5
            let service = index % 2 == 0 ? "keystone-token" : "nova"
            samples.append(DrillSample(time: start + Double(index) * 0.25, ok: !failed, error: failed ? "nova: 503" : nil, seconds: 0.05, service: service))
        }
        let probe = ScaleReport.Probe(description: "4 clients", samples: samples, from: start, to: start + 10)
        let data = [UpgradeData.Check(kind: "volume", id: "abcdef0123", ok: true, detail: "available, 1 GiB"),
                    UpgradeData.Check(kind: "attachment", id: "abcdef0123", ok: true, detail: "in-use on the new server")]
        let report = UpgradeDrillReport(runID: "20261130-170000", from: "2026.1", to: "2026.2", route: "2026.1 Gazpacho → 2026.2 Hibiscus",
                                        plannerSteps: ["kolla-ansible upgrade"],
                                        steps: [.init(name: "expand glance", seconds: 4.2, detail: "glance db expand", run: "20261130-160000"),
                                                .init(name: "controller ctl1", seconds: 30.5, detail: "back in rotation", run: "20261130-170000")],
                                        probe: probe, data: data, seconds: 31, complete: true)
        #expect(report.passed && report.apiFailed == 1 && report.apiRequests == 40 && report.stepSeconds == 34.7)
        #expect(report.fileName == "drill/upgrade-20261130-170000.json")
        #expect(try JSON.decode(UpgradeDrillReport.self, from: Data(try JSON.encode(report).utf8)) == report)
        let text = report.text
        #expect(text.contains("bojagi drill upgrade 2026.1 → 2026.2, run 20261130-170000"))
        #expect(text.contains("glance db expand [run 20261130-160000]"), "a step an earlier run did says so")
        #expect(text.contains("1 failed of 40 requests"))
        #expect(text.split(separator: "\n").contains { $0.contains("nova") && $0.contains("20") && $0.contains("1") && $0.contains("/s") })
        #expect(text.contains("attachment") && text.contains("kolla-ansible upgrade") && text.hasSuffix("PASSED in 31 s (steps 35 s)\n"))
        let lost = UpgradeDrillReport(runID: "r", from: "2026.1", to: "2026.2", route: "", plannerSteps: [], steps: [], probe: nil,
                                      data: [UpgradeData.Check(kind: "message", id: "q", ok: false, detail: "not in q")], seconds: 1, complete: true)
        #expect(!lost.passed && lost.text.contains("LOST"))
        #expect(!UpgradeDrillReport(runID: "r", from: "a", to: "b", route: "", plannerSteps: [], steps: [], probe: nil, data: data, seconds: 1,
                                    complete: false).passed, "an unfinished upgrade did not pass")
    }
}
