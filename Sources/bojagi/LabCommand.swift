import ArgumentParser
import BojagiCore
import Foundation
import BojagiOpenStack
import BojagiLab
import Logging

struct LabCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lab",
        abstract: "Run the blueprint's OpenStack on this machine, for trials and training.",
        discussion: """
        A single-node lab: the planned services Bojagi can run from PyPI (keystone, glance, placement, nova, \
        neutron, cinder, heat, horizon) in a virtual environment Bojagi manages, pinned per release, with MariaDB, \
        RabbitMQ and memcached of its own on loopback ports. Nova uses the fake virt driver (no real VMs). \
        Planned services the lab cannot run are listed with the reason.

        When the blueprint has storage.ceph, the lab runs its Ceph design for real: a monitor, a manager and \
        OSDs on files per tier device class (Ceph from Debian), the pools, CRUSH rules and client keys of the \
        ceph/pools.sh that `bojagi render` writes, Cinder on RBD (a backend and volume type per tier, backups \
        to the backup pool) and Glance on RBD. Without it, Cinder uses a fake volume driver. `bojagi lab \
        add-osd` grows the cluster online; `bojagi drill osd` kills an OSD during writes.

        With --ha, the HA lab instead (needs root): three controller network namespaces, each with \
        Galera, RabbitMQ, memcached, HAProxy, keepalived and every API the lab runs, behind the VIP \
        10.99.0.10, and a compute namespace with nova-compute and cinder-volume; `bojagi drill` then \
        kills its load balancer, a database node and a queue node while probing; `bojagi lab add-host` \
        and `remove-host` add and drain compute nodes while it serves. With storage.ceph, \
        a Ceph monitor and manager run in each controller namespace and the OSDs in storage \
        namespaces (bjsto1..), under Cinder (cinder-backup beside cinder-volume) and Glance on RBD.

        Examples:
          bojagi lab up examples/single-node.yaml
          bojagi lab up examples/ceph-lab.yaml --port-offset 40000
          bojagi lab add-osd --home ~/.bojagi/lab/ceph-lab --class hdd
          bojagi lab up --ha bojagi.yaml
          bojagi lab add-host --name cmp2
          bojagi lab add-osd --ha --class ssd
          bojagi lab status --home ~/.bojagi/lab/trial
          bojagi lab down --home ~/.bojagi/lab/trial --wipe
        """,
        subcommands: [LabUpCommand.self, LabStatusCommand.self, LabDownCommand.self, LabAddOSDCommand.self, LabAddHostCommand.self,
                      LabRemoveHostCommand.self]
    )
}

/// Where a lab lives: --home, or `$BOJAGI_HOME/lab/<blueprint name>` (BOJAGI_HOME defaults to ~/.bojagi).
struct LabHomeOptions: ParsableArguments {
    @Option(help: ArgumentHelp("The lab's directory (default: $BOJAGI_HOME/lab/<blueprint name>).", valueName: "dir"))
    var home: String?

    static var bojagiHome: URL {
        if let value = ProcessInfo.processInfo.environment["BOJAGI_HOME"], !value.isEmpty {
            return URL(fileURLWithPath: value)
        }
        return FileManager.default.homeDirectoryForCurrentUser.appendingPathComponent(".bojagi")
    }

    /// The HA lab's options for `--ha`: this --home, the HA lab's default venv.
    func haOptions() throws -> DrillCommand.Options {
        try DrillCommand.Options.parse(home.map { ["--home", $0] } ?? [])
    }

    func url(name: String?) throws -> URL {
        if let home { return URL(fileURLWithPath: home).standardizedFileURL }
        guard let name else { throw CommandFailure("the blueprint has no name; name the lab's directory with --home") }
        return Self.bojagiHome.appendingPathComponent("lab/\(name)")
    }

    /// For status and down: --home, else the blueprint file's name, else the only lab there is.
    func existing(file: String) throws -> URL {
        if let home { return URL(fileURLWithPath: home).standardizedFileURL }
        if let text = try? String(contentsOfFile: file, encoding: .utf8),
           let line = text.split(separator: "\n").first(where: { $0.hasPrefix("name:") }) {
            let name = line.dropFirst(5).trimmingCharacters(in: .whitespaces).trimmingCharacters(in: CharacterSet(charactersIn: "\"'"))
            return Self.bojagiHome.appendingPathComponent("lab/\(name)")
        }
        let labs = (try? FileManager.default.contentsOfDirectory(atPath: Self.bojagiHome.appendingPathComponent("lab").path)) ?? []
        if labs.count == 1 { return Self.bojagiHome.appendingPathComponent("lab/\(labs[0])") }
        throw CommandFailure("which lab? name it with --home DIR (labs under \(Self.bojagiHome.path)/lab: \(labs.isEmpty ? "none" : labs.sorted().joined(separator: ", ")))")
    }
}

