import ArgumentParser
import BojagiCore
import BojagiLab
import BojagiOpenStack
import Foundation

struct LabAddHostCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add-host",
        abstract: "Add a compute node to the running HA lab; nothing else restarts.",
        usage: "bojagi lab add-host [--home <dir>] [--name <cmpN>] [<options>]",
        discussion: """
        First the blueprint gains the next compute host (named and addressed after \
        its last one), which is planned and validated like a hand-edited one; with \
        errors nothing changes. Then a new namespace on the lab's bridge runs \
        nova-compute (fake virt driver) and, where the lab runs Cinder, \
        cinder-volume; `nova-manage cell_v2 discover_hosts` maps it into cell1; \
        its resource provider and its enabled, up service are awaited; a server \
        boots on it through the scheduler. The API is probed throughout and every \
        other process's pid is compared before and after. The report is saved \
        beside the drill's (drill/add-host-<run>.json).

        The lab's blueprint is <home>/blueprint.yaml, which `lab up --ha FILE` keeps; \
        --blueprint starts from another file.

        Examples:
          bojagi lab add-host
          bojagi lab add-host --home /tmp/ha --name cmp3 --keep-server
        """)

    @OptionGroup var options: DrillCommand.Options
    @Option(help: ArgumentHelp("The blueprint to change (default: <home>/blueprint.yaml).", valueName: "file")) var blueprint: String?
    @Option(help: ArgumentHelp("The lab node: cmp2, cmp3, … (default: the next).", valueName: "cmpN")) var name: String?
    @Flag(help: "Keep the server that proved the new host (and its image).") var keepServer = false
    @Option(help: "Output format.") var format: OutputFormat = .text
    @OptionGroup var catalog: CatalogOptions

    func run() async throws {
        let lab = options.lab(quiet: format == .json)
        try await lab.failing { try lab.runningWithCompute() }
        let node = try await refusing { try lab.plannedCompute(named: name) }
        let keeper = LabBlueprint(home: lab.paths.home, catalog: catalog)
        let change = try keeper.change(from: blueprint) { text, file, planner, kolla, tools in
            try HostChange.addCompute(to: text, file: file, planner: planner, kolla: kolla, tools: tools)
        }
        printError("• blueprint: \(change.host) added to \(keeper.path) (stands for lab node \(node.name)); planned and validated")
        try keeper.write(change.text)
        var scale = HALab.ScaleChange(name: node.name)
        scale.blueprintHost = change.host
        scale.blueprint = keeper.path
        scale.engineSteps = change.engineSummary
        scale.keepServer = keepServer
        let report = try await lab.failing { try await lab.addHost(scale) }
        print(format == .json ? try JSON.encode(report) : report.text, terminator: "")
        if !report.passed { throw ExitCode(1) }
    }
}

struct LabRemoveHostCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "remove-host",
        abstract: "Drain a compute node and remove it from the running HA lab.",
        usage: "bojagi lab remove-host --name <cmpN> [--home <dir>] [<options>]",
        discussion: """
        Refused for a controller (Galera and RabbitMQ need a majority of their \
        three members; the lab never shrinks below three), for the last compute \
        node, while volumes live on its cinder-volume, and when its servers have \
        no other enabled, up compute host to go to. Otherwise: disables its \
        nova-compute, live-migrates its servers (cold when live migration fails or \
        a server is off; --delete-servers deletes them instead), stops its \
        processes by pid, deletes its compute service (Nova deletes the resource \
        provider; one left over is deleted through Placement) and its \
        cinder-volume service, deletes the namespace, and takes the blueprint host \
        it stood for out of <home>/blueprint.yaml (planned and validated first). \
        The report is saved beside the drill's (drill/remove-host-<run>.json).

        Examples:
          bojagi lab remove-host --name cmp2
          bojagi lab remove-host --name cmp2 --delete-servers --format json
        """)

    @OptionGroup var options: DrillCommand.Options
    @Option(help: ArgumentHelp("The lab node to remove.", valueName: "cmpN")) var name: String
    @Option(help: ArgumentHelp("The blueprint to change (default: <home>/blueprint.yaml).", valueName: "file")) var blueprint: String?
    @Flag(help: "Delete the node's servers instead of migrating them.") var deleteServers = false
    @Option(help: "Output format.") var format: OutputFormat = .text
    @OptionGroup var catalog: CatalogOptions

    func run() async throws {
        let lab = options.lab(quiet: format == .json)
        _ = try await lab.failing { try await refusing { try await lab.removalCheck(name, deleteServers: deleteServers) } }
        var scale = HALab.ScaleChange(name: name)
        scale.deleteServers = deleteServers
        let keeper = LabBlueprint(home: lab.paths.home, catalog: catalog)
        if let host = lab.blueprintHost(of: name) {
            let change = try keeper.change(from: blueprint) { text, file, planner, kolla, tools in
                try HostChange.remove(host, from: text, file: file, planner: planner, kolla: kolla, tools: tools)
            }
            printError("• blueprint: \(host) removed from \(keeper.path); planned and validated")
            scale.blueprintHost = host
            scale.blueprint = keeper.path
            scale.engineSteps = change.engineSummary
            let report = try await lab.failing { try await refusing { try await lab.removeHost(name, change: scale) } }
            try keeper.write(change.text)
            return try finish(report)
        }
        printError("• blueprint unchanged: \(name) is one of the lab's standard nodes, which stand for the blueprint's compute hosts as a whole")
        try finish(try await lab.failing { try await refusing { try await lab.removeHost(name, change: scale) } })
    }

    func finish(_ report: ScaleReport) throws {
        print(format == .json ? try JSON.encode(report) : report.text, terminator: "")
        if !report.passed { throw ExitCode(1) }
    }
}

/// A refusal of the scale rules: printed with its fix, exit 1.
func refusing<T>(_ body: () async throws -> T) async throws -> T {
    do { return try await body() } catch let refusal as HALabScaleRules.Refusal {
        printError("error: \(refusal)")
        throw ExitCode(1)
    }
}

extension HALab {
    /// A failed lab step: printed with its log and fix, exit 2.
    func failing<T>(_ body: () async throws -> T) async throws -> T {
        do { return try await body() } catch let failure as LabFailure {
            printError("error: \(failure)")
            throw ExitCode(2)
        }
    }
}
