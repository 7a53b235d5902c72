import Foundation
import BojagiCore
import BojagiOpenStack
import Logging

/// The seed's HA design on one machine: three controller namespaces on a bridge, each with Galera, a RabbitMQ
/// node, memcached, HAProxy, keepalived, Keystone and every other planned API and its daemons, all using the
/// database through the VIP; a compute namespace with nova-compute and cinder-volume.
/// `up` is idempotent; `down` stops what `state.json` says was started, by pid, and deletes the namespaces.
public struct HALab: Sendable {
    /// The series the HA lab runs without a blueprint (Keystone only): the newest the labs pin.
    public static let defaultRelease = "2026.2"

    /// The OpenStack series of the lab's venv (scripts/lab/constraints-<release>.txt); its configuration differences
    /// are the single-node lab's (`LabConfigRenderer`).
    public let release: String

    public let topology: HALabTopology
    public let paths: HALabPaths
    public let commands: HALabCommands
    let runner: any ProcessRunner
    let secretSource: SecretSource
    let logger: Logger

    public init(home: String, venv: String, release: String = HALab.defaultRelease, runner: ProcessRunner, secretSource: SecretSource,
                topology: HALabTopology = .standard, logger: Logger = Logger(label: "bojagi.ha-lab")) {
        self.release = release
        self.paths = HALabPaths(home: home)
        // The compute nodes add-host and remove-host changed are part of the lab until it is wiped.
        self.topology = topology.scaled(HALabState.load(paths.state)?.computes)
        self.commands = HALabCommands(topology: self.topology, paths: paths, venv: venv)
        self.runner = runner
        self.secretSource = secretSource
        self.logger = logger
    }

    /// One line of progress.
    func progress(_ line: String) { logger.info("\(line)") }

    // MARK: up

