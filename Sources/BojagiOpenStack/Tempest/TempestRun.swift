import Foundation
import Logging
import BojagiCore

/// `bojagi verify --tempest`: installs the pinned Tempest, discovers the cloud, makes what Tempest needs, writes
/// tempest.conf and the exclusions, runs the selection and reads every test's result back from subunit.
/// Effects come in through `init`: the HTTP client, the command runner and the logger.
public struct TempestRun: Sendable {
    public struct Options: Sendable {
        /// scripts/ of a Bojagi checkout (install-venv.sh, subunit2json.py).
        public var scripts: String
        public var venv: String
        /// The run directory: tempest.conf (0600), logs, stestr's repository.
        public var workspace: String
        /// Where the report is kept with the cloud's other records.
        public var records: String
        public var selection: TempestSelection
        public var concurrency: Int
        public var skipInstall: Bool
        public var overrides: [String: String]

        public init(scripts: String, venv: String, workspace: String, records: String, selection: TempestSelection,
                    concurrency: Int = 2, skipInstall: Bool = false, overrides: [String: String] = [:]) {
            self.scripts = scripts
            self.venv = venv
            self.workspace = workspace
            self.records = records
            self.selection = selection
            self.concurrency = concurrency
            self.skipInstall = skipInstall
            self.overrides = overrides
        }
    }

    let http: any HTTPClient
    let runner: any CommandRunner
    let logger: Logger

    public init(http: any HTTPClient, runner: any CommandRunner, logger: Logger = Logger(label: "bojagi.tempest")) {
        self.http = http
        self.runner = runner
        self.logger = logger
    }

    public func run(_ cloud: CloudConfig, options: Options) async throws -> TempestReport {
        let started = ContinuousClock.now
        guard case let .password(username, password, userDomain, project, projectDomain) = cloud.credential, !project.isEmpty else {
            throw TempestFailure("tempest", step: "credentials", message: "Tempest's dynamic credentials need an admin user with a password and a project; cloud '\(cloud.name)' gives an application credential or no project",
                                 fix: "use a clouds.yaml entry with the admin's username, password and project_name")
        }
        let workspace = options.workspace
        let log = workspace + "/run.log"
        for directory in ["etc", "logs", "lock"] {
            try FileManager.default.createDirectory(atPath: workspace + "/" + directory, withIntermediateDirectories: true)
        }
        if !options.skipInstall {
            logger.info("installing Tempest into \(options.venv) (pinned; once)")
            try await command("install", options.scripts + "/tempest/install-venv.sh", [options.venv], log: workspace + "/install.log")
        }

        logger.info("discovering \(cloud.name) through its APIs")
        let session: OpenStackSession
        do {
            session = try await OpenStackSession.authenticate(cloud, http: http)
        } catch {
            throw TempestFailure("tempest", step: "authenticate", message: "\(error)", fix: "check the clouds.yaml entry for \(cloud.name)")
        }
        let facts = await TempestDiscovery(session: session, config: cloud).facts()
        if facts.has("image"), facts.metadefNamespaces == 0 {
            logger.warning("Glance has no metadata definitions loaded (`glance-manage db_load_metadefs`): its metadefs tests will fail")
        }
        let imageFile = workspace + "/bojagi-tempest.raw"
        if !FileManager.default.fileExists(atPath: imageFile) {
            try Data(count: 1 << 20).write(to: URL(fileURLWithPath: imageFile), options: .atomic)
        }
        logger.info("making Tempest's images, flavors and shared network (reused when present)")
        let resources: TempestResources
        do {
            resources = try await TempestResources.ensure(session: session, facts: facts, imageFile: imageFile) { what, probe in
                guard let value = try await Poll.value(timeout: 120, probe) else {
                    throw TempestFailure("tempest", step: "resources", message: "\(what): not ready after 120 s")
                }
                return value
            }
        } catch let failure as TempestFailure {
            throw failure
        } catch {
            throw TempestFailure("tempest", step: "resources", message: "\(error)", fix: "the admin must be able to create images, flavors and networks")
        }

        let config = TempestConfig(facts: facts, resources: resources,
                                   admin: .init(username: username, password: password, project: project, userDomain: userDomain, projectDomain: projectDomain),
                                   workspace: workspace, overrides: cloud.tempestOverrides.merging(options.overrides) { $1 })
        var files = [RenderedFile(path: "etc/tempest.conf", contents: config.text, mode: 0o600),
                     RenderedFile(path: "etc/exclude.txt", contents: config.excludeList),
                     RenderedFile(path: "facts.json", contents: try JSON.encode(facts))]
        let tempest = options.venv + "/bin/tempest"
        let conf = ["--config-file", workspace + "/etc/tempest.conf"]
        var listFile: String?
        var guidelineResolution: TempestGuideline.Resolution?
        if case .guideline(let path) = options.selection {
            guard let data = FileManager.default.contents(atPath: path) else {
                throw TempestFailure("tempest", step: "selection", message: "cannot read \(path)", fix: "give the path of an interop guideline JSON after @")
            }
            let guideline = try TempestGuideline(json: data, file: path)
            let installed = try await capture("list tests", tempest, ["run", "--list-tests"] + conf, in: workspace)
            let resolution = guideline.resolve(installed: installed.filter { $0.hasPrefix("tempest.") || $0.hasPrefix("heat_tempest_plugin.") })
            listFile = workspace + "/etc/load-list.txt"
            files.append(RenderedFile(path: "etc/load-list.txt", contents: resolution.ids.map { $0 + "\n" }.joined()))
            guidelineResolution = resolution
            logger.info("guideline: \(resolution.ids.count) tests resolved, \(resolution.unresolved.count) not in this Tempest")
        }
        try DirectoryWriter().write(files, to: URL(fileURLWithPath: workspace))

        logger.info("running Tempest (\(options.selection)), concurrency \(options.concurrency); log: \(log)")
        let arguments = ["run"] + conf + ["--concurrency", "\(options.concurrency)", "--exclude-list", workspace + "/etc/exclude.txt"]
            + options.selection.arguments(listFile: listFile)
        // A fresh stestr repository each run: an interrupted run must never be read back as the previous one.
        try? FileManager.default.removeItem(atPath: workspace + "/.stestr")
        let counter = LineCounter(logger: logger)
        let handle = try Self.truncatedLog(log)
        let status = try await runner.run(tempest, arguments, environment: [:], workingDirectory: workspace) { line in
            handle.write(Data((line + "\n").utf8))
            counter.see(line)
        }
        try? handle.close()

        let results = try await capture("results", "/bin/sh",
                                        ["-c", "\"$0\" last --subunit | \"$1\" \"$2\"", options.venv + "/bin/stestr",
                                         options.venv + "/bin/python", options.scripts + "/tempest/subunit2json.py"], in: workspace)
        let parsed = TempestReport.results(fromJSONLines: results.joined(separator: "\n"))
        guard !parsed.isEmpty else {
            let logText = (try? String(contentsOfFile: log, encoding: .utf8)) ?? ""
            if logText.contains("doesn't match with anything") {
                throw TempestFailure("tempest", step: "run", message: "the selection '\(options.selection)' matches no test", log: log,
                                     fix: "name an area (\(TempestSelection.areas.joined(separator: ", ")), smoke, or a regex over test ids such as 'test_application_credentials'")
            }
            let firstError = (try? String(contentsOfFile: log, encoding: .utf8))?.split(separator: "\n")
                .first { $0.contains("Error") || $0.contains("error:") }.map { ": " + $0.prefix(300) } ?? ""
            throw TempestFailure("tempest", step: "run", message: "Tempest exited with status \(status) and recorded no results\(firstError)", log: log,
                                 fix: "read the log; a tempest.conf error shows at its top")
        }
        let version = (try? await capture("version", tempest, ["--version"], in: workspace).last) ?? "tempest"
        var report = TempestReport(cloud: cloud.name, date: ISO8601DateFormatter().string(from: Date()), selection: "\(options.selection)",
                                   tempest: version.replacingOccurrences(of: "tempest ", with: ""),
                                   seconds: (ContinuousClock.now - started).inSeconds, results: parsed,
                                   exclusions: config.exclusions, workspace: workspace)
        report.exitStatus = status
        report.unresolved = guidelineResolution?.unresolved ?? []
        report.flagged = guidelineResolution?.flagged ?? []
        try save(report, in: options.records)
        return report
    }

