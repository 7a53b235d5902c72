import ArgumentParser
import BojagiCore
import Foundation
import BojagiOpenStack
import BojagiLab
import Logging

struct DrillCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "drill",
        abstract: "Kill the HA lab's load balancer, a database node and a queue node while probing; measure.",
        discussion: """
        While every API is probed through the VIP every 150 ms (a new Keystone \
        token, then a read from the next API in turn: Keystone, Glance, Nova, \
        Neutron, Cinder, Placement, Heat, as the lab runs them; Heat's is an RPC \
        call to heat-engine over RabbitMQ, the others read the database) and a RabbitMQ \
        client (pika, from the lab's venv) round-trips a message on a quorum \
        queue every 0.5 s, the drill kills the VIP holder's keepalived and \
        HAProxy, then the Galera node HAProxy writes to (kill -9 mariadbd), then \
        the RabbitMQ node leading the drill's queue (kill -9).

        For each fault it reports the seconds of API unavailability (first failed \
        request to the first success after the last failure), the failed requests \
        by API, whether a project, a Neutron network and a queued message written \
        before the fault are still there, and, after restarting what was killed, \
        whether the clusters healed (Galera back to 3, RabbitMQ 3 running nodes). \
        The report is saved as JSON in the lab home. Exits 1 when a fault did not \
        heal or lost data.

        The HA lab comes up with `bojagi lab up --ha FILE` (or `bojagi drill lab up FILE`).

        `bojagi drill osd` is the single-node lab's Ceph drill: it kills an OSD while \
        writing to a volume's RBD image (see `bojagi drill osd --help`).

        Examples:
          bojagi drill lab up bojagi.yaml
          bojagi drill
          bojagi drill --format json
          bojagi drill lab down --wipe
          bojagi drill osd --home ~/.bojagi/lab/ceph-lab
        """,
        subcommands: [Run.self, Lab.self, OSD.self],
        defaultSubcommand: Run.self
    )

    struct Options: ParsableArguments {
        @Option(help: ArgumentHelp("The HA lab's home (default: $BOJAGI_HOME/ha-lab, BOJAGI_HOME defaults to ~/.bojagi).", valueName: "dir"))
        var home: String?

        @Option(help: ArgumentHelp("The venv with the OpenStack services, uwsgi and pika, as scripts/lab/install-venv.sh 2026.2 makes it (default: $BOJAGI_HOME/venvs/openstack-2026.2).", valueName: "dir"))
        var venv: String?

        var bojagiHome: String {
            ProcessInfo.processInfo.environment["BOJAGI_HOME"] ?? (NSHomeDirectory() + "/.bojagi")
        }

        func logger(_ label: String, quiet: Bool) -> Logger {
            var logger = Logger(label: label)
            if quiet { logger.logLevel = .warning }
            return logger
        }

        func lab(quiet: Bool = false) -> HALab {
            let home = home.map { URL(fileURLWithPath: $0).standardizedFileURL.path } ?? "\(bojagiHome)/ha-lab"
            return HALab(home: home, venv: venv ?? "\(bojagiHome)/venvs/openstack-\(HALab.release)", runner: SystemProcessRunner(),
                         secretSource: CryptoSecretSource(), logger: logger(ConsoleLogHandler.Labels.haLab, quiet: quiet))
        }
    }

    struct Run: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "run", abstract: "Run the failover drill (the default).")

        @OptionGroup var options: Options
        @Option(help: "Output format.") var format: OutputFormat = .text

        func run() async throws {
            let lab = options.lab()
            let report: DrillReport
            do {
                report = try await Drill(lab: lab, http: URLSessionHTTPClient(timeout: 3), logger: Logger(label: ConsoleLogHandler.Labels.drill)).run()
            } catch {
                printError("error: \(error)")
                throw ExitCode(2)
            }
            print(format == .json ? try JSON.encode(report) : report.text, terminator: "")
            if !report.passed { throw ExitCode(1) }
        }
    }

    struct OSD: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "osd",
            abstract: "Kill an OSD of the single-node lab's Ceph while writing to a volume; measure.",
            usage: "bojagi drill osd [<file>] [--home <dir>] [<options>]",
            discussion: """
            Needs a lab brought up with a blueprint that has storage.ceph (`bojagi lab up \
            examples/ceph-lab.yaml`). Creates a 1 GiB volume on the first tier's \
            backend and writes 64 KiB blocks to its RBD image as client.cinder \
            (scripts/ceph/rbd-probe.py) while every API is probed every 150 ms; \
            SIGKILLs an OSD of that tier, starts it again after --down-for seconds, and \
            reports the longest write (the stall), failed writes and API requests, the \
            seconds until the OSD is marked down, back up, and every PG active+clean, \
            and whether every block reads back intact. The report is saved as JSON in \
            the lab home (drill/osd-latest.json). Exits 1 when a write failed, data \
            did not read back, or the cluster did not heal.
            """)

        @Argument(help: "The blueprint (only its name is used, to find the lab).") var file = "bojagi.yaml"
        @OptionGroup var home: LabHomeOptions
        @Option(help: "Seconds the writer runs.") var seconds = 60
        @Option(help: "Seconds into the writes to kill the OSD.") var killAfter = 10
        @Option(help: "Seconds the OSD stays down before it is started again.") var downFor = 10
        @Option(help: "Output format.") var format: OutputFormat = .text

        func run() async throws {
            let directory = try home.existing(file: file)
            let report: OSDDrillReport
            do {
                report = try await makeLab().osdDrill(home: directory, scripts: try LabUpCommand.scripts(), options: .init(
                    writeSeconds: Double(seconds), killAfter: Double(killAfter), downFor: Double(downFor)))
            } catch {
                printError("error: \(error)")
                throw ExitCode(2)
            }
            print(format == .json ? try JSON.encode(report) : report.text, terminator: "")
            if !report.passed { throw ExitCode(1) }
        }
    }

    struct Lab: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "lab",
            abstract: "Bring the HA lab up, show it, or take it down.",
            usage: "bojagi drill lab up|status|down [<file>] [<options>]",
            discussion: """
            up [FILE]: three controller namespaces (bjctl1..3, 10.99.0.11-13) on a \
            bridge in bjhub, the VIP 10.99.0.10, and Galera, RabbitMQ, memcached, \
            HAProxy, keepalived, Keystone and every API the blueprint's plan selects \
            (glance, placement, nova, neutron, cinder, heat, horizon) in each; nova-compute \
            and cinder-volume in bjcmp1 (10.99.0.21). The host reaches them through \
            the veth bjhost (10.99.0.1). Without FILE: Keystone only. Needs root, \
            scripts/ha-lab/install-apt.sh and scripts/lab/install-venv.sh 2026.2. \
            A second up does nothing when all is well.

            down: stops exactly what up started, by pid, and deletes the namespaces; \
            --wipe also deletes data, configs and logs.
            """
        )

        enum Action: String, ExpressibleByArgument, CaseIterable { case up, status, down }

        @Argument(help: "up, status or down.") var action: Action
        @Argument(help: "With up: the blueprint whose planned services the lab runs (default: Keystone only).") var file: String?
        @OptionGroup var options: Options
        @OptionGroup var catalog: CatalogOptions
        @Flag(help: "With down: delete data, configs and logs too.") var wipe = false
        @Option(help: "Output format (status).") var format: OutputFormat = .text

        func run() async throws {
            var components: [LabComponent] = [.keystone]
            if let file, action == .up { components = try LabUpCommand.haComponents(try LabUpCommand.plan(file, options: catalog)) }
            try await Self.perform(action, options: options, wipe: wipe, format: format, components: components)
            if let file, action == .up { try LabBlueprint.keep(file, home: options.lab(quiet: true).paths.home) }
        }

        /// Shared with `bojagi lab up|status|down --ha`.
        static func perform(_ action: Action, options: Options, wipe: Bool, format: OutputFormat,
                            components: [LabComponent] = [.keystone]) async throws {
            let lab = options.lab(quiet: format == .json)
            do {
                switch action {
                case .up:
                    let status = try await lab.up(components: components)
                    print(format == .json ? try JSON.encode(status) : status.text + "\n" + lab.summary(components: components), terminator: "")
                case .status:
                    let status = await lab.status()
                    print(format == .json ? try JSON.encode(status) : status.text, terminator: "")
                    if !status.healthy { throw ExitCode(1) }
                case .down:
                    try await lab.down(wipe: wipe)
                }
            } catch let error as LabFailure {
                printError("error: \(error)")
                throw ExitCode(2)
            }
        }
    }
}
