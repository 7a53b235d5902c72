import Foundation
import BojagiCore
import BojagiOpenStack
import Logging

/// Brings the single-node lab up, reports on it and takes it down. Everything it touches comes in through `init`:
/// the process runner, the HTTP client and port probe for health checks, and the logger its progress goes to.
public struct Lab: Sendable {
    public struct Options: Sendable {
        public var home: URL
        public var venv: URL
        public var scripts: URL
        public var ports: LabPorts
        public var user: String
        public var skipInstall: Bool

        public init(home: URL, venv: URL, scripts: URL, ports: LabPorts, user: String, skipInstall: Bool = false) {
            self.home = home
            self.venv = venv
            self.scripts = scripts
            self.ports = ports
            self.user = user
            self.skipInstall = skipInstall
        }
    }

    public static let pinnedReleases = ["2026.2"]

    let runner: any ProcessRunner
    let http: any HTTPClient
    let probe: any PortProbe
    let secrets: any SecretSource
    let logger: Logger

    public init(runner: any ProcessRunner, http: any HTTPClient, probe: any PortProbe, secrets: any SecretSource,
                logger: Logger) {
        self.runner = runner
        self.http = http
        self.probe = probe
        self.secrets = secrets
        self.logger = logger
    }

    /// One line of progress.
    func say(_ line: String) { logger.info("\(line)") }

    // MARK: up

