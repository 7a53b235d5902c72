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
        """,
        subcommands: [UpgradePlanCommand.self]
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
