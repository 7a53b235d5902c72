import Foundation
import Testing
import BojagiCore
@testable import BojagiOpenStack

/// The pure parts of `verify --tempest`: tempest.conf from discovered facts, exclusions, selections, interop
/// guidelines and results. The run itself is proven against the labs by the integration tests.
@Suite struct TempestTests {
    static func facts(fake: Bool = true, hosts: Int = 1) -> TempestFacts {
        var facts = TempestFacts(identityURI: "http://127.0.0.1:15000/v3", region: "RegionOne",
                                 serviceTypes: ["compute", "identity", "image", "network", "orchestration", "placement", "volumev3"])
        facts.compute = APIVersion(id: "v2.1", status: "CURRENT", maxMicroversion: "2.104", minMicroversion: "2.1")
        facts.volume = APIVersion(id: "v3.0", status: "CURRENT", maxMicroversion: "3.71", minMicroversion: "3.0")
        facts.hypervisorTypes = [fake ? "fake" : "QEMU"]
        facts.computeHostsUp = hosts
        facts.networkExtensions = ["router", "external-net", "port-security", "auto-allocated-topology"]
        facts.externalNetworks = [.init(id: "ext-1", name: "public", isDefault: true)]
        facts.defaultSubnetPool = true
        facts.subnetCIDRs = ["203.0.113.0/24", "10.100.0.0/28", "10.254.0.0/24"]
        facts.volumePools = [fake ? .init(name: "lab@fake#fake", backendName: "fake", storageProtocol: "fake", vendorName: "Open Source", multiattach: false)
                                  : .init(name: "cloud@rbd-1#rbd-1", backendName: "standard", storageProtocol: "ceph", vendorName: "Open Source", multiattach: true)]
        facts.volumeServicesUp = ["cinder-scheduler", "cinder-volume"]
        facts.identityExtensions = ["OS-INHERIT", "OS-TRUST"]
        facts.roles = ["admin", "manager", "member", "reader"]
        return facts
    }

    static let resources = TempestResources(imageRef: "img-1", imageRefAlt: "img-2", flavorRef: "f-1", flavorRefAlt: "f-2",
                                            fixedNetworkName: "bojagi-tempest-shared", imageFile: "/w/bojagi-tempest.raw")
    static let admin = TempestConfig.Admin(username: "admin", password: "s3cret", project: "admin", userDomain: "Default", projectDomain: "Default")

    static func value(_ ini: INIFile, _ section: String, _ key: String) -> String? {
        ini.sections.first { $0.name == section }?.entries.first { $0.0 == key }?.1
    }

    @Test func tempestConfFollowsTheCloud() {
        let ini = TempestConfig(facts: Self.facts(), resources: Self.resources, admin: Self.admin, workspace: "/w").ini
        #expect(Self.value(ini, "volume", "catalog_type") == "volumev3", "Tempest finds endpoints by exact catalog type")
        #expect(Self.value(ini, "volume-feature-enabled", "backup") == "false", "no cinder-backup is up")
        #expect(Self.value(ini, "compute", "max_microversion") == "2.104")
        #expect(Self.value(ini, "compute", "fixed_network_name") == "bojagi-tempest-shared")
        #expect(Self.value(ini, "compute-feature-enabled", "snapshot") == "false", "the fake driver uploads no snapshot")
        #expect(Self.value(ini, "compute-feature-enabled", "resize") == "false", "one host and nothing said about same-host resize")
        #expect(Self.value(ini, "compute-feature-enabled", "nova_policy_roles") == "admin,manager,member,reader")
        #expect(Self.value(ini, "network", "public_network_id") == "ext-1")
        #expect(Self.value(ini, "network", "project_network_cidr") == "10.101.0.0/16", "10.100/16 overlaps a subnet the cloud has")
        #expect(Self.value(ini, "network-feature-enabled", "api_extensions") == "router,external-net,port-security,auto-allocated-topology")
        #expect(Self.value(ini, "service_available", "swift") == "false")
        #expect(Self.value(ini, "service_available", "heat") == "true")
        #expect(Self.value(ini, "validation", "run_validation") == "false")
        #expect(Self.value(ini, "identity-feature-enabled", "trust") == "true")
    }

    @Test func overridesSayWhatTheAPICannot() {
        let config = TempestConfig(facts: Self.facts(), resources: Self.resources, admin: Self.admin, workspace: "/w",
                                   overrides: ["compute-feature-enabled.resize": "true", "dashboard.dashboard_url": "http://h/"])
        #expect(Self.value(config.ini, "compute-feature-enabled", "resize") == "true")
        #expect(Self.value(config.ini, "dashboard", "dashboard_url") == "http://h/")
    }

