import ArgumentParser
import BojagiCore
import BojagiEngine
import BojagiOpenStack
import Foundation
import Logging

/// What `deploy`, `reconfigure`, `add-host`, `remove-host` and `upgrade run` share: the blueprint, the
/// directory, and how the run may go.
struct EngineOptions: ParsableArguments {
    @Argument(help: "The blueprint.")
    var file = "bojagi.yaml"

    @Option(help: "The deployment directory (bojagi render --out).")
    var out = "deployment"

    @Flag(help: "Print the steps and their exact commands; run nothing.")
    var dryRun = false

    @Option(name: .customLong("inventory"), help: ArgumentHelp("Another inventory Ansible merges over the rendered one (connection settings); repeatable.", valueName: "file"))
    var inventories: [String] = []

    @Flag(help: "Run bootstrap-servers on running hosts too (it can restart their container engine).")
    var bootstrapRunningHosts = false

    @Option(help: ArgumentHelp("Start at this step of the plan (its name as --dry-run prints it).", valueName: "step"))
    var from: String?

    @Option(help: .hidden)
    var checkPlaybook: String?

    @OptionGroup var catalogOptions: CatalogOptions

    static var home: String {
        if let value = ProcessInfo.processInfo.environment["BOJAGI_HOME"], !value.isEmpty { return value }
        return NSHomeDirectory() + "/.bojagi"
    }

    static func store() throws -> RunStore { try RunStore(path: home + "/runs.sqlite") }

    static func engine() throws -> Engine {
        Engine(store: try store(), runner: SubprocessCommandRunner(), home: home, logger: Logger(label: "bojagi.engine"))
    }

    static var user: String {
        let environment = ProcessInfo.processInfo.environment
        return environment["SUDO_USER"] ?? environment["USER"] ?? environment["LOGNAME"] ?? "uid \(getuid())"
    }

    /// The checkout's scripts/ (the venv installer and the Ansible callback): BOJAGI_SCRIPTS, else found beside
    /// the executable or the working directory.
    static func scripts() throws -> String {
        if let value = ProcessInfo.processInfo.environment["BOJAGI_SCRIPTS"], !value.isEmpty { return value }
        var candidates = [URL(fileURLWithPath: FileManager.default.currentDirectoryPath)]
        var directory = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent()
        for _ in 0..<6 {
            candidates.append(directory)
            directory = directory.deletingLastPathComponent()
        }
        for candidate in candidates {
            let scripts = candidate.appendingPathComponent("scripts")
            if FileManager.default.fileExists(atPath: scripts.appendingPathComponent("engine/kolla-venv.sh").path) { return scripts.path }
        }
        throw CommandFailure("cannot find scripts/engine/kolla-venv.sh beside bojagi; run it from the Bojagi checkout or set BOJAGI_SCRIPTS")
    }

    /// The plan for `operation`: the blueprint, the directory as it is, the files a render would write.
    func plan(_ operation: EngineOperation, upgrade: ((Catalog, Blueprint) throws -> UpgradePlan)? = nil) throws -> (EnginePlan, Engine.Context) {
        let directoryURL = URL(fileURLWithPath: out).standardizedFileURL
        let directory = directoryURL.path
        let kolla = try KollaFiles.bundled()
        let planner = try catalogOptions.planService(inventory: kolla.inventory, blueprint: file)
        let blueprint = try BlueprintLoader(catalog: planner.catalog).load(file)
        // The files the run's render step will write (which decide, e.g., the Ceph steps). A blueprint render
        // refuses is reported after the planner's own refusals, which name the operation's problem more precisely.
        var renderFailure: RenderService.Failure?
        var files: Set<String> = []
        do {
            files = Set(try RenderService(planner: planner, kolla: kolla, secrets: CryptoSecretSource())
                .files(for: blueprint, existing: directoryURL).map(\.path))
        } catch let failure as RenderService.Failure {
            renderFailure = failure
        }
        let inventory = (try? String(contentsOfFile: directory + "/inventory", encoding: .utf8)) ?? ""
        let state = DeploymentDirectory(path: directory, files: files, groups: DeploymentDirectory.inventoryGroups(inventory))
        var options = StepPlanner.Options()
        options.inventories = inventories.map { URL(fileURLWithPath: $0).standardizedFileURL.path }
        options.bootstrapRunningHosts = bootstrapRunningHosts
        options.checkPlaybook = checkPlaybook.map { URL(fileURLWithPath: $0).standardizedFileURL.path }
        if FileManager.default.fileExists(atPath: Self.home + "/runs.sqlite"), !(try Self.store().succeeded(directory: directory)).isEmpty {
            options.liveHosts = state.hosts
        }
        options.upgrade = try upgrade?(planner.catalog, blueprint)
        let bojagi = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().path
        let tools = StepPlanner.Tools(bojagi: bojagi, scripts: try Self.scripts(), home: Self.home)
        let blueprintPath = URL(fileURLWithPath: file).standardizedFileURL.path
        let stepPlanner = StepPlanner(blueprint: blueprint, blueprintPath: blueprintPath, directory: state,
                                      catalog: planner.catalog, tools: tools, options: options)
        do {
            var plan = try stepPlanner.plan(operation)
            if let renderFailure { throw CommandFailure("\(renderFailure)") }
            if let from {
                guard let start = plan.steps.firstIndex(where: { $0.name == from }) else {
                    throw CommandFailure("--from \(from): the plan has no such step; its steps: \(plan.steps.map(\.name).joined(separator: ", "))")
                }
                plan = EnginePlan(operation: plan.operation, steps: Array(plan.steps[start...]), warnings: plan.warnings,
                                  operatorTasks: plan.operatorTasks)
            }
            let command = (["bojagi"] + CommandLine.arguments.dropFirst()).joined(separator: " ")
            return (plan, Engine.Context(blueprint: blueprintPath, directory: directory, user: Self.user, command: command))
        } catch let error as EnginePlanError {
            throw CommandFailure("\(error)")
        }
    }

    /// Plans `operation`, then prints it (--dry-run) or runs it.
    func perform(_ operation: EngineOperation, before: ((EnginePlan) throws -> Void)? = nil,
                 upgrade: ((Catalog, Blueprint) throws -> UpgradePlan)? = nil) async throws {
        let (plan, context) = try plan(operation, upgrade: upgrade)
        try before?(plan)
        print(EngineConsole.planText(plan, directory: out), terminator: "")
        if dryRun {
            print("dry run: nothing ran. A run checks first that every host reaches \(StepPlanner.registry) (`registry`); where it cannot, or the hosts have no docker under systemd (Bojagi's CI machine has neither), pull and deploy cannot run and the run stops there, naming the step.")
            return
        }
        guard FileManager.default.fileExists(atPath: out) || plan.steps.contains(where: { $0.name == "render" }) else {
            throw CommandFailure("no deployment directory \(out)\n  fix: run `bojagi render \(file) --out \(out)` first")
        }
        if !FileManager.default.fileExists(atPath: out + "/inventory") {
            try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
        }
        try await EngineConsole.run { report in try await Self.engine().run(plan, context: context, report: report) }
    }
}