    public func up(plan: Plan, options: Options) async throws -> LabSettings {
        let started = Date()
        let selection = LabSelection(plan: plan)
        let release = plan.release.id ?? plan.release.name
        guard Self.pinnedReleases.contains(release) else {
            throw LabFailure(step: "release", message: "the lab pins OpenStack service versions only for \(Self.pinnedReleases.joined(separator: ", ")); the blueprint asks for \(release)",
                             fix: "set `release: 2026.2` in the blueprint for the lab (or add scripts/lab/constraints-\(release).txt and its requirements to scripts/lab/install-venv.sh)")
        }
        say("Lab \(plan.name ?? "lab") (\(plan.release.label)) in \(options.home.path)")
        say("  runs:    \(selection.components.map(\.rawValue).joined(separator: ", ")) + mariadb, rabbitmq, memcached")
        for skipped in selection.skipped { say("  not run: \(skipped.name) — \(skipped.reason)") }
        if selection.runs(.nova) { say("  note:    nova uses the fake virt driver: no real VMs; cinder uses a fake volume driver: no real disks") }

        let home = options.home
        let manager = FileManager.default
        for directory in ["logs", "run", "data/mysql", "data/rabbitmq", "data/glance", "data/nova/instances", "data/horizon", "bin", "etc"] {
            try manager.createDirectory(at: home.appendingPathComponent(directory), withIntermediateDirectories: true)
        }
        for component in selection.components {
            try manager.createDirectory(at: home.appendingPathComponent("run/lock/\(component.rawValue)"), withIntermediateDirectories: true)
        }
        let secretValues = LabSecrets.make(for: selection.components, existing: try LabSecrets.load(from: home), source: secrets)
        let writer = DirectoryWriter()
        try writer.write([try secretValues.file()], to: home)

        let settings = LabSettings(name: plan.name ?? "lab", release: release, home: home.path, venv: options.venv.path,
                                   ports: options.ports, components: selection.components, secrets: secretValues, user: options.user)
        let renderer = LabConfigRenderer(settings: settings)
        var state = try LabState.load(from: home) ?? LabState(blueprint: settings.name, release: release, portOffset: options.ports.offset)
        if state.portOffset != options.ports.offset, state.processes.contains(where: { runner.isAlive($0.pid) }) {
            throw LabFailure(step: "ports", message: "this lab is running with port offset \(state.portOffset), not \(options.ports.offset)",
                             fix: "run `bojagi lab down` first, or use --port-offset \(state.portOffset)")
        }
        state.portOffset = options.ports.offset

        if !options.skipInstall {
            try await step("install Debian packages (mariadb, rabbitmq, memcached)") {
                try await run("install-apt", [options.scripts.appendingPathComponent("install-apt.sh").path], home: home)
            }
            try await step("install OpenStack \(release) into \(options.venv.path)") {
                try await run("install-venv", [options.scripts.appendingPathComponent("install-venv.sh").path, release, options.venv.path], home: home)
            }
        }
        try await noted("render configuration") {
            let changes = try writer.write(renderer.files(), to: home)
            let changed = changes.filter { $0.kind != .unchanged }.count
            return "\(changes.count) files, \(changed) changed"
        }

        // Infrastructure.
        if !manager.fileExists(atPath: home.appendingPathComponent("data/mysql/mysql").path) {
            try await step("initialise MariaDB data directory") {
                try await run("mariadb-install-db", ["mariadb-install-db", "--defaults-file=\(settings.path("etc/mariadb/my.cnf"))",
                                                     "--auth-root-authentication-method=socket", "--skip-test-db"], home: home)
            }
        }
        for spec in renderer.infrastructureProcesses() {
            try await ensureRunning(spec, state: &state, home: home)
        }
        try await step("create databases and users") {
            try await run("databases", ["mariadb", "--defaults-file=\(settings.path("etc/mariadb/my.cnf"))", "--user=\(options.user)",
                                        "-e", "source \(settings.path("etc/mariadb/databases.sql"))"], home: home)
        }

        // Keystone first: every other service registers with it.
        try await prepare(.keystone, renderer: renderer, state: &state, home: home)
        try await ensureRunning(renderer.apiProcess(.keystone), state: &state, home: home)
        try await step("register services, users and endpoints in keystone") {
            try await run("register", [settings.venv + "/bin/python", settings.path("bin/register.py"), "catalog"], home: home)
        }
        let others = selection.components.filter { $0 != .keystone && $0 != .horizon }
        try await prepareInParallel(others, renderer: renderer, state: &state, home: home)
        for component in others {
            try await ensureRunning(renderer.apiProcess(component), state: &state, home: home)
            for daemon in renderer.daemonProcesses(component) {
                try await ensureRunning(daemon, state: &state, home: home)
            }
        }
        if selection.runs(.nova) {
            try await step("nova: discover compute host, create flavors") {
                try await LabReadiness.waitForComputeMapped(
                    runner: runner, settings: settings, host: settings.network.hostName, log: home.appendingPathComponent("logs/nova-manage.log").path,
                    computeLog: home.appendingPathComponent("logs/nova-compute.log").path)
                try await run("register", [settings.venv + "/bin/python", settings.path("bin/register.py"), "flavor"], home: home)
                // clouds.yaml is among the files the render step wrote.
                try await LabReadiness.waitForComputeService(cloudsFile: settings.path(renderer.cloudsYAML().path), cloud: "bojagi-lab",
                                                            host: settings.network.hostName,
                                                            computeLog: home.appendingPathComponent("logs/nova-compute.log").path)
            }
        }
        if selection.runs(.horizon) {
            try await prepare(.horizon, renderer: renderer, state: &state, home: home)
            try await ensureRunning(renderer.apiProcess(.horizon), state: &state, home: home)
        }
        if selection.runs(.cinder) {
            try await step("cinder: wait for the volume backend to report to the scheduler") {
                try await LabReadiness.waitForVolumePool(cloudsFile: settings.path(renderer.cloudsYAML().path), cloud: "bojagi-lab",
                                                         volumeLog: home.appendingPathComponent("logs/cinder-volume.log").path)
            }
        }
        // Daemons without an HTTP API may die after their start: check them once more.
        for process in state.processes where !runner.isAlive(process.pid) {
            throw LabFailure(step: "start \(process.name)", message: "\(process.name) exited after it started", log: process.log, tail: tail(process.log))
        }
        let rss = state.processes.compactMap { runner.residentKiB(group: $0.pid) }.reduce(0, +)
        say(String(format: "Lab up in %.0f s; %d processes, %.1f GiB resident.", Date().timeIntervalSince(started), state.processes.count, Double(rss) / 1_048_576))
        return settings
    }

    /// Text for the user once the lab is up: endpoints, clients, the dashboard.
    public func summary(_ settings: LabSettings) -> String {
        var lines = ["", "APIs (loopback only):"]
        for component in settings.components where component != .horizon {
            lines.append("  \(component.rawValue.padding(toLength: 10, withPad: " ", startingAt: 0)) \(settings.apiURL(component))")
        }
        lines += [
            "",
            "Use the cloud (admin; the password is in \(settings.path("clouds.yaml")), mode 0600):",
            "  export OS_CLIENT_CONFIG_FILE=\(settings.path("clouds.yaml")) OS_CLOUD=bojagi-lab",
            "  \(settings.venv)/bin/openstack server list",
            "  or: source \(settings.path("openrc"))",
        ]
        if settings.runs(.horizon) {
            lines += ["", "Horizon: \(settings.apiURL(.horizon))/  (user admin, password in clouds.yaml)"]
        }
        lines += ["", "Status: bojagi lab status --home \(settings.home)    Stop: bojagi lab down --home \(settings.home) [--wipe]", ""]
        return lines.joined(separator: "\n")
    }

