import ArgumentParser
import BojagiCore

struct UpgradeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "upgrade",
        abstract: "Plan the way from the blueprint's release to a later one.",
        discussion: """
        Upgrades go through the releases the TC's SLURP rules allow, each with its own kolla-ansible, host OS \
        window, RabbitMQ, MariaDB and Ceph steps. `bojagi upgrade plan` lists them from the catalog, with the \
        source of every fact.

        Examples:
          bojagi upgrade plan --to 2026.1
          bojagi upgrade plan examples/map-platform.yaml --to 2026.2 --format json
          bojagi upgrade run examples/map-platform.yaml --to 2026.2 --out map-platform --dry-run
        """,
        subcommands: [UpgradePlanCommand.self, UpgradeRunCommand.self]
    )
}

struct UpgradePlanCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plan",
        abstract: "List the hops, moves and steps from the blueprint's release to --to.",
        usage: "bojagi upgrade plan [<file>] --to <release> [<options>]",
        discussion: """
        For each hop: the kolla-ansible major with its ansible-core and Python ranges, the host OS moves that \
        must happen before it, RabbitMQ, MariaDB and Ceph versions and the steps kolla requires, services that \
        leave the package and what takes their place, inventory changes, checks, and the downtime of every step \
        (none, rolling, API restarts or outage). Exits 1 when something on the path blocks the upgrade, 2 when \
        the blueprint cannot be read or --to names no later release.

        Examples:
          bojagi upgrade plan --to 2026.1
          bojagi upgrade plan examples/exchange.yaml --to gazpacho --format json
        """
    )

    @Argument(help: "The blueprint.")
    var file = "bojagi.yaml"

    @Option(help: ArgumentHelp("The release to upgrade to: number or code name.", valueName: "release"))
    var to: String

    @Option(help: "Output format.")
    var format: OutputFormat = .text

    @OptionGroup var options: CatalogOptions

    func run() async throws {
        let catalog = try options.catalog()
        let blueprint = try BlueprintLoader(catalog: catalog).load(file)
        let plan: UpgradePlan
        do {
            plan = try UpgradePlanner(catalog: catalog, today: try options.today()).plan(blueprint, to: to)
        } catch let error as UpgradePlanError {
            printError("error: \(error)")
            throw ExitCode(2)
        }
        print(format == .json ? try JSON.encode(plan) : UpgradeReport.text(plan), terminator: "")
        if plan.blocked { throw ExitCode(1) }
    }
}

struct UpgradeRunCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Upgrade the cloud hop by hop with kolla-ansible.",
        usage: "bojagi upgrade run [<file>] --to <release> [<options>]",
        discussion: """
        Prints the upgrade plan (hops, host moves, version jumps, services that leave) and what the render for \
        --to changes in the directory (secrets hidden), then for each hop: the hop's kolla-ansible venv, a \
        render for the hop's release, each service's `<service>-status upgrade check`, the registry check, \
        kolla-ansible prechecks, pull and upgrade; `bojagi verify` at the end. The plan's steps kolla-ansible \
        does not run are listed for the operator. Refused when `bojagi upgrade plan` finds a blocker.

        Examples:
          bojagi upgrade run examples/map-platform.yaml --to 2026.2 --out map-platform --dry-run
        """
    )

    @Option(help: ArgumentHelp("The release to upgrade to: number or code name.", valueName: "release"))
    var to: String

    @OptionGroup var options: EngineOptions

    func run() async throws {
        let target = to
        let today = try options.catalogOptions.today()
        try await options.perform(.upgrade(to: to), before: { _ in
            print("What the render for \(target) changes in \(options.out)/:")
            try DiffCommand.showFileDiff(file: options.file, out: options.out, catalog: options.catalogOptions, release: target)
        }, upgrade: { catalog, blueprint in
            let plan: UpgradePlan
            do {
                plan = try UpgradePlanner(catalog: catalog, today: today).plan(blueprint, to: target)
            } catch let error as UpgradePlanError {
                throw CommandFailure("\(error)")
            }
            print(UpgradeReport.text(plan), terminator: "")
            return plan
        })
    }
}
