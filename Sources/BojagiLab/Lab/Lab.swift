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
        /// Stop after the configuration is rendered from the release's venv: nothing is started.
        public var renderOnly: Bool

        public init(home: URL, venv: URL, scripts: URL, ports: LabPorts, user: String, skipInstall: Bool = false, renderOnly: Bool = false) {
            self.home = home
            self.venv = venv
            self.scripts = scripts
            self.ports = ports
            self.user = user
            self.skipInstall = skipInstall
            self.renderOnly = renderOnly
        }
    }

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

    /// `ceph`: the blueprint's Ceph design, when it has one: the lab runs it (a monitor, a manager, OSDs per
    /// tier) and puts Cinder and Glance on RBD; without it, Cinder's fake driver and Glance's file store.
    public func up(plan: Plan, options: Options, ceph: LabCephDesign? = nil) async throws -> LabSettings {
        let started = Date()
        let selection = LabSelection(plan: plan, runsCeph: ceph != nil)
        let release = plan.release.id ?? plan.release.name
        try LabReleases(scripts: options.scripts).check(release)
        let lock = try LabLock.acquire(home: options.home.path, command: "bojagi lab up")
        defer { withExtendedLifetime(lock) {} }
        say("Lab \(plan.name ?? "lab") (\(plan.release.label)) in \(options.home.path)")
        say("  runs:    \(selection.components.map(\.rawValue).joined(separator: ", ")) + mariadb, rabbitmq, memcached"
            + (ceph.map { " + ceph (a monitor, a manager, OSDs: \($0.osdGroups.map { "\($0.count) \($0.deviceClass)" }.joined(separator: ", ")))" } ?? ""))
        for skipped in selection.skipped { say("  not run: \(skipped.name) — \(skipped.reason)") }
        if ceph != nil {
            if selection.runs(.cinder) || selection.runs(.glance) { say("  note:    cinder and glance store volumes, backups and images in the lab's Ceph (RBD)") }
            if selection.runs(.nova) { say("  note:    nova uses the fake virt driver: no real VMs, so no VM ever reads an RBD disk; attachments are bookkeeping") }
        } else if selection.runs(.nova) {
            say("  note:    nova uses the fake virt driver: no real VMs; cinder uses a fake volume driver: no real disks")
        }

        let home = options.home
        let manager = FileManager.default
        for directory in ["logs", "run", "run/ceph", "data/mysql", "data/rabbitmq", "data/glance", "data/nova/instances", "data/horizon", "bin", "etc"] {
            try manager.createDirectory(at: home.appendingPathComponent(directory), withIntermediateDirectories: true)
        }
        for component in selection.components {
            try manager.createDirectory(at: home.appendingPathComponent("run/lock/\(component.rawValue)"), withIntermediateDirectories: true)
        }
        let secretValues = LabSecrets.make(for: selection.components, existing: try LabSecrets.load(from: home), source: secrets)
        let writer = DirectoryWriter()
        try writer.write([try secretValues.file()], to: home)

        let settings = LabSettings(name: plan.name ?? "lab", release: release, home: home.path, venv: options.venv.path,
                                   ports: options.ports, components: selection.components, secrets: secretValues, user: options.user,
                                   ceph: ceph?.settings(ports: options.ports))
        let renderer = LabConfigRenderer(settings: settings)
        var state = try LabState.load(from: home) ?? LabState(blueprint: settings.name, release: release, portOffset: options.ports.offset)
        if state.portOffset != options.ports.offset, state.processes.contains(where: { runner.isAlive($0.pid) }) {
            throw LabFailure("lab", step: "ports", message: "this lab is running with port offset \(state.portOffset), not \(options.ports.offset)",
                             fix: "run `bojagi lab down` first, or use --port-offset \(state.portOffset)")
        }
        state.portOffset = options.ports.offset
        if state.release != release {
            // Data kept from another release: every service's database is migrated again (db sync moves it forward).
            state.prepared = []
            state.release = release
        }

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
        if options.renderOnly {
            say("Rendered \(release)'s configuration in \(home.path)/etc; nothing started (--render-only)")
            return settings
        }

        // Ceph comes up beside the database, Keystone and the schemas; the services wait for it (Glance and Cinder
        // are its clients).
        var cephReady: Task<Void, any Error>?
        if let ceph {
            try await cephPrepare(ceph, options: options, state: state, home: home)
            cephReady = Task { try await cephBringUp(ceph, options: options, home: home) }
        }
        let prepared = await Result(awaiting: { try await prepareDatabasesAndKeystone(selection: selection, settings: settings, renderer: renderer,
                                                                                      options: options, state: state, home: home) })
        switch prepared {
        case .success(let next): state = next
        // What it started before it failed is in the state file.
        case .failure: state = (try? LabState.load(from: home)) ?? state
        }
        if let ceph, let cephReady {
            let ready = await cephReady.result
            try cephRecord(ceph, options: options, state: &state, home: home)
            try ready.get()
        }
        _ = try prepared.get()

        // Every other API and daemon, started together in LabStartOrder's waves.
        let others = selection.components.filter { $0 != .keystone }
        try await ensureRunning(together: others.flatMap { [renderer.apiProcess($0)] + ($0 == .horizon ? [] : renderer.daemonProcesses($0)) },
                                state: &state, home: home)
        try await finishServices(selection: selection, settings: settings, renderer: renderer, home: home)
        // Daemons without an HTTP API may die after their start: check them once more.
        for process in state.processes where !runner.isAlive(process.pid) {
            throw LabFailure("lab", step: "start \(process.name)", message: "\(process.name) exited after it started", log: process.log, tail: tail(process.log))
        }
        let rss = state.processes.compactMap { runner.residentKiB(group: $0.pid) }.reduce(0, +)
        say(String(format: "Lab up in %.0f s; %d processes, %.1f GiB resident.", Date().timeIntervalSince(started), state.processes.count, Double(rss) / 1_048_576))
        return settings
    }

    /// MariaDB, RabbitMQ and memcached, the databases, Keystone and the catalog, then every other schema (and
    /// Horizon's static files) side by side. Returns the state with the processes it started and the schemas it
    /// migrated; a failure leaves them in the state file.
    func prepareDatabasesAndKeystone(selection: LabSelection, settings: LabSettings, renderer: LabConfigRenderer, options: Options,
                                     state initial: LabState, home: URL) async throws -> LabState {
        var state = initial
        if !FileManager.default.fileExists(atPath: home.appendingPathComponent("data/mysql/mysql").path) {
            try await step("initialise MariaDB data directory") {
                try await run("mariadb-install-db", ["mariadb-install-db", "--defaults-file=\(settings.path("etc/mariadb/my.cnf"))",
                                                     "--auth-root-authentication-method=socket", "--skip-test-db"], home: home)
            }
        }
        try await ensureRunning(together: renderer.infrastructureProcesses(), state: &state, home: home)
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
        try await prepareInParallel(selection.components.filter { $0 != .keystone }, renderer: renderer, state: &state, home: home)
        return state
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
}