    // MARK: status

    public struct ProcessStatus: Sendable, Codable, Hashable {
        public let name: String
        public let pid: Int32
        public let alive: Bool
        public let health: String?
        /// The HTTP status, "listening", or the error, for processes with a health check.
        public let answer: String?
        public let log: String
    }

    public func status(home: URL) async throws -> [ProcessStatus] {
        guard let state = try LabState.load(from: home) else {
            throw LabFailure(step: "status", message: "no lab in \(home.path) (no \(LabState.fileName))", fix: "run `bojagi lab up` first, or name the lab with --home")
        }
        var result: [ProcessStatus] = []
        for process in state.processes {
            let alive = runner.isAlive(process.pid)
            var answer: String?
            if let health = process.health {
                answer = await probeAnswer(health)
            }
            result.append(ProcessStatus(name: process.name, pid: process.pid, alive: alive, health: process.health, answer: answer, log: process.log))
        }
        return result
    }

    // MARK: down

    /// Stops exactly the processes the state file records: SIGTERM to each process group, SIGKILL after `timeout`.
    @discardableResult
    public func down(home: URL, wipe: Bool, timeout: Double = 30) async throws -> [String] {
        var stopped: [String] = []
        if var state = try LabState.load(from: home) {
            // The services first, then the database, queue and cache they need (in reverse start order).
            let processes = Array(state.processes.reversed())
            let infrastructure = Set(["mariadb", "epmd", "rabbitmq", "memcached"])
            for phase in [processes.filter { !infrastructure.contains($0.name) }, processes.filter { infrastructure.contains($0.name) }] {
                let alive = phase.filter { runner.isAlive($0.pid) }
                for process in alive { runner.signal(process.pid, SIGTERM) }
                let deadline = Date().addingTimeInterval(timeout)
                while Date() < deadline, alive.contains(where: { runner.groupAlive($0.pid) }) {
                    try await Task.sleep(for: .milliseconds(200))
                }
                for process in alive where runner.groupAlive(process.pid) {
                    say("  \(process.name) (pid \(process.pid)) still running \(Int(timeout)) s after SIGTERM: SIGKILL")
                    runner.signal(process.pid, SIGKILL)
                }
                for process in alive {
                    while runner.groupAlive(process.pid) { try await Task.sleep(for: .milliseconds(100)) }
                    stopped.append(process.name)
                }
            }
            state.processes = []
            try DirectoryWriter().write([try state.file()], to: home)
        }
        if wipe {
            try? FileManager.default.removeItem(at: home)
        }
        return stopped
    }

    // MARK: steps

    @discardableResult
    private func noted(_ title: String, _ body: () async throws -> String?) async throws -> String? {
        let start = Date()
        say("==> \(title)")
        let note = try await body()
        say(String(format: "    done in %.1f s", Date().timeIntervalSince(start)) + (note.map { " (\($0))" } ?? ""))
        return note
    }

    private func step(_ title: String, _ body: () async throws -> Void) async throws {
        try await noted(title) { () async throws -> String? in
            try await body()
            return nil
        }
    }

    private func run(_ name: String, _ command: [String], environment: [String: String] = [:], home: URL, step: String? = nil) async throws {
        let log = home.appendingPathComponent("logs/\(name).log").path
        let status: Int32
        do {
            status = try await runner.run(command, environment: environment, log: log).status
        } catch {
            throw LabFailure(step: step ?? name, message: "could not run \(command.first ?? ""): \(error)", log: log)
        }
        guard status == 0 else {
            throw LabFailure(step: step ?? name, message: "`\(command.map { ($0 as NSString).lastPathComponent }.prefix(4).joined(separator: " "))` exited with status \(status)",
                             log: log, tail: tail(log))
        }
    }

