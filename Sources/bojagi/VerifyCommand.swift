import ArgumentParser
import BojagiCore
import Foundation
import BojagiOpenStack
import BojagiLab
import Logging

struct VerifyCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: "Check a cloud through its OpenStack APIs.",
        usage: "bojagi verify [--cloud <cloud>] [--tempest <selection>] [<options>]",
        discussion: """
        Authenticates with Keystone v3 (password or application credential), then for every service in the \
        catalog reports whether it is reachable, its API version and microversion, latency, and whether an \
        authenticated request succeeds. Then runs a smoke scenario — image upload, network + subnet, server \
        boot, volume create + attach — and deletes what it made. Reads clouds.yaml with --cloud / OS_CLOUD, \
        or the OS_* environment, like the openstack client; works on any OpenStack cloud. \
        Exits 1 when anything fails.

        With --tempest, OpenStack's own integration suite judges the cloud instead: Bojagi installs the pinned \
        Tempest into $BOJAGI_HOME/venvs/tempest, discovers the cloud through its APIs (catalog, microversions, \
        Neutron and Cinder extensions, hypervisors, Cinder pools, Glance stores, external networks), makes two \
        images, two flavors and a shared network if missing, writes tempest.conf (0600) and runs the selection. \
        It reports passed, failed and skipped tests per service, each failure with its reason, and every test it \
        left out with why; the report is kept as JSON in $BOJAGI_HOME/records/<cloud>/. Exits 1 on any failure \
        or when no test passed.

        Selections: smoke; an area such as identity, image, network, volume, compute.servers or orchestration \
        (several with commas); a regex on the test id; @FILE with one test regex per line; @FILE.json, an \
        interop guideline, whose required tests are resolved against the installed Tempest.

        Examples:
          export OS_CLIENT_CONFIG_FILE=~/.bojagi/lab/trial/clouds.yaml
          bojagi verify --cloud bojagi-lab
          bojagi verify --no-smoke --format json
          bojagi verify --cloud bojagi-lab --tempest smoke
          bojagi verify --cloud bojagi-lab --tempest identity,image,network,volume
        """
    )

    @Option(help: "Cloud name in clouds.yaml (default: OS_CLOUD).") var cloud: String?
    @Flag(help: "Only check the services; skip the smoke scenario.") var noSmoke = false
    @Option(help: "Seconds to wait for a server, volume or image.") var timeout = 180
    @Option(help: "Output format.") var format: OutputFormat = .text
    @Option(help: ArgumentHelp("Run Tempest with this selection instead of Bojagi's own checks.", valueName: "selection"))
    var tempest: String?
    @Option(help: "Tempest workers (one per core by default here: 2).") var concurrency = 2
    @Option(name: .customLong("set"), help: ArgumentHelp("A tempest.conf option the cloud's APIs cannot show, as SECTION.KEY=VALUE; repeatable.", valueName: "option"))
    var settings: [String] = []
    @Flag(help: "Skip installing Tempest (the install is idempotent, but takes seconds to check).") var skipInstall = false

    func run() async throws {
        let config: CloudConfig
        do {
            config = try CloudConfig.load(cloud: cloud, environment: ProcessInfo.processInfo.environment,
                                          workingDirectory: FileManager.default.currentDirectoryPath) { path in
                FileManager.default.contents(atPath: path).map { String(decoding: $0, as: UTF8.self) }
            }
        } catch {
            printError("error: \(error)")
            throw ExitCode(2)
        }
        if let tempest {
            try await runTempest(selection: tempest, config: config)
            return
        }
        let report = await Verifier(http: URLSessionHTTPClient(), timeout: .seconds(timeout)).run(config, smoke: !noSmoke)
        print(format == .json ? try JSON.encode(report) : report.text, terminator: "")
        if !report.passed { throw ExitCode(1) }
    }

    func runTempest(selection: String, config: CloudConfig) async throws {
        var overrides: [String: String] = [:]
        for setting in settings {
            let parts = setting.split(separator: "=", maxSplits: 1).map(String.init)
            guard parts.count == 2, parts[0].contains(".") else {
                throw ValidationError("--set \(setting): write SECTION.KEY=VALUE, e.g. --set compute-feature-enabled.resize=true")
            }
            overrides[parts[0]] = parts[1]
        }
        let home = ProcessInfo.processInfo.environment["BOJAGI_HOME"] ?? (NSHomeDirectory() + "/.bojagi")
        let safeName = config.name.map { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" ? $0 : "_" }
        let options = TempestRun.Options(scripts: try LabUpCommand.scripts().deletingLastPathComponent().path,
                                         venv: home + "/venvs/tempest", workspace: home + "/tempest/" + String(safeName),
                                         records: home + "/records/" + String(safeName), selection: TempestSelection.parse(selection),
                                         concurrency: concurrency, skipInstall: skipInstall, overrides: overrides)
        let report: TempestReport
        do {
            report = try await TempestRun(http: URLSessionHTTPClient(timeout: 60), runner: SubprocessCommandRunner(),
                                          logger: Logger(label: ConsoleLogHandler.Labels.tempest)).run(config, options: options)
        } catch {
            printError("error: \(error)")
            throw ExitCode(2)
        }
        print(format == .json ? try JSON.encode(report) : report.text, terminator: "")
        if !report.passed { throw ExitCode(1) }
    }
}