func makeLab() -> Lab {
    Lab(runner: SystemProcessRunner(), http: URLSessionHTTPClient(timeout: 5), probe: SocketPortProbe(), secrets: CryptoSecretSource(),
        logger: Logger(label: ConsoleLogHandler.Labels.lab))
}

struct LabUpCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "up",
        abstract: "Install, configure and start the lab; a second run keeps what already runs.",
        usage: "bojagi lab up [<file>] [--ha] [--home <dir>] [<options>]")

    @Argument(help: "The blueprint.") var file = "bojagi.yaml"
    @OptionGroup var home: LabHomeOptions
    @Option(help: "Added to every service's usual port (MariaDB 3306 → 13306, Keystone 5000 → 15000, …).")
    var portOffset = 10000
    @Flag(help: "Skip the Debian and PyPI installation steps (they are idempotent, but take seconds to check).")
    var skipInstall = false
    @Flag(help: "Install the release's venv and render every service's configuration from it into the lab's home, then stop: nothing is started (the releases suite validates the files with each service's own tools).")
    var renderOnly = false
    @Flag(help: "The HA lab instead: three controller namespaces with Galera, RabbitMQ, HAProxy, keepalived and every planned API behind a VIP, and a compute namespace (see `bojagi drill`).")
    var ha = false
    @OptionGroup var options: CatalogOptions

    func run() async throws {
        let plan = try Self.plan(file, options: options)
        if ha {
            let options = try home.haOptions()
            let ceph = try Self.haCeph(file, plan: plan, home: options.lab(quiet: true).paths.home, options: self.options)
            try await DrillCommand.Lab.perform(.up, options: options, wipe: false, format: .text,
                                               components: try Self.haComponents(plan, ceph: ceph), release: Self.release(plan), ceph: ceph)
            return try LabBlueprint.keep(file, home: options.lab(quiet: true).paths.home)
        }
        guard LabPorts.validOffsets.contains(portOffset) else {
            throw CommandFailure("--port-offset \(portOffset) puts ports outside 1–65535; use 1…\(LabPorts.validOffsets.upperBound)")
        }
        let release = plan.release.id ?? plan.release.name
        let lab = makeLab()
        let directory = try home.url(name: plan.name)
        do {
            let settings = try await lab.up(plan: plan, options: Lab.Options(
                home: directory, venv: LabHomeOptions.bojagiHome.appendingPathComponent("venvs/openstack-\(release)"),
                scripts: try Self.scripts(), ports: LabPorts(offset: portOffset), user: NSUserName(), skipInstall: skipInstall,
                renderOnly: renderOnly), ceph: try Self.cephDesign(file, plan: plan, home: directory, options: options))
            if !renderOnly { print(lab.summary(settings)) }
        } catch let failure as LabFailure {
            printError("error: \(failure)")
            throw ExitCode(1)
        }
    }

    /// The blueprint's plan; errors stop here, as `bojagi validate` would report them.
    static func plan(_ file: String, options: CatalogOptions) throws -> Plan {
        let planner = try options.planService(blueprint: file)
        let plan = planner.plan(try BlueprintLoader(catalog: planner.catalog).load(file))
        if plan.hasErrors {
            printError("error: the blueprint has errors; `bojagi validate \(file)` lists them")
            throw ExitCode(1)
        }
        return plan
    }

    /// The blueprint's Ceph design for the lab: what `bojagi render` writes for it (the lab keeps it in
    /// `<home>/deployment`, so keys.yml's keys survive a second up). nil without storage.ceph.
    static func cephDesign(_ file: String, plan: Plan, home: URL, options: CatalogOptions) throws -> LabCephDesign? {
        let kolla = try KollaFiles.bundled()
        let planner = try options.planService(inventory: kolla.inventory, blueprint: file)
        let blueprint = try BlueprintLoader(catalog: planner.catalog).load(file)
        guard blueprint.storage.ceph != nil else { return nil }
        let service = RenderService(planner: planner, kolla: kolla, secrets: CryptoSecretSource())
        let files = try service.files(for: blueprint, existing: home.appendingPathComponent(LabCephDesign.deploymentDirectory))
        do {
            return try LabCephDesign(blueprint: blueprint, plan: plan, deployment: files)
        } catch let failure as LabCephDesign.Failure {
            throw CommandFailure("the lab cannot run this blueprint's Ceph: \(failure)")
        }
    }

    /// The plan's release as the labs name their venvs (`2026.1`).
    static func release(_ plan: Plan) -> String { plan.release.id ?? plan.release.name }

    /// What the HA lab runs of the plan, said before it starts; refused when no venv pins the plan's release.
    static func haComponents(_ plan: Plan, ceph: HALabCeph? = nil) throws -> [LabComponent] {
        do {
            try LabReleases(scripts: try scripts()).check(release(plan))
        } catch let failure as LabFailure {
            throw CommandFailure("\(failure)")
        }
        let selection = LabSelection(plan: plan, runsCeph: ceph != nil)
        printError("• HA lab of \(plan.name ?? "the blueprint") (\(plan.release.label)): \(selection.components.map(\.rawValue).joined(separator: ", ")) on three controllers behind the VIP")
        if let ceph {
            printError("  ceph: a monitor and a manager on each controller, OSDs (\(ceph.design.osdGroups.map { "\($0.count) \($0.deviceClass)" }.joined(separator: ", "))) "
                       + "on \(ceph.design.hostBuckets) storage namespaces; pools, rules and keys from the rendered ceph/pools.sh")
        }
        for skipped in selection.skipped where !["haproxy", "keepalived"].contains(skipped.name) {
            printError("  not run: \(skipped.name) — \(skipped.reason)")
        }
        if selection.runs(.nova) {
            printError(ceph == nil ? "  note: nova uses the fake virt driver (no real VMs); cinder a fake volume driver (no real disks)"
                       : "  note: cinder and glance store on the lab's Ceph (RBD); nova uses the fake virt driver: no VM ever reads an RBD disk")
        }
        if ceph != nil, selection.runs(.cinder) {
            printError("  note: one cinder-volume (and cinder-backup) on cmp1, so no coordination backend; kolla runs them active-active on the cinder hosts")
        }
        return selection.components
    }

    /// The blueprint's Ceph for the HA lab (nil without storage.ceph): the single-node lab's design, its deployment
    /// kept in the HA lab's home.
    static func haCeph(_ file: String, plan: Plan, home: String, options: CatalogOptions) throws -> HALabCeph? {
        guard let design = try cephDesign(file, plan: plan, home: URL(fileURLWithPath: home), options: options) else { return nil }
        return HALabCeph(design: design, scripts: try cephScripts())
    }

    /// scripts/ceph beside scripts/lab.
    static func cephScripts() throws -> String { try scripts().deletingLastPathComponent().appendingPathComponent("ceph").path }

    /// scripts/lab beside the executable's checkout (or BOJAGI_LAB_SCRIPTS).
    static func scripts() throws -> URL {
        if let value = ProcessInfo.processInfo.environment["BOJAGI_LAB_SCRIPTS"], !value.isEmpty { return URL(fileURLWithPath: value) }
        var candidates = [URL(fileURLWithPath: FileManager.default.currentDirectoryPath)]
        var directory = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent()
        for _ in 0..<6 {
            candidates.append(directory)
            directory = directory.deletingLastPathComponent()
        }
        for candidate in candidates {
            let scripts = candidate.appendingPathComponent("scripts/lab")
            if FileManager.default.fileExists(atPath: scripts.appendingPathComponent("install-venv.sh").path) { return scripts }
        }
        throw CommandFailure("cannot find scripts/lab/install-venv.sh beside bojagi; run it from the Bojagi checkout or set BOJAGI_LAB_SCRIPTS")
    }
}