    /// Keeps the report as `tempest-<time>.json` and `tempest-latest.json` under `records`.
    func save(_ report: TempestReport, in records: String) throws {
        let stamp = report.date.replacingOccurrences(of: ":", with: "")
        let json = try JSON.encode(report)
        try DirectoryWriter().write([RenderedFile(path: "tempest-\(stamp).json", contents: json),
                                     RenderedFile(path: "tempest-latest.json", contents: json)], to: URL(fileURLWithPath: records))
        logger.info("report kept in \(records)/tempest-latest.json")
    }

    func command(_ step: String, _ executable: String, _ arguments: [String], log: String) async throws {
        let handle = try Self.truncatedLog(log)
        defer { try? handle.close() }
        let status = try await runner.run(executable, arguments, environment: [:], workingDirectory: nil) { line in
            handle.write(Data((line + "\n").utf8))
        }
        guard status == 0 else {
            throw TempestFailure("tempest", step: step, message: "\(executable) exited with status \(status)", log: log,
                                 fix: "read the log, fix the cause and run the same command again")
        }
    }

    func capture(_ step: String, _ executable: String, _ arguments: [String], in directory: String) async throws -> [String] {
        let lines = LineCollector()
        let status = try await runner.run(executable, arguments, environment: [:], workingDirectory: directory) { lines.add($0) }
        guard status == 0 else {
            throw TempestFailure("tempest", step: step, message: "\(executable) exited with status \(status): \(lines.all.suffix(5).joined(separator: " | "))")
        }
        return lines.all
    }

    static func truncatedLog(_ path: String) throws -> FileHandle {
        FileManager.default.createFile(atPath: path, contents: nil)
        return try FileHandle(forWritingTo: URL(fileURLWithPath: path))
    }
}

/// Lines gathered from a command's output (the runner calls back from its own task).
final class LineCollector: @unchecked Sendable {
    private let lock = NSLock()
    private var lines: [String] = []

    func add(_ line: String) { lock.withLock { lines.append(line) } }
    var all: [String] { lock.withLock { lines } }
}

/// Progress from subunit-trace's lines (`{1} tempest.api… [0.4s] ... ok`): a line every 50 tests.
final class LineCounter: @unchecked Sendable {
    private let lock = NSLock()
    private var done = 0, failed = 0
    let logger: Logger

    init(logger: Logger) { self.logger = logger }

    func see(_ line: String) {
        let finished = line.hasSuffix(" ok") || line.hasSuffix("FAILED") || line.contains(" ... SKIPPED")
        guard finished else { return }
        let (count, failures) = lock.withLock { () -> (Int, Int) in
            done += 1
            if line.hasSuffix("FAILED") { failed += 1 }
            return (done, failed)
        }
        if count % 50 == 0 { logger.info("tempest: \(count) tests done, \(failures) failed") }
        if line.hasSuffix("FAILED") { logger.warning("tempest: \(line.trimmingCharacters(in: .whitespaces))") }
    }
}