    private func prepare(_ component: LabComponent, renderer: LabConfigRenderer, state: inout LabState, home: URL) async throws {
        guard !state.prepared.contains(component.rawValue) else { return }
        let environment = component == .keystone ? ["OS_BOOTSTRAP_PASSWORD": renderer.settings.secrets.adminPassword] : [:]
        for (title, command) in renderer.preparation(component) {
            try await step(title) {
                try await run(component.rawValue + "-manage", command, environment: environment, home: home, step: title)
            }
        }
        state.prepared.append(component.rawValue)
        try DirectoryWriter().write([try state.file()], to: home)
    }

    /// Database syncs of independent services run side by side: they are most of the wait.
    private func prepareInParallel(_ components: [LabComponent], renderer: LabConfigRenderer, state: inout LabState, home: URL) async throws {
        let pending = components.filter { !state.prepared.contains($0.rawValue) }
        guard !pending.isEmpty else { return }
        try await step("database schemas: \(pending.map(\.rawValue).joined(separator: ", "))") {
            try await withThrowingTaskGroup(of: Void.self) { group in
                for component in pending {
                    group.addTask {
                        for (title, command) in renderer.preparation(component) {
                            let start = Date()
                            try await run(component.rawValue + "-manage", command, home: home, step: title)
                            say(String(format: "    %@ in %.1f s", title, Date().timeIntervalSince(start)))
                        }
                    }
                }
                try await group.waitForAll()
            }
        }
        state.prepared += pending.map(\.rawValue)
        try DirectoryWriter().write([try state.file()], to: home)
    }

    /// Keeps a recorded process that is alive and healthy; otherwise starts it and waits for its health check.
    private func ensureRunning(_ spec: LabProcessSpec, state: inout LabState, home: URL) async throws {
        if let recorded = state.process(named: spec.name), runner.isAlive(recorded.pid) {
            if await healthy(spec) {
                say("==> \(spec.name): running (pid \(recorded.pid)), kept")
                return
            }
            // Alive but not answering: stop it, wait for it to go (uwsgi cannot rebind while the old master lives).
            await runner.terminate(recorded.pid, grace: 20, killWait: 0) { runner.groupAlive($0) }
        }
        if let port = spec.port, probe.isListening(port) {
            throw LabFailure(step: "start \(spec.name)", message: "port \(port) is already in use by a process this lab did not start",
                             fix: "stop that process, or choose other ports with --port-offset N (now \(renderer(state).offset))")
        }
        let log = home.appendingPathComponent("logs/\(spec.name).log").path
        try await noted("start \(spec.name)") { () async throws -> String? in
            let pid: Int32
            do {
                pid = try await runner.start(spec.command, environment: spec.environment, log: log)
            } catch {
                throw LabFailure(step: "start \(spec.name)", message: "\(error)", log: log)
            }
            state.record(LabState.Process(name: spec.name, pid: pid, command: spec.command, log: log, health: spec.healthURL, port: spec.port))
            try DirectoryWriter().write([try state.file()], to: home)
            let deadline = Date().addingTimeInterval(Double(spec.timeout))
            while true {
                guard runner.isAlive(pid) else {
                    throw LabFailure(step: "start \(spec.name)", message: "\(spec.name) exited", log: log, tail: tail(log))
                }
                if await healthy(spec) { break }
                guard Date() < deadline else {
                    throw LabFailure(step: "start \(spec.name)", message: "no answer from \(spec.healthURL ?? spec.name) within \(spec.timeout) s", log: log, tail: tail(log))
                }
                try await Task.sleep(for: .milliseconds(500))
            }
            return "pid \(pid)"
        }
    }

    private func renderer(_ state: LabState) -> LabPorts { LabPorts(offset: state.portOffset) }

    private func healthy(_ spec: LabProcessSpec) async -> Bool {
        switch spec.health {
        case .alive: return true
        case .tcp(let port): return probe.isListening(port)
        case .http(let url): return await http.answers(url)
        }
    }

    private func probeAnswer(_ health: String) async -> String {
        if health.hasPrefix("tcp://"), let port = Int(health.split(separator: ":").last ?? "") {
            return probe.isListening(port) ? "listening" : "not listening"
        }
        guard let url = URL(string: health) else { return "bad URL" }
        do {
            let response = try await http.send(HTTPRequest(url: url))
            return String(format: "HTTP %d in %.0f ms", response.status, response.seconds * 1000)
        } catch {
            return "no answer (\(error.localizedDescription))"
        }
    }

    func tail(_ log: String, lines count: Int = 15) -> [String] {
        runner.tail(log, lines: count)
    }
}
