import ArgumentParser
import BojagiCore
import BojagiLab
import BojagiOpenStack
import Foundation

struct DrillUpgradeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "upgrade",
        abstract: "Upgrade the running HA lab to the next release, rolling, while probing.",
        usage: "bojagi drill upgrade --to <release> [--home <dir>] [<options>]",
        discussion: """
        On a healthy HA lab running the release before --to (one hop, as `bojagi \
        upgrade plan` routes it: a non-SLURP release to the next, a SLURP release \
        to the next SLURP release), in kolla-ansible's order: installs or checks \
        the target's venv (scripts/lab/install-venv.sh); makes a project, a \
        network, a server, a volume, an image and a queue message; runs every \
        service's `<service>-status upgrade check` from the new venv; expands and \
        migrates the databases (keystone, glance and neutron expand, nova, cinder, \
        placement and heat sync); then, one controller at a time, drains it in \
        every HAProxy, stops its Keystone and OpenStack processes by pid, renders \
        its files for the target, starts them from the target's venv, waits until \
        they answer and puts it back; then the compute node; then contracts \
        (keystone, glance, neutron) and runs the online data migrations (nova, \
        cinder, placement). Last it checks what it made: every object read back, \
        a new server booted and the old volume attached to it, the message \
        consumed. The lab's state then names the new release and venv.

        The drill's prober reads every API through the VIP all along. The report \
        (steps with their seconds, per API requests, failures, longest gap and \
        rate, the data checks, the planner's steps for the same route) is saved \
        as drill/upgrade-<run>.json and drill/upgrade-latest.json.

        Progress is kept after every step (upgrade-progress.json in the lab home). A failed \
        step stops the upgrade with the cloud serving (a controller that cannot \
        start on the new venv starts again on its old one), says which step, why \
        and its log; the next run continues from that step. Exits 1 when refused \
        or data was lost, 2 when a step failed.

        Examples:
          bojagi drill upgrade --to 2026.2
          bojagi drill upgrade --to 2026.2 --home /tmp/ha --format json
        """)

    @OptionGroup var options: DrillCommand.Options
    @Option(help: ArgumentHelp("The release to upgrade to, as the labs name venvs (2026.2).", valueName: "release")) var to: String
    @Option(help: ArgumentHelp("The target's venv (default: $BOJAGI_HOME/venvs/openstack-<release>).", valueName: "dir")) var targetVenv: String?
    @Option(help: "Output format.") var format: OutputFormat = .text
    @OptionGroup var catalog: CatalogOptions

    func run() async throws {
        let lab = options.lab(quiet: format == .json)
        let home = lab.paths.home
        try await refused { try lab.upgradeRefusals(to: to) }
        let scripts = try LabUpCommand.scripts()
        try await refused { try LabReleases(scripts: scripts).check(to) }
        let file = "\(home)/blueprint.yaml"
        guard FileManager.default.fileExists(atPath: file) else {
            printError("error: no blueprint kept in \(home) (lab up --ha FILE keeps it)\n  fix: bring the lab up with its blueprint: bojagi drill lab up FILE --home \(home)")
            throw ExitCode(1)
        }
        let plannerCatalog = try catalog.catalog()
        let blueprint = try BlueprintLoader(catalog: plannerCatalog).load(file)
        let plan: UpgradePlan
        do {
            plan = try UpgradePlanner(catalog: plannerCatalog, today: try catalog.today()).plan(blueprint, to: to)
        } catch let error as UpgradePlanError {
            printError("error: the upgrade planner refuses \(lab.release) → \(to): \(error)")
            throw ExitCode(1)
        }
        try await refused { try UpgradeRules.route(plan, from: lab.release, to: to) }
        try await refused { try UpgradeRules.healthy(await lab.status(), home: home) }
        let hop = plan.hops[0]
        let route = plan.route.map(\.label).joined(separator: " → ") + (hop.slurp ? " (SLURP)" : "")
        let labPlan = try LabUpCommand.plan(file, options: catalog)
        let ceph = try LabUpCommand.haCeph(file, plan: labPlan, home: home, options: catalog)
        let venv = targetVenv.map { URL(fileURLWithPath: $0).standardizedFileURL.path } ?? "\(options.bojagiHome)/venvs/openstack-\(to)"
        let request = HALab.UpgradeRequest(to: to, venv: venv, scripts: scripts.deletingLastPathComponent().path, route: route,
                                           plannerSteps: hop.steps.map(\.text), ceph: ceph)
        let report = try await lab.failing { try await lab.upgrade(request) }
        print(format == .json ? try JSON.encode(report) : report.text, terminator: "")
        if !report.passed { throw ExitCode(1) }
    }

    /// A refusal before anything changes: printed with its fix, exit 1.
    func refused(_ body: () async throws -> Void) async throws {
        do { try await body() } catch let failure as LabFailure {
            printError("error: \(failure)")
            throw ExitCode(1)
        }
    }
}
