import BojagiCore
import BojagiTestSupport
import Testing

/// The engine's step planner against tables: which steps, in which order, with which `--limit` and why.
@Suite struct StepPlannerTests {
    static let tools = StepPlanner.Tools(bojagi: "/opt/bojagi", scripts: "/src/scripts", home: "/h")
    static let venv = "/h/venvs/kolla-ansible-2026.2/bin/"

    static func blueprint(controllers: Int = 3, computes: Int = 3, prometheus: Bool = true, release: String = "2026.2") throws -> Blueprint {
        try Fixtures.blueprint("""
            schema: 1
            release: \(release)
            profile: web-application
            monitoring: {prometheus: \(prometheus)}
            hosts:
              - {name: "\(range("ctl", controllers))", address: 10.10.0.11, roles: [control, network, monitoring]}
              - {name: "\(range("cmp", computes))", address: 10.10.0.21, roles: [compute]}
              - {name: ceph01, address: 10.10.0.51, roles: [storage]}
            """)
    }

    static func range(_ prefix: String, _ count: Int) -> String { count == 1 ? "\(prefix)01" : "\(prefix)[01:0\(count)]" }

    /// The directory as the running cloud left it: 3 controllers, `computes` computes, one Ceph host.
    static func directory(controllers: Int = 3, computes: Int = 3) -> DeploymentDirectory {
        let ctl = (1...controllers).map { "ctl0\($0)" }
        return DeploymentDirectory(path: "/d", files: ["inventory", "ceph/bootstrap.sh"],
                                   groups: ["control": ctl, "network": ctl, "monitoring": ctl,
                                            "compute": (1...computes).map { "cmp0\($0)" }, "storage": ["ceph01"]])
    }

    static func plan(_ operation: EngineOperation, blueprint: Blueprint, directory: DeploymentDirectory = directory(),
                     options: StepPlanner.Options = StepPlanner.Options()) throws -> EnginePlan {
        try StepPlanner(blueprint: blueprint, blueprintPath: "/b/bojagi.yaml", directory: directory, catalog: Fixtures.catalog,
                        tools: tools, options: options).plan(operation)
    }

    static func step(_ plan: EnginePlan, _ name: String) -> EngineStep? { plan.steps.first { $0.name == name } }