struct LabStatusCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status",
        abstract: "Each process the lab started (alive or not) and each API's HTTP answer.")

    @Argument(help: "The blueprint (only its name is used, to find the lab).") var file = "bojagi.yaml"
    @OptionGroup var home: LabHomeOptions
    @Option(help: "Output format.") var format: OutputFormat = .text
    @Flag(help: "The HA lab instead.") var ha = false

    func run() async throws {
        if ha { return try await DrillCommand.Lab.perform(.status, options: try home.haOptions(), wipe: false, format: format) }
        let directory = try home.existing(file: file)
        let rows: [Lab.ProcessStatus]
        do {
            rows = try await makeLab().status(home: directory)
        } catch let failure as LabFailure {
            printError("error: \(failure)")
            throw ExitCode(1)
        }
        var ceph: LabCephStatus?
        var cephError: String?
        do {
            ceph = try await makeLab().cephStatus(home: directory, scripts: try LabUpCommand.scripts())
        } catch {
            cephError = "\(error)"
        }
        if format == .json {
            // Without Ceph, the process list alone, as before; with it, both.
            if ceph == nil && cephError == nil {
                print(try JSON.encode(rows), terminator: "")
            } else {
                print(try JSON.encode(StatusWithCeph(processes: rows, ceph: ceph, cephError: cephError)), terminator: "")
            }
        } else {
            print("Lab in \(directory.path)")
            let table = [["PROCESS", "PID", "STATE", "ANSWER", "LOG"]] + rows.map {
                [$0.name, "\($0.pid)", $0.alive ? "running" : "stopped", $0.answer.map { "\($0)" } ?? "–", $0.log]
            }
            let widths = (0..<5).map { column in table.map { $0[column].count }.max() ?? 0 }
            for row in table {
                print(zip(row, widths).map { $0.padding(toLength: $1, withPad: " ", startingAt: 0) }.joined(separator: "  ").trimmingCharacters(in: .whitespaces))
            }
            if let ceph { print("\n" + ceph.text, terminator: "") }
            if let cephError { print("\nCeph: \(cephError)") }
        }
        if rows.contains(where: { !$0.alive }) || cephError != nil { throw ExitCode(1) }
    }

    struct StatusWithCeph: Encodable {
        let processes: [Lab.ProcessStatus]
        let ceph: LabCephStatus?
        let cephError: String?
    }
}

