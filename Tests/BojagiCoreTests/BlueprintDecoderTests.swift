import Testing
@testable import BojagiCore
import BojagiTestSupport

@Suite struct BlueprintDecoderTests {
    func errors(_ yaml: String) -> [Diagnostic] {
        do {
            _ = try Fixtures.blueprint(yaml)
            return []
        } catch let error as BlueprintError {
            return error.diagnostics
        } catch {
            Issue.record("unexpected \(error)")
            return []
        }
    }

    @Test(arguments: ["Queens", "queens", "QUEENS", "2025.1", "epoxy", "2025.1 Epoxy"])
    func releaseByNumberOrCodeNameInAnyCase(_ text: String) throws {
        let blueprint = try Fixtures.blueprint("schema: 1\nrelease: \(text)\nprofile: base\n")
        #expect(["queens", "epoxy"].contains(blueprint.release))
    }

    @Test func syntaxErrorsGiveLineAndColumn() {
        let found = errors("schema: 1\nrelease: queens\nprofile: [base\n")
        #expect(found.count == 1)
        #expect(found[0].line == 4)
        #expect(found[0].message.hasPrefix("YAML syntax"))
        #expect(found[0].description.hasPrefix("bojagi.yaml:4:"))
    }

    @Test func tabsAreASyntaxErrorWithAFix() {
        let found = errors("schema: 1\nrelease: queens\nprofile: base\nha:\n\tenabled: true\n")
        #expect(found.first?.line == 5)
        #expect(found.first?.fix?.contains("tabs") == true)
    }

    @Test func unknownKeysSuggestTheNearestOne() {
        let found = errors("schema: 1\nrelease: queens\nprofil: base\n")
        #expect(found.contains { $0.message == "unknown key 'profil' in bojagi.yaml — did you mean 'profile'?" && $0.line == 3 })
        #expect(found.contains { $0.message == "missing 'profile'" })
    }

    @Test func unknownServiceSuggestsTheNearestOne() {
        let found = errors("schema: 1\nrelease: queens\nprofile: base\nservices:\n  add: [nova, desginate]\n")
        #expect(found.count == 1)
        #expect(found[0].message == "unknown service 'desginate' — did you mean 'designate'?")
        #expect(found[0].path == "services.add[1]")
        #expect(found[0].line == 5)
    }

    @Test func unknownProfileAndReleaseSuggest() {
        let found = errors("schema: 1\nrelease: quens\nprofile: web-app\n")
        #expect(found.count == 2)
        #expect(found[0].message == "unknown release 'quens' — did you mean 'queens'?")
        #expect(found[1].message.hasPrefix("unknown profile 'web-app'"))
        #expect(found[1].fix?.contains("web-application") == true)
    }

    @Test func theExternalAPINetworkIsASegmentHostsCanName() throws {
        let blueprint = try Fixtures.blueprint("""
            schema: 1
            release: 2026.2
            profile: base
            hosts:
              - {name: ctl1, roles: [control], interfaces: {external_api: bond3}}
            networks:
              external_api: {cidr: 203.0.113.0/24, interface: eth3, mtu: 1500}
            """)
        #expect(blueprint.networks.externalAPI == Networks.Segment(cidr: "203.0.113.0/24", interface: "eth3", mtu: 1500))
        #expect(blueprint.hosts[0].interfaces["external_api"] == "bond3")
    }

    @Test func everyProblemIsReportedAtOnce() {
        let yaml = """
        release: rocky
        profile: base
        policy:
          min_maturity: 9
          below_policy: fatal
        hosts:
          - name: ctl01
            address: 10.0.0.300
            roles: [control, compute, storge]
        """
        let found = errors(yaml)
        #expect(found.map(\.path) == ["", "policy.min_maturity", "policy.below_policy", "hosts[0].address", "hosts[0].roles"])
        #expect(found.first?.message == "missing 'schema'")
        #expect(found.last?.message.contains("did you mean 'storage'") == true)
    }

    @Test func unknownSchemaVersionIsRefused() {
        let found = errors("schema: 2\nrelease: queens\nprofile: base\n")
        #expect(found.first?.message.contains("schema 2 is not known") == true)
    }

    @Test func hostRangesExpandWithAddresses() throws {
        let blueprint = try Fixtures.blueprint("""
        schema: 1
        release: 2025.1
        profile: base
        hosts:
          - name: cmp[08:11]
            address: 10.0.0.254
            roles: [compute]
            disks: [{size_gb: 960, type: SSD, count: 2}]
        """)
        #expect(blueprint.hosts.map(\.name) == ["cmp08", "cmp09", "cmp10", "cmp11"])
        #expect(blueprint.hosts.map(\.address) == ["10.0.0.254", "10.0.0.255", "10.0.1.0", "10.0.1.1"])
        #expect(blueprint.hosts[3].disks == [Host.Disk(sizeGB: 960, kind: .ssd, count: 2)])
        #expect(blueprint.hosts[2].origin == "hosts[0]")
    }

    @Test func cephPoolsMustNameADefinedTier() {
        let found = errors("""
        schema: 1
        release: 2025.1
        profile: base
        storage:
          ceph:
            tiers:
              - {name: ssd, device_class: ssd}
            pools:
              volumes: {tier: sdd}
        """)
        #expect(found.count == 1)
        #expect(found[0].message.contains("did you mean 'ssd'"))
        #expect(found[0].line == 9)
    }

    @Test func addedAndRemovedAtOnceIsRefused() {
        let found = errors("schema: 1\nrelease: queens\nprofile: base\nservices:\n  add: [heat]\n  remove: [heat]\n")
        #expect(found.map(\.message) == ["'heat' is both added and removed"])
    }

    @Test func emptyFileSaysHowToStart() {
        let found = errors("")
        #expect(found.first?.fix?.contains("bojagi init") == true)
    }

    @Test func secretsInTheBlueprintAreRefusedWithoutEchoingThem() {
        let found = errors("schema: 1\nrelease: queens\nprofile: base\nha:\n  enabled: true\n  keepalived_password: hunter2\n")
        #expect(found.count == 1)
        #expect(found[0].message.contains("looks like a secret"))
        #expect(!found[0].description.contains("hunter2"))
        #expect(found[0].line == 6)
    }
}