    @Test func deployRunsEveryStepInOrderWithExactCommands() throws {
        let plan = try Self.plan(.deploy, blueprint: Self.blueprint())
        #expect(plan.steps.map(\.name) == ["render", "venv", "registry", "ceph-copy", "ceph-bootstrap", "bootstrap-servers",
                                           "prechecks", "pull", "deploy", "post-deploy", "verify"])
        #expect(Self.step(plan, "render")?.argv == ["/opt/bojagi", "render", "/b/bojagi.yaml", "--out", "/d"])
        #expect(Self.step(plan, "venv")?.argv == ["/src/scripts/engine/kolla-venv.sh", "2026.2", "23", "/h/venvs/kolla-ansible-2026.2"])
        #expect(Self.step(plan, "deploy")?.argv == [Self.venv + "kolla-ansible", "deploy", "-i", "/d/inventory", "--configdir", "/d"])
        #expect(Self.step(plan, "ceph-bootstrap")?.limit == ["ctl01"])
        #expect(Self.step(plan, "pull")?.needs == [.registry])
        #expect(Self.step(plan, "deploy")?.needs == [.containers])
        #expect(Self.step(plan, "deploy")?.environment["ANSIBLE_CALLBACKS_ENABLED"] == "bojagi_progress")
        #expect(Self.step(plan, "verify")?.environment == ["OS_CLIENT_CONFIG_FILE": "/d/clouds.yaml"])
        #expect(plan.steps.allSatisfy { $0.environment.keys.allSatisfy { !$0.lowercased().contains("password") } })
    }

    /// With Octavia in the package, deploy makes its CAs (kolla-ansible octavia-certificates) before prechecks,
    /// once: a directory that already holds them keeps them.
    @Test func octaviaCertificatesBeforePrechecksOnce() throws {
        var blueprint = try Self.blueprint()
        blueprint.capabilities.add.append("load-balancer")
        let plan = try Self.plan(.deploy, blueprint: blueprint)
        let names = plan.steps.map(\.name)
        let index = try #require(names.firstIndex(of: "octavia-certificates"))
        #expect(index < names.firstIndex(of: "prechecks")!)
        #expect(Self.step(plan, "octavia-certificates")?.argv == [Self.venv + "kolla-ansible", "octavia-certificates", "-i", "/d/inventory", "--configdir", "/d"])
        let made = DeploymentDirectory(path: "/d", files: ["inventory", "config/octavia/server_ca.cert.pem"], groups: Self.directory().groups)
        #expect(Self.step(try Self.plan(.deploy, blueprint: blueprint, directory: made), "octavia-certificates") == nil)
        #expect(Self.step(try Self.plan(.deploy, blueprint: try Self.blueprint()), "octavia-certificates") == nil)
    }

    @Test func anotherInventoryIsMergedIntoEveryAnsibleStep() throws {
        var options = StepPlanner.Options()
        options.inventories = ["/site/connection.yml"]
        let plan = try Self.plan(.deploy, blueprint: Self.blueprint(), options: options)
        for step in plan.steps where step.ansible {
            #expect(step.argv.contains("/site/connection.yml"), "\(step.name)")
        }
    }

    @Test func deployDoesNotBootstrapHostsAnEarlierRunDeployed() throws {
        var options = StepPlanner.Options()
        options.liveHosts = ["ctl01", "ctl02", "ctl03", "cmp01", "cmp02", "ceph01"]
        let plan = try Self.plan(.deploy, blueprint: Self.blueprint(), options: options)
        let bootstrap = try #require(Self.step(plan, "bootstrap-servers"))
        #expect(bootstrap.limit == ["cmp03"])
        #expect(bootstrap.limitReason?.contains("--bootstrap-running-hosts") == true)
        options.liveHosts.insert("cmp03")
        #expect(Self.step(try Self.plan(.deploy, blueprint: Self.blueprint(), options: options), "bootstrap-servers") == nil)
        options.bootstrapRunningHosts = true
        #expect(Self.step(try Self.plan(.deploy, blueprint: Self.blueprint(), options: options), "bootstrap-servers")?.limit == nil)
    }

    struct AddCase: Sendable, CustomTestStringConvertible {
        let host: String
        let controllers: Int
        let computes: Int
        let prometheus: Bool
        let deployLimit: [String]
        let reason: String?
        let reconfigureOthers: [String]?
        var testDescription: String { "add \(host), prometheus \(prometheus)" }
    }

    @Test(arguments: [
        AddCase(host: "cmp04", controllers: 3, computes: 4, prometheus: true,
                deployLimit: ["cmp04", "ctl01", "ctl02", "ctl03"], reason: "Prometheus gets new scrape targets", reconfigureOthers: nil),
        AddCase(host: "cmp04", controllers: 3, computes: 4, prometheus: false, deployLimit: ["cmp04"], reason: nil, reconfigureOthers: nil),
        AddCase(host: "ctl04", controllers: 4, computes: 3, prometheus: true,
                deployLimit: ["ctl04", "ctl01", "ctl02", "ctl03"], reason: "every controller: Galera, RabbitMQ", reconfigureOthers: ["cmp01", "cmp02", "cmp03", "ceph01"]),
    ])
    func addHostWidensTheLimit(_ row: AddCase) throws {
        let blueprint = try Self.blueprint(controllers: row.controllers, computes: row.computes, prometheus: row.prometheus)
        let plan = try Self.plan(.addHost(row.host), blueprint: blueprint)
        #expect(Self.step(plan, "bootstrap-servers")?.limit == [row.host])
        #expect(Self.step(plan, "pull")?.limit == [row.host])
        #expect(Self.step(plan, "registry")?.limit == [row.host])
        let deploy = try #require(Self.step(plan, "deploy"))
        #expect(deploy.limit == row.deployLimit)
        #expect(deploy.argv.suffix(2) == ["--limit", row.deployLimit.joined(separator: ",")])
        if let reason = row.reason {
            #expect(deploy.limitReason?.contains(reason) == true, "\(deploy.limitReason ?? "no reason")")
        } else {
            #expect(deploy.limitReason == nil)
        }
        #expect(Self.step(plan, "reconfigure-others")?.limit == row.reconfigureOthers)
        #expect(deploy.liveSafe == !row.host.hasPrefix("ctl"))
    }

    @Test func addHostAsksForTheRunningHostsBeforeBootstrappingThem() throws {
        var options = StepPlanner.Options()
        options.bootstrapRunningHosts = true
        let plan = try Self.plan(.addHost("cmp04"), blueprint: Self.blueprint(computes: 4), options: options)
        let bootstrap = try #require(Self.step(plan, "bootstrap-servers"))
        #expect(bootstrap.limit == nil)
        #expect(!bootstrap.liveSafe)
    }

    @Test func addHostRefusesAHostOutsideTheBlueprintOrAlreadyDeployed() throws {
        #expect(throws: EnginePlanError.self) { try Self.plan(.addHost("cmp09"), blueprint: Self.blueprint()) }
        #expect { try Self.plan(.addHost("cmp02"), blueprint: Self.blueprint()) } throws: { error in
            "\(error)".contains("already in /d/inventory") && "\(error)".contains("reconfigure")
        }
    }

    @Test func removingAControllerChecksQuorum() throws {
        // 3 → 2: allowed, with the quorum warning.
        let plan = try Self.plan(.removeHost("ctl03"), blueprint: Self.blueprint(controllers: 2))
        #expect(plan.warnings.count == 1)
        #expect(plan.warnings.first?.contains("leaves 2 controllers") == true)
        #expect(plan.steps.map(\.name) == ["venv", "stop", "render", "deploy", "reconfigure-others", "verify"])
        #expect(Self.step(plan, "stop")?.argv.suffix(3) == ["--limit", "ctl03", "--yes-i-really-really-mean-it"])
        #expect(Self.step(plan, "deploy")?.limit == ["ctl01", "ctl02"])
        #expect(plan.operatorTasks.contains { $0.contains("forget_cluster_node rabbit@ctl03") })
        #expect(plan.operatorTasks.contains { $0.contains("network agent remove router --l3") })
        // 2 → 1: refused.
        #expect { try Self.plan(.removeHost("ctl02"), blueprint: Self.blueprint(controllers: 1), directory: Self.directory(controllers: 2)) } throws: { error in
            "\(error)".contains("leaves 1 controller") && "\(error)".contains("add a controller first")
        }
    }

    @Test func removingAComputeListsTheCleanUps() throws {
        let plan = try Self.plan(.removeHost("cmp03"), blueprint: Self.blueprint(computes: 2))
        #expect(plan.warnings.isEmpty)
        #expect(Self.step(plan, "deploy")?.limit == ["ctl01", "ctl02", "ctl03"])
        #expect(Self.step(plan, "deploy")?.limitReason?.contains("scrape targets") == true)
        #expect(plan.operatorTasks.first?.contains("compute service set --disable cmp03 nova-compute") == true)
        #expect(!plan.operatorTasks.contains { $0.contains("rabbitmqctl") })
        #expect { try Self.plan(.removeHost("cmp03"), blueprint: Self.blueprint()) } throws: { error in
            "\(error)".contains("still a host")
        }
    }

    @Test func upgradeRunsEachHopWithItsOwnKollaAnsible() throws {
        let blueprint = try Self.blueprint(release: "2025.1")
        var options = StepPlanner.Options()
        options.upgrade = try UpgradePlanner(catalog: Fixtures.catalog, today: Fixtures.today).plan(blueprint, to: "2026.1")
        let route = try #require(options.upgrade)
        let plan = try Self.plan(.upgrade(to: "2026.1"), blueprint: blueprint, options: options)
        #expect(route.hops.count >= 1)
        for hop in route.hops {
            let id = try #require(hop.to.id)
            let tag = "hop\(hop.number)"
            let venv = try #require(Self.step(plan, "\(tag) venv"))
            #expect(venv.argv[1] == id)
            #expect(venv.argv[2] == Fixtures.catalog.release(named: id)?.kollaAnsible)
            #expect(Self.step(plan, "\(tag) render")?.argv.suffix(2) == ["--release", id])
            #expect(Self.step(plan, "\(tag) nova-status")?.argv.last == "docker exec nova_api nova-status upgrade check")
            let upgrade = try #require(Self.step(plan, "\(tag) upgrade"))
            #expect(upgrade.argv[0] == "/h/venvs/kolla-ansible-\(id)/bin/kolla-ansible")
            #expect(upgrade.argv[1] == "upgrade")
            let names = plan.steps.map(\.name)
            #expect(names.firstIndex(of: "\(tag) nova-status")! < names.firstIndex(of: "\(tag) prechecks")!)
            #expect(names.firstIndex(of: "\(tag) pull")! < names.firstIndex(of: "\(tag) upgrade")!)
        }
        #expect(plan.steps.last?.name == "verify")
    }

    @Test func inventoryHostSectionsAreRead() {
        let groups = DeploymentDirectory.inventoryGroups("""
            # kolla-ansible inventory
            [control]
            ctl01 ansible_host=10.0.0.1
            ctl02

            [compute]
            cmp01 network_interface=eth1

            [deployment]
            localhost ansible_connection=local

            [nova:children]
            control
            """)
        #expect(groups == ["control": ["ctl01", "ctl02"], "compute": ["cmp01"]])
    }

    @Test func aKollaGroupsHostsComeThroughItsChildren() {
        let inventory = "[control]\nctl01\n[compute]\ncmp01\ncmp02\n[nova:children]\ncontrol\n[nova-compute:children]\ncompute\n[nova-api:children]\nnova\n"
        #expect(DeploymentDirectory.hosts(of: "nova-compute", inventory: inventory) == ["cmp01", "cmp02"])
        #expect(DeploymentDirectory.hosts(of: "nova-api", inventory: inventory) == ["ctl01"])
        #expect(DeploymentDirectory.hosts(of: "octavia-api", inventory: inventory).isEmpty)
    }

    @Test func commandLinesQuoteWhatTheShellWouldSplit() {
        let step = EngineStep(name: "x", argv: ["ansible", "all", "-a", "url=https://quay.io/v2/ timeout=10", "it's"],
                              environment: ["A": "1"], workingDirectory: "/", liveSafe: true)
        #expect(step.commandLine == "A=1 ansible all -a 'url=https://quay.io/v2/ timeout=10' 'it'\\''s'")
    }
}
