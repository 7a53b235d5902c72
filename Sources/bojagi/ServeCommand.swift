import ArgumentParser
import BojagiCore
import BojagiLab
import BojagiOpenStack
import BojagiServe
import Foundation
import Logging

struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve the dashboard and the JSON API.",
        usage: "bojagi serve [<file>] [--lab [--ha] | --cloud <name>] [<options>]",
        discussion: """
        Pages: the package (what `plan` says), the topology as an SVG, capacity \
        charts with N+1, live health, logs (tailed and searchable) and the \
        recorded runs and drills. The JSON API is under /api/ (OpenAPI at \
        /api/openapi.json); /metrics is for Prometheus.

        With --lab (or --lab --ha) it watches a running lab: every process, \
        MariaDB or Galera, RabbitMQ, HAProxy, memcached, Ceph and every API, \
        sampled every --refresh seconds into health.sqlite in the lab's home. \
        With --cloud it watches any cloud in clouds.yaml through its APIs.

        It listens on 127.0.0.1. Any other --host needs a token on every \
        request: --token, or one is made, printed once to stderr and kept in \
        $BOJAGI_HOME/serve-token (mode 0600).

        Examples:
          bojagi serve examples/map-platform.yaml
          bojagi serve --lab bojagi.yaml
          bojagi serve --lab --ha --port 8090
          bojagi serve --cloud mycloud --host 0.0.0.0
        """
    )

    @Argument(help: "The blueprint whose package, topology and capacity to show.")
    var file: String?

    @Flag(help: "Watch the single-node lab (or with --ha the HA lab).")
    var lab = false

    @Flag(help: "With --lab: the HA lab.")
    var ha = false

    @OptionGroup var home: LabHomeOptions

    @Option(help: ArgumentHelp("Watch this cloud from clouds.yaml through its APIs.", valueName: "name"))
    var cloud: String?

    @Option(help: "The address to listen on.")
    var host = "127.0.0.1"

    @Option(help: "The port to listen on.")
    var port = 8080

    @Option(help: "The token every request must carry (beyond loopback).")
    var token: String?

    @Option(help: ArgumentHelp("Seconds between health samples and page refreshes.", valueName: "seconds"))
    var refresh = 5

    @OptionGroup var options: CatalogOptions

    func validate() throws {
        if ha && !lab { throw ValidationError("--ha goes with --lab: `bojagi serve --lab --ha`") }
        if lab && cloud != nil { throw ValidationError("--lab and --cloud each name what to watch: give one") }
        if !(1...3600).contains(refresh) { throw ValidationError("--refresh must be 1–3600 seconds, not \(refresh)") }
        if !(1...65535).contains(port) { throw ValidationError("--port must be 1–65535, not \(port)") }
    }

    func run() async throws {
        let logger = Logger(label: ConsoleLogHandler.Labels.serve)
        let http = URLSessionHTTPClient(timeout: 5)
        let runner = SystemProcessRunner()
        var blueprint: Dashboard.Blueprint?
        if let file {
            let service = try options.planService(blueprint: file)
            let decoded = try BlueprintLoader(catalog: service.catalog).load(file)
            blueprint = Dashboard.Blueprint(file: file, plan: service.plan(decoded), networks: decoded.networks)
        }
        var collector: (any HealthCollector)?
        var logs: LogFiles?
        var cloudConfig: CloudConfig?
        var storePath: String?
        if lab && ha {
            let haLab = try home.haOptions().lab(quiet: true)
            let watcher = HALabHealthCollector(lab: haLab, runner: runner, http: http)
            collector = watcher
            logs = LogFiles(directory: watcher.logDirectory)
            cloudConfig = try? haLab.cloudConfig()
            storePath = haLab.paths.home + "/health.sqlite"
        } else if lab {
            let labHome = try home.existing(file: file ?? "bojagi.yaml")
            guard FileManager.default.fileExists(atPath: labHome.appendingPathComponent(LabState.fileName).path) else {
                throw CommandFailure("no lab in \(labHome.path) (no \(LabState.fileName)): bring it up with `bojagi lab up`, or name it with --home DIR")
            }
            let watcher = LabHealthCollector(home: labHome, runner: runner, http: http)
            collector = watcher
            logs = LogFiles(directory: watcher.logDirectory)
            cloudConfig = try? CloudConfig.load(cloud: "bojagi-lab", environment: ["OS_CLIENT_CONFIG_FILE": labHome.appendingPathComponent("clouds.yaml").path],
                                                workingDirectory: labHome.path) { FileManager.default.contents(atPath: $0).map { String(decoding: $0, as: UTF8.self) } }
            storePath = labHome.appendingPathComponent("health.sqlite").path
        } else if let cloud {
            let environment = ProcessInfo.processInfo.environment
            let config = try CloudConfig.load(cloud: cloud, environment: environment, workingDirectory: FileManager.default.currentDirectoryPath) {
                FileManager.default.contents(atPath: $0).map { String(decoding: $0, as: UTF8.self) }
            }
            collector = CloudHealthCollector(config: config, http: http)
            cloudConfig = config
            let records = LabHomeOptions.bojagiHome.appendingPathComponent("records/\(cloud)")
            try FileManager.default.createDirectory(at: records, withIntermediateDirectories: true)
            storePath = records.appendingPathComponent("health.sqlite").path
        }
        if blueprint == nil && collector == nil {
            throw CommandFailure("nothing to serve: name a blueprint (`bojagi serve bojagi.yaml`), --lab, or --cloud NAME")
        }
        let store = try HealthStore(path: storePath)
        let dashboard = Dashboard(blueprint: blueprint, collector: collector, logs: logs, runs: RunRecords(home: LabHomeOptions.bojagiHome),
                                  store: store, cloud: cloudConfig, http: http, refreshSeconds: refresh)
        let settings = ServeSettings(host: host, port: port, token: try tokenForHost())
        printError("serving http://\(host.contains(":") ? "[\(host)]" : host):\(port)/\(collector.map { " — watching \($0.target)" } ?? "")")
        try await buildApplication(dashboard, settings: settings, logger: logger).runService()
    }

    /// None on loopback unless asked; beyond it the given one, or a new one printed once and kept 0600.
    func tokenForHost() throws -> String? {
        if let token {
            guard token.count >= 16 else { throw ValidationError("--token must be at least 16 characters") }
            return token
        }
        guard !ServeSettings.isLoopback(host) else { return nil }
        let made = CryptoSecretSource().password(length: 40)
        _ = try DirectoryWriter().write([RenderedFile(path: "serve-token", contents: made + "\n", mode: 0o600)], to: LabHomeOptions.bojagiHome)
        printError("token (shown once; kept in \(LabHomeOptions.bojagiHome.path)/serve-token, mode 0600): \(made)")
        return made
    }
}
