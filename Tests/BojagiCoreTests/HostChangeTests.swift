import Testing
@testable import BojagiCore
import BojagiTestSupport

/// The blueprint side of scaling out and in: the text edit, then plan, validate and the engine's steps.
@Suite struct HostChangeTests {
    static let starter = StarterBlueprint.text(profile: Fixtures.catalog.profiles["web-application"]!,
                                               release: Fixtures.catalog.release(named: "2026.2")!, catalog: Fixtures.catalog)
    static let tools = StepPlanner.Tools(bojagi: "bojagi", scripts: "scripts", home: "/home")

    static func add(_ text: String = starter) throws -> HostChange {
        try HostChange.addCompute(to: text, file: "bojagi.yaml", planner: Fixtures.planner, kolla: try KollaFiles.bundled(), tools: tools)
    }

    @Test func nextHostFollowsTheNumberingAndSkipsWhatIsTaken() throws {
        let blueprint = try Fixtures.blueprint(Self.starter)
        let next = BlueprintHostEdit.next(after: ["cmp01", "cmp02"], in: blueprint, or: "compute01")
        #expect(next.name == "cmp03" && next.address == "10.0.0.23")
        #expect(BlueprintHostEdit.increment("cmp09") == "cmp10")
        #expect(BlueprintHostEdit.increment("cmp9") == "cmp10")
        #expect(BlueprintHostEdit.increment("compute") == "compute1")
        // With the storage hosts at .23–.25, the compute after cmp02 (.22) goes to .26.
        let taken = try Fixtures.blueprint(Self.starter.replacingOccurrences(of: "name: stor[01:03]\n    address: 10.0.0.31", with: "name: stor[01:03]\n    address: 10.0.0.23"))
        #expect(BlueprintHostEdit.next(after: ["cmp01", "cmp02"], in: taken, or: "x") == ("cmp03", "10.0.0.26"))
        #expect(BlueprintHostEdit.next(after: [], in: blueprint, or: "compute01") == ("compute01", nil))
    }

    @Test func addingAComputePlansValidatesAndPlansTheEngineSteps() throws {
        let change = try Self.add()
        #expect(change.host == "cmp03")
        let added = try #require(change.blueprint.hosts.first { $0.name == "cmp03" })
        #expect(added.address == "10.0.0.23" && added.roles == [.compute] && added.cores == 32 && added.memoryGiB == 256)
        #expect(added.interfaces == ["management": "eth0"])
        #expect(!change.plan.hasErrors)
        #expect(change.plan.topology?.placement.hosts(of: "nova").contains("cmp03") == true)
        // The entry goes after the last host, before the networks; everything else is kept as written.
        #expect(change.text.contains("      - {size_gb: 3840, type: ssd, count: 4}\n  - name: cmp03\n    address: 10.0.0.23\n    roles: [compute]\n"))
        #expect(change.text.replacingOccurrences(of: "  - name: cmp03\n    address: 10.0.0.23\n    roles: [compute]\n    cores: 32\n    memory_gib: 256\n    interfaces: {management: eth0}\n", with: "") == Self.starter)
        // The engine's add-host: bootstrap and pull on the new host only, deploy widened to the monitoring hosts.
        let summary = change.engineSummary
        #expect(summary.contains("bootstrap-servers --limit cmp03"))
        #expect(summary.contains("pull --limit cmp03"))
        #expect(summary.contains { $0.hasPrefix("deploy --limit cmp03,") && $0.contains("ctl01") })
    }

    @Test func removingWhatWasAddedGivesTheBlueprintBack() throws {
        let added = try Self.add()
        let removed = try HostChange.remove("cmp03", from: added.text, file: "bojagi.yaml", planner: Fixtures.planner,
                                           kolla: try KollaFiles.bundled(), tools: Self.tools)
        #expect(removed.text == Self.starter)
        #expect(!removed.blueprint.hosts.contains { $0.name == "cmp03" })
        #expect(removed.engineSummary.first { $0.hasPrefix("stop") } == "stop --limit cmp03")
        #expect(removed.engine.operatorTasks.contains { $0.contains("openstack compute service set --disable cmp03 nova-compute") })
    }

    @Test func aChangeTheValidatorRefusesChangesNothing() throws {
        // Computes at .8 and .9: the next one would take 10.0.0.10, the VIP.
        let low = Self.starter.replacingOccurrences(of: "name: cmp[01:02]\n    address: 10.0.0.21", with: "name: cmp[01:02]\n    address: 10.0.0.8")
        #expect(!Fixtures.planner.plan(try Fixtures.blueprint(low)).hasErrors)
        do {
            _ = try Self.add(low)
            Issue.record("a host on the VIP's address was accepted")
        } catch let failure as HostChange.Failure {
            guard case .findings(let findings) = failure else { Issue.record("\(failure)"); return }
            #expect(findings.contains { $0.severity == .error && ($0.message.contains("10.0.0.10") || $0.message.contains("cmp03")) }, "\(findings)")
            #expect(failure.description.contains("nothing was changed"))
        }
    }

    @Test func editRefusesWhatItCannotChangeSafely() throws {
        #expect(throws: BlueprintHostEdit.Failure.self) { try BlueprintHostEdit.removing("cmp02", from: Self.starter, file: "b.yaml") }
        do {
            _ = try BlueprintHostEdit.removing("cmp02", from: Self.starter, file: "b.yaml")
        } catch let failure as BlueprintHostEdit.Failure {
            #expect(failure.description.contains("cmp02 is one of the range cmp[01:02]"))
            #expect(failure.description.contains("fix:"))
        }
        #expect(throws: BlueprintHostEdit.Failure.self) { try BlueprintHostEdit.removing("nope", from: Self.starter, file: "b.yaml") }
        let flow = "schema: 1\nhosts: [{name: a, roles: [control]}]\n"
        #expect(throws: BlueprintHostEdit.Failure.self) { try BlueprintHostEdit.adding(Host(name: "b", roles: [.compute]), to: flow, file: "b.yaml") }
        // An empty list becomes a block; removing the only entry leaves an empty list.
        let empty = "schema: 1\nhosts: []   # none yet\nnetworks: {}\n"
        let one = try BlueprintHostEdit.adding(Host(name: "cmp01", address: "10.0.0.21", roles: [.compute]), to: empty, file: "b.yaml")
        #expect(one == "schema: 1\nhosts:\n  - name: cmp01\n    address: 10.0.0.21\n    roles: [compute]\nnetworks: {}\n")
        #expect(try BlueprintHostEdit.removing("cmp01", from: one, file: "b.yaml") == "schema: 1\nhosts: []\nnetworks: {}\n")
        // Entries written as flow mappings or with the name on a later line are found by name.
        let mixed = "hosts:\n- {name: a, roles: [control]}\n- roles: [compute]\n  name: 'b'\n# next\nnetworks: {}\n"
        #expect(try BlueprintHostEdit.removing("b", from: mixed, file: "b.yaml") == "hosts:\n- {name: a, roles: [control]}\n# next\nnetworks: {}\n")
        #expect(try BlueprintHostEdit.removing("a", from: mixed, file: "b.yaml") == "hosts:\n- roles: [compute]\n  name: 'b'\n# next\nnetworks: {}\n")
    }
}
