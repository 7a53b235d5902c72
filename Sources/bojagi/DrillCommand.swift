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
        While the APIs are probed through the VIP by --clients clients, each \
        starting a request every --interval-ms (4 every 250 ms: 16 requests/s), \
        taking in turn token issuance (keystone-token: a new token from the held \
        one) and a read of each API the lab runs (Keystone, Glance, Nova, Neutron, \
        Cinder, Placement, Heat; Heat's is an RPC call to heat-engine over \
        RabbitMQ, the others read the database) with a token each client holds, \
        and a RabbitMQ client (pika, from the lab's venv) round-trips a message on \
        a quorum queue every 0.5 s, the drill kills the VIP holder's keepalived \
        and HAProxy, then the Galera node HAProxy writes to (kill -9 mariadbd), \
        then the RabbitMQ node leading the drill's queue (kill -9).

        For each fault it reports, per API and for the queue, the requests, the \
        failures, the longest gap between successful answers, the rate achieved \
        and so the time resolution (1 / rate); the seconds of API unavailability \
        (first failed request to the first success after the last failure) with \
        that resolution; whether a project, a Neutron network and a queued \
        message written before the fault are still there; and, after restarting \
        what was killed, whether the clusters healed (Galera back to 3, RabbitMQ \
        3 running nodes). It watches each fault until every API and the queue got \
        --min-samples requests (up to 60 s); a window with fewer is reported as \
        not enough samples to judge, without figures. The report is saved as JSON \
        in the lab home. Exits 1 when a fault did not heal, lost data or could \
        not be judged.

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
        subcommands: [Run.self, Lab.self, OSD.self, DrillUpgradeCommand.self],
        defaultSubcommand: Run.self
    )

    struct Options: ParsableArguments {
        @Option(help: ArgumentHelp("The HA lab's home (default: $BOJAGI_HOME/ha-lab, BOJAGI_HOME defaults to ~/.bojagi).", valueName: "dir"))
        var home: String?

        @Option(help: ArgumentHelp("The venv with the OpenStack services, uwsgi and pika, as scripts/lab/install-venv.sh RELEASE makes it (default: the one the lab was brought up with, else $BOJAGI_HOME/venvs/openstack-RELEASE for the blueprint's release, 2026.2 without one).", valueName: "dir"))
        var venv: String?

        var bojagiHome: String {
            ProcessInfo.processInfo.environment["BOJAGI_HOME"] ?? (NSHomeDirectory() + "/.bojagi")
        }

        func logger(_ label: String, quiet: Bool) -> Logger {
            var logger = Logger(label: label)
            if quiet { logger.logLevel = .warning }
            return logger
        }

        /// The HA lab on `release` (`up` with a blueprint); nil: the release it was brought up with, else the default.
        func lab(quiet: Bool = false, release: String? = nil) -> HALab {
            let home = home.map { URL(fileURLWithPath: $0).standardizedFileURL.path } ?? "\(bojagiHome)/ha-lab"
            let recorded = HALabState.load(home: home)
            let release = release ?? recorded?.release ?? HALab.defaultRelease
            let venv = venv ?? (recorded?.release == release ? recorded?.venv : nil) ?? "\(bojagiHome)/venvs/openstack-\(release)"
            return HALab(home: home, venv: venv, release: release, runner: SystemProcessRunner(),
                         secretSource: CryptoSecretSource(), logger: logger(ConsoleLogHandler.Labels.haLab, quiet: quiet))
        }
    }

    struct Run: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "run", abstract: "Run the failover drill (the default).",
                                                        usage: "bojagi drill [run] [--clients <n>] [--interval-ms <ms>] [<options>]")

        @OptionGroup var options: Options
        @Option(help: "Concurrent API probe clients.") var clients = 4
        @Option(help: ArgumentHelp("Milliseconds between the starts of each client's requests.", valueName: "ms")) var intervalMs = 250
        @Option(help: "Requests per API and of the queue a fault window needs to be judged.") var minSamples = 20
        @Option(help: "Output format.") var format: OutputFormat = .text

        func validate() throws {
            guard clients >= 1, clients <= 64 else { throw ValidationError("--clients must be between 1 and 64 (got \(clients))") }
            guard intervalMs >= 10 else { throw ValidationError("--interval-ms must be at least 10 (got \(intervalMs))") }
            guard minSamples >= 1 else { throw ValidationError("--min-samples must be at least 1 (got \(minSamples))") }
        }

        func run() async throws {
            let lab = options.lab()
            let report: DrillReport
            do {
                var drill = Drill(lab: lab, http: URLSessionHTTPClient(timeout: 3), probeHTTP: { URLSessionHTTPClient(timeout: 3) }, loginHTTP: { URLSessionHTTPClient(timeout: 30) },
                                  logger: Logger(label: ConsoleLogHandler.Labels.drill))
                drill.probe = APIProber.Settings(clients: clients, interval: .milliseconds(intervalMs))
                drill.minimumSamples = minSamples
                report = try await drill.run()
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
            (scripts/ceph/rbd-probe.py) while the APIs are probed as by `bojagi drill` \
            (4 clients, each every 250 ms); \
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
                    writeSeconds: Double(seconds), killAfter: Double(killAfter), downFor: Double(downFor)),
                    probeHTTP: { URLSessionHTTPClient(timeout: 3) }, loginHTTP: { URLSessionHTTPClient(timeout: 30) })
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
            the veth bjhost (10.99.0.1). Without FILE: Keystone only, on 2026.2. The \
            services come from the venv of the blueprint's release (any release \
            scripts/lab has a constraints file for). Needs root, \
            scripts/ha-lab/install-apt.sh and scripts/lab/install-venv.sh RELEASE. \
            A second up does nothing when all is well.

            With storage.ceph in FILE, the blueprint's Ceph runs too (Ceph 16 from \
            Debian): a monitor and a manager in each controller namespace, the OSDs \
            in storage namespaces bjsto1.. (10.99.0.31..), one CRUSH host each; the \
            pools, rules and keys come from the ceph/pools.sh `bojagi render` writes. \
            Cinder (a backend and volume type per tier, cinder-backup on cmp1) and \
            Glance store on RBD. Nova keeps the fake virt driver: no VM reads RBD.

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
            var release: String?
            var ceph: HALabCeph?
            if let file, action == .up {
                let plan = try LabUpCommand.plan(file, options: catalog)
                release = LabUpCommand.release(plan)
                ceph = try LabUpCommand.haCeph(file, plan: plan, home: options.lab(quiet: true, release: release).paths.home, options: catalog)
                components = try LabUpCommand.haComponents(plan, ceph: ceph)
            }
            try await Self.perform(action, options: options, wipe: wipe, format: format, components: components, release: release, ceph: ceph)
            if let file, action == .up { try LabBlueprint.keep(file, home: options.lab(quiet: true, release: release).paths.home) }
        }

        /// Shared with `bojagi lab up|status|down --ha`.
        static func perform(_ action: Action, options: Options, wipe: Bool, format: OutputFormat,
                            components: [LabComponent] = [.keystone], release: String? = nil, ceph: HALabCeph? = nil) async throws {
            let lab = options.lab(quiet: format == .json, release: release ?? (action == .up ? HALab.defaultRelease : nil))
            do {
                switch action {
                case .up:
                    let status = try await lab.up(components: components, ceph: ceph)
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