    @Test func twoHostsMigrateAndResize() {
        let ini = TempestConfig(facts: Self.facts(fake: false, hosts: 2), resources: Self.resources, admin: Self.admin, workspace: "/w").ini
        #expect(Self.value(ini, "compute-feature-enabled", "live_migration") == "true")
        #expect(Self.value(ini, "compute-feature-enabled", "snapshot") == "true")
        #expect(Self.value(ini, "compute", "min_compute_nodes") == "2")
    }

    @Test func exclusionsComeFromFactsWithReasons() {
        let fake = TempestConfig(facts: Self.facts(), resources: Self.resources, admin: Self.admin, workspace: "/w")
        #expect(fake.exclusions.contains { $0.pattern.contains("test_get_hypervisor_uptime") && $0.reason.contains("501") })
        #expect(fake.excludeList.split(separator: "\n").allSatisfy { $0.contains(" # ") })
        #expect(fake.exclusions.contains { $0.pattern.contains("ServersTestBootFromVolume") && $0.reason.contains("fake driver") })
        // Tempest 47's real ids (the console test moved to ServerActionsTestOtherB): each exclusion must match its test.
        for id in ["tempest.api.compute.servers.test_server_actions.ServerActionsTestOtherB.test_get_console_output_with_unlimited_size[id-89104062-69d8-4b19-a71b-f47b7af093d7]",
                   "tempest.api.compute.admin.test_hypervisor.HypervisorAdminTestJSON.test_get_hypervisor_uptime[id-91a50d7d-1c2b-4f24-b55a-a1fe20efca70]",
                   "tempest.api.compute.servers.test_create_server.ServersTestBootFromVolume.test_list_servers[id-9a438d88-10c6-4bcd-8b5b-5b6e25e1346f,smoke]",
                   "tempest.api.volume.test_volumes_get.VolumesGetTest.test_volume_create_get_update_delete_from_image[id-54a01030-c7fc-447c-86ee-c1182beae638,image,smoke]",
                   "tempest.api.image.v2.test_images_dependency.ImageDependencyTests.test_nova_image_snapshot_dependency[compute,id-d19b0731-e98e-4103-8b0e-02f651b8f586]"] {
            let matched = fake.exclusions.contains { $0.pattern.isEmpty == false && id.range(of: $0.pattern, options: .regularExpression) != nil }
            #expect(matched, "no exclusion matches \(id)")
        }
        #expect(!fake.exclusions.contains { "tempest.api.compute.servers.test_server_actions.ServerActionsTestJSON.test_get_console_output[id-4b8867e6]".range(of: $0.pattern, options: .regularExpression) != nil },
                "the 3-line console test still runs")
        // The volume-backed variant snapshots through Cinder, not the virt driver: it runs (on RBD with clone v2).
        #expect(!fake.exclusions.contains { "tempest.api.image.v2.test_images_dependency.ImageDependencyTests.test_image_volume_server_snapshot_dependency[compute,id-f0c8a35d,volume]".range(of: $0.pattern, options: .regularExpression) != nil })
        var real = Self.facts(fake: false)
        #expect(TempestConfig(facts: real, resources: Self.resources, admin: Self.admin, workspace: "/w").exclusions.isEmpty)
        real.defaultSubnetPool = false
        let noPool = TempestConfig(facts: real, resources: Self.resources, admin: Self.admin, workspace: "/w").exclusions
        #expect(noPool.map(\.pattern) == [#"^tempest\.api\.compute\.admin\.test_auto_allocate_network\."#])
    }

    @Test func theAdminPasswordStaysInTheFile() {
        let text = TempestConfig(facts: Self.facts(), resources: Self.resources, admin: Self.admin, workspace: "/w").text
        #expect(text.contains("admin_password = s3cret"))
        let report = TempestReport(cloud: "c", date: "d", selection: "smoke", tempest: "47", seconds: 1, results: [],
                                   exclusions: [], workspace: "/w")
        #expect(!report.text.contains("s3cret"))
    }

    @Test func selections() {
        #expect(TempestSelection.parse("smoke") == .smoke)
        #expect(TempestSelection.parse("compute.servers") == .regex(#"^tempest\.api\.compute\.servers\."#))
        #expect(TempestSelection.parse("identity,image") == .regex(#"^tempest\.api\.identity\.|^tempest\.api\.image\."#))
        #expect(TempestSelection.parse("orchestration") == .regex(#"^heat_tempest_plugin\.tests\.(api|functional)\."#))
        #expect(TempestSelection.parse("@list.txt") == .includeList(path: "list.txt"))
        #expect(TempestSelection.parse("@2022.11.json") == .guideline(path: "2022.11.json"))
        #expect(TempestSelection.parse("test_(a|b)$") == .regex("test_(a|b)$"))
        // A word that names no area is a regex over test ids, not an area that matches nothing.
        #expect(TempestSelection.parse("test_application_credentials") == .regex("test_application_credentials"))
        #expect(TempestSelection.parse("identity.v3,test_roles") == .regex("identity.v3,test_roles"))
        #expect(TempestSelection.smoke.arguments(listFile: nil) == ["--smoke"])
    }

    @Test func guidelineTestsResolveByIdThenName() throws {
        let json = """
        {"components": {"os_powered_compute": {"capabilities": {"required": ["compute-servers-create"], "advisory": ["x"]}}},
         "capabilities": {
           "compute-servers-create": {"tests": {
             "tempest.api.compute.servers.test_create_server.ServersTestJSON.test_list_servers": {"idempotent_id": "id-9a438d88"},
             "tempest.api.compute.servers.test_old.Gone.test_gone": {"idempotent_id": "id-00000000", "flagged": {"reason": "D406"}},
             "tempest.api.compute.servers.test_moved.Old.test_renamed": {"idempotent_id": "id-77777777"}}},
           "x": {"tests": {"tempest.api.x.T.test_x": {}}}}}
        """
        let guideline = try TempestGuideline(json: Data(json.utf8), file: "g.json")
        #expect(guideline.tests.count == 3, "advisory capabilities are not required")
        let resolution = guideline.resolve(installed: [
            "tempest.api.compute.servers.test_create_server.ServersTestJSON.test_list_servers[id-9a438d88,smoke]",
            "tempest.api.compute.servers.test_new.New.test_renamed[id-77777777]",
        ])
        #expect(resolution.ids == ["tempest.api.compute.servers.test_create_server.ServersTestJSON.test_list_servers[id-9a438d88,smoke]",
                                   "tempest.api.compute.servers.test_new.New.test_renamed[id-77777777]"], "the renamed test is found by its id")
        #expect(resolution.unresolved == ["tempest.api.compute.servers.test_old.Gone.test_gone"])
        #expect(throws: TempestFailure.self) { try TempestGuideline(json: Data("{}".utf8), file: "bad.json") }
    }

    @Test func resultsFromSubunitJSON() {
        let lines = """
        {"id": "tempest.api.compute.servers.test_x.T.test_a[id-1,smoke]", "status": "success", "tags": [], "start": "2026-11-30T04:43:05.100000+00:00", "stop": "2026-11-30T04:43:05.600000+00:00", "reason": null, "traceback": null}
        {"id": "setUpClass (tempest.api.volume.test_v.V)", "status": "fail", "tags": [], "start": null, "stop": null, "reason": null, "traceback": "Traceback (most recent call last):\\n  File x\\nVolumeResourceBuildErrorException: volume v failed to build\\n"}
        {"id": "tempest.api.object_storage.test_o.O.test_b", "status": "skip", "tags": [], "start": null, "stop": null, "reason": "swift is not available", "traceback": null}
        {"id": "heat_tempest_plugin.tests.api.test_heat_api.T.test_c", "status": "xfail", "tags": [], "start": null, "stop": null, "reason": null, "traceback": null}
        not json
        """
        let results = TempestReport.results(fromJSONLines: lines)
        #expect(results.count == 4)
        #expect(abs((results[0].seconds ?? 0) - 0.5) < 0.001)
        let report = TempestReport(cloud: "lab", date: "now", selection: "smoke", tempest: "47.0.0", seconds: 3, results: results,
                                   exclusions: [], workspace: "/w")
        #expect(report.counts == TempestReport.Counts(passed: 2, failed: 1, skipped: 1))
        #expect(report.services["volume"]?.failed == 1)
        #expect(report.services["orchestration"]?.passed == 1)
        #expect(report.services["compute"]?.passed == 1)
        #expect(report.failures.first?.reason == "VolumeResourceBuildErrorException: volume v failed to build")
        #expect(!report.passed)
        let none = TempestReport(cloud: "lab", date: "now", selection: "smoke", tempest: "47", seconds: 1,
                                 results: [results[2]], exclusions: [], workspace: "/w")
        #expect(!none.passed, "a run where nothing passed proves nothing")
        var interrupted = TempestReport(cloud: "lab", date: "now", selection: "smoke", tempest: "47", seconds: 1,
                                        results: [results[0]], exclusions: [], workspace: "/w")
        #expect(interrupted.passed)
        interrupted.exitStatus = 143
        #expect(!interrupted.passed, "a run Tempest did not finish is not a pass")
        #expect(interrupted.text.contains("incomplete"))
    }

    @Test func cloudsYAMLCarriesTempestOverrides() throws {
        let text = """
        clouds:
          lab:
            auth: {auth_url: "http://h:5000/v3", username: admin, password: p, project_name: admin}
            bojagi_tempest:
              compute-feature-enabled.resize: "true"
              validation.run_validation: false
        """
        let config = try #require(try CloudConfig.parse(clouds: text, file: "clouds.yaml", cloud: "lab"))
        #expect(config.tempestOverrides == ["compute-feature-enabled.resize": "true", "validation.run_validation": "false"])
    }
}