struct LabAddOSDCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add-osd",
        abstract: "Add an OSD to the lab's Ceph while the cloud serves.",
        usage: "bojagi lab add-osd [<file>] [--ha] [--class <class>] [<options>]",
        discussion: """
        The new OSD (bluestore on a file in the lab home) joins the CRUSH rules of its device class, data \
        rebalances onto it, and its PID goes into the lab's state, so `bojagi lab down` stops it. Reports \
        the seconds until it is up and until every placement group is active+clean again, how many pools \
        `ceph osd pool autoscale-status` lists, and the plan's capacity for the new layout beside `ceph df` \
        (exit 1 when a pool escapes the autoscaler or the capacities disagree).

        With --ha, storage grows by a host: a new storage namespace (bjsto4, …) on the HA lab's bridge \
        becomes a CRUSH host bucket holding the new OSD, while the APIs are probed through the VIP; the \
        report is saved beside the drill's (drill/add-osd-<run>.json). The next `lab up --ha` on the kept \
        data brings the storage node back.
        """)

    @Argument(help: "The blueprint (only its name is used, to find the lab).") var file = "bojagi.yaml"
    @OptionGroup var home: LabHomeOptions
    @Option(name: .customLong("class"), help: ArgumentHelp("The device class (default: the first tier's).", valueName: "class"))
    var deviceClass: String?
    @Option(help: "Output format.") var format: OutputFormat = .text
    @Flag(help: "The HA lab instead: a new storage namespace with the OSD.") var ha = false

    func run() async throws {
        if ha {
            let lab = try home.haOptions().lab(quiet: format == .json)
            let report = try await lab.failing { try await lab.addOSD(deviceClass: deviceClass, scripts: try LabUpCommand.cephScripts()) }
            print(format == .json ? try JSON.encode(report) : report.text, terminator: "")
            if !report.passed { throw ExitCode(1) }
            return
        }
        let directory = try home.existing(file: file)
        do {
            let result = try await makeLab().addOSD(home: directory, scripts: try LabUpCommand.scripts(), deviceClass: deviceClass)
            print(format == .json ? try JSON.encode(result) : result.text, terminator: "")
            if result.autoscaledPools != result.pools || result.capacity?.agrees == false { throw ExitCode(1) }
        } catch let failure as LabFailure {
            printError("error: \(failure)")
            throw ExitCode(1)
        }
    }
}

struct LabDownCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "down",
        abstract: "Stop exactly the processes the lab started; keep its data unless --wipe.",
        usage: "bojagi lab down [<file>] [--ha] [--home <dir>] [--wipe] [<options>]")

    @Argument(help: "The blueprint (only its name is used, to find the lab).") var file = "bojagi.yaml"
    @OptionGroup var home: LabHomeOptions
    @Flag(help: "Also remove the lab's directory: data, configuration, passwords, logs.") var wipe = false
    @Option(help: "Seconds to wait after SIGTERM before SIGKILL.") var timeout = 30
    @Flag(help: "The HA lab instead.") var ha = false

    func run() async throws {
        if ha { return try await DrillCommand.Lab.perform(.down, options: try home.haOptions(), wipe: wipe, format: .text) }
        let directory = try home.existing(file: file)
        let stopped = try await makeLab().down(home: directory, wipe: wipe, timeout: Double(timeout))
        print(stopped.isEmpty ? "Nothing was running." : "Stopped: \(stopped.joined(separator: ", ")).")
        print(wipe ? "Removed \(directory.path)." : "Data kept in \(directory.path); `bojagi lab up` starts it again.")
    }
}