    /// Brings the lab up with Keystone and `components` (the single-node lab's services the plan selected), and with
    /// `ceph` the blueprint's Ceph under Cinder and Glance.
    @discardableResult
    public func up(components requested: [LabComponent] = [.keystone], ceph: HALabCeph? = nil) async throws -> HALabStatus {
        let started = ContinuousClock.now
        let components = Array(Set(requested + [.keystone])).sorted()
        try preflight()
        let lock = try LabLock.acquire(home: paths.home, command: "bojagi lab up --ha")
        defer { withExtendedLifetime(lock) {} }
        let previous = HALabState.load(paths.state)
        // Data kept from another release: every service's database is migrated again (db sync moves it forward).
        let sameRelease = (previous?.release ?? release) == release
        let prepared = sameRelease ? previous?.prepared ?? [] : []
        if let previous, !previous.processes.isEmpty || !previous.namespaces.isEmpty {
            if previous.components == components, sameRelease, (previous.ceph != nil) == (ceph != nil), previous.processes.allSatisfy({ runner.isAlive($0.pid) }) {
                let current = await status()
                if current.healthy {
                    progress("HA lab already up")
                    return current
                }
            }
            progress(!sameRelease ? "the HA lab runs \(previous.release ?? "another release"): stopping it first (data kept)"
                     : previous.components == components ? "a previous HA lab is partly running: stopping it first (data kept)"
                     : "the HA lab runs other services: stopping it first (data kept)")
            try await stop(wipe: false)
        }
        let secrets = try loadOrCreateSecrets()
        let serviceSecrets = try openstackSecrets(secrets, components: components)
        let clients = ceph.map(cephSettings)
        try step("render") {
            let files = HALabFiles.render(topology: topology, paths: paths, secrets: secrets, components: components)
                + (try openstackFiles(components: components, secrets: serviceSecrets, ceph: clients))
            try DirectoryWriter().write(files, to: URL(fileURLWithPath: paths.home))
            for node in topology.allNodes {
                for directory in [paths.run(node), paths.data(node), "\(paths.home)/log/\(node.name)"] {
                    try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
                }
                // Each service's state_path: nova-compute keeps its node identity there and refuses to start
                // again without it.
                for component in components {
                    for directory in ["run/lock/\(component.rawValue)", "data/\(component.rawValue)"] {
                        try FileManager.default.createDirectory(atPath: "\(paths.openstack(node))/\(directory)", withIntermediateDirectories: true)
                    }
                }
                // The Ceph clients' admin sockets and log (etc/ceph/ceph.conf's run_dir and log_file).
                for directory in ["run/ceph", "logs"] where clients != nil {
                    try FileManager.default.createDirectory(atPath: "\(paths.openstack(node))/\(directory)", withIntermediateDirectories: true)
                }
            }
            for node in topology.nodes {
                try FileManager.default.createDirectory(atPath: paths.mysqlData(node), withIntermediateDirectories: true)
            }
            for directory in ["data/glance/images", "data/horizon/static"] {
                try FileManager.default.createDirectory(atPath: "\(paths.openstack)/\(directory)", withIntermediateDirectories: true)
            }
        }
        var state = HALabState()
        state.venv = commands.venv
        state.release = release
        state.components = components
        state.prepared = prepared
        state.computes = previous?.computes
        try save(state)
        let storage = ceph.map { storageNodes($0, kept: previous?.ceph?.storage.count) } ?? []
        try await network(&state, storage: storage)
        var cephStarted: Task<CommandResult, any Error>?
        if let ceph { cephStarted = try await cephStart(ceph, storage: storage) }
        progress("memcached on \(topology.nodes.map(\.name).joined(separator: ", "))")
        for node in topology.nodes { try await launch(.memcached, on: node, state: &state) }
        try await galera(&state, secrets: secrets)
        try await rabbitmq(&state)
        for node in topology.nodes {
            try await launch(.haproxy, on: node, state: &state)
            try await launch(.keepalived, on: node, state: &state)
        }
        try await waitFor("VIP", timeout: 30, log: paths.log(.keepalived, topology.nodes[0])) { await vipHolder() != nil }
        try await waitFor("database through the VIP", timeout: 30, log: paths.log(.haproxy, topology.nodes[0])) {
            await databaseThroughVIP(secrets: secrets)
        }
        try await keystone(&state, secrets: secrets)
        // The Ceph pools and the OpenStack schemas side by side: neither needs the other; the services need both.
        let alreadyPrepared = state.prepared
        if let ceph, let cephStarted {
            async let cephReady: Void = cephFinish(ceph, started: cephStarted)
            let migrated = await Result(awaiting: {
                try await openstackPrepare(components: components, prepared: alreadyPrepared, values: serviceSecrets, ceph: clients)
            })
            let ready: Result<Void, any Error>
            do { try await cephReady; ready = .success(()) } catch { ready = .failure(error) }
            // Whatever failed: the daemons that started and the schemas migrated are recorded first.
            if case .success(let names) = migrated { state.prepared += names }
            try cephRecord(ceph, storage: storage, state: &state)
            try ready.get()
            _ = try migrated.get()
        } else {
            state.prepared += try await openstackPrepare(components: components, prepared: alreadyPrepared, values: serviceSecrets, ceph: clients)
            try save(state)
        }
        try await openstack(&state, values: serviceSecrets, ceph: clients)
        state.upSeconds = (ContinuousClock.now - started).inSeconds
        try save(state)
        let result = await status()
        progress(String(format: "HA lab up in %.0f s: %@ through the VIP %@ (clouds.yaml and openrc in %@)", state.upSeconds ?? 0,
                        components.map(\.rawValue).joined(separator: ", "), topology.vip, paths.home))
        return result
    }

    func preflight() throws {
        let needed = ["/usr/sbin/ip", "/usr/sbin/mariadbd", "/usr/bin/mariadb-install-db", GaleraConfig.provider, "/usr/bin/rsync",
                      RabbitMQConfig.server, "/usr/bin/memcached", "/usr/sbin/haproxy", "/usr/sbin/keepalived"]
        let missing = needed.filter { !FileManager.default.fileExists(atPath: $0) }
        if !missing.isEmpty {
            throw LabFailure("lab", step: "preflight", message: "missing \(missing.joined(separator: ", "))", fix: "run scripts/ha-lab/install-apt.sh")
        }
        for tool in ["uwsgi", "keystone-manage", "nova-manage", "python"] where !FileManager.default.isExecutableFile(atPath: "\(commands.venv)/bin/\(tool)") {
            throw LabFailure("lab", step: "preflight", message: "no \(tool) in \(commands.venv)", fix: "run scripts/lab/install-venv.sh \(release) \(commands.venv)")
        }
    }

    func loadOrCreateSecrets() throws -> HALabSecrets {
        if let data = FileManager.default.contents(atPath: paths.secrets) {
            do { return try HALabSecrets.decode(data) } catch {
                throw LabFailure("lab", step: "secrets", message: "\(paths.secrets) is unreadable (\(error)); move it away to draw new secrets")
            }
        }
        let secrets = HALabSecrets.generate(secretSource)
        try step("secrets") { try DirectoryWriter().write([secrets.file()], to: URL(fileURLWithPath: paths.home)) }
        return secrets
    }
}

