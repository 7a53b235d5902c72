import Foundation
import BojagiCore
import BojagiOpenStack
import Logging

/// The seed's HA design on one machine: three controller namespaces on a bridge, each with Galera, a RabbitMQ
/// node, memcached, HAProxy, keepalived, Keystone and every other planned API and its daemons, all using the
/// database through the VIP; a compute namespace with nova-compute and cinder-volume.
/// `up` is idempotent; `down` stops what `state.json` says was started, by pid, and deletes the namespaces.
public struct HALab: Sendable {
    /// The OpenStack series the lab's venv pins (scripts/lab/constraints-2026.2.txt).
    public static let release = "2026.2"

    public let topology: HALabTopology
    public let paths: HALabPaths
    public let commands: HALabCommands
    let runner: any ProcessRunner
    let secretSource: SecretSource
    let logger: Logger

    public init(home: String, venv: String, runner: ProcessRunner, secretSource: SecretSource, topology: HALabTopology = .standard,
                logger: Logger = Logger(label: "bojagi.ha-lab")) {
        self.topology = topology
        self.paths = HALabPaths(home: home)
        self.commands = HALabCommands(topology: topology, paths: paths, venv: venv)
        self.runner = runner
        self.secretSource = secretSource
        self.logger = logger
    }

    /// One line of progress.
    func progress(_ line: String) { logger.info("\(line)") }

    // MARK: up

    /// Brings the lab up with Keystone and `components` (the single-node lab's services the plan selected).
    @discardableResult
    public func up(components requested: [LabComponent] = [.keystone]) async throws -> HALabStatus {
        let started = ContinuousClock.now
        let components = Array(Set(requested + [.keystone])).sorted()
        try preflight()
        let previous = HALabState.load(paths.state)
        let prepared = previous?.prepared ?? []
        if let previous, !previous.processes.isEmpty || !previous.namespaces.isEmpty {
            if previous.components == components, previous.processes.allSatisfy({ runner.isAlive($0.pid) }) {
                let current = await status()
                if current.healthy {
                    progress("HA lab already up")
                    return current
                }
            }
            progress(previous.components == components ? "a previous HA lab is partly running: stopping it first (data kept)"
                     : "the HA lab runs other services: stopping it first (data kept)")
            try await down(wipe: false)
        }
        let secrets = try loadOrCreateSecrets()
        let serviceSecrets = try openstackSecrets(secrets, components: components)
        try step("render") {
            let files = HALabFiles.render(topology: topology, paths: paths, secrets: secrets, components: components)
                + (try openstackFiles(components: components, secrets: serviceSecrets))
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
        state.components = components
        state.prepared = prepared
        try save(state)
        try await network(&state)
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
        try await openstack(&state, values: serviceSecrets)
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
            throw LabFailure(step: "preflight", message: "missing \(missing.joined(separator: ", "))", fix: "run scripts/ha-lab/install-apt.sh")
        }
        for tool in ["uwsgi", "keystone-manage", "nova-manage", "python"] where !FileManager.default.isExecutableFile(atPath: "\(commands.venv)/bin/\(tool)") {
            throw LabFailure(step: "preflight", message: "no \(tool) in \(commands.venv)", fix: "run scripts/lab/install-venv.sh \(Self.release) \(commands.venv)")
        }
    }

    func loadOrCreateSecrets() throws -> HALabSecrets {
        if let data = FileManager.default.contents(atPath: paths.secrets) {
            do { return try HALabSecrets.decode(data) } catch {
                throw LabFailure(step: "secrets", message: "\(paths.secrets) is unreadable (\(error)); move it away to draw new secrets")
            }
        }
        let secrets = HALabSecrets.generate(secretSource)
        try step("secrets") { try DirectoryWriter().write([secrets.file()], to: URL(fileURLWithPath: paths.home)) }
        return secrets
    }

    func network(_ state: inout HALabState) async throws {
        progress("network: namespaces \(topology.namespaces.joined(separator: ", ")), bridge \(topology.bridge), VIP \(topology.vip)")
        let existing = await existingNamespaces()
        if let clash = topology.namespaces.first(where: existing.contains) {
            throw LabFailure(step: "network", message: "network namespace \(clash) exists and this lab's state does not record it; "
                             + "fix: `ip netns del \(clash)` if it is a leftover")
        }
        let hub = topology.hubNamespace
        let prefix = "/\(topology.prefixLength)"
        state.namespaces.append(hub)
        try save(state)
        try await ip(["netns", "add", hub])
        try await ip(["-n", hub, "link", "set", "lo", "up"])
        try await ip(["-n", hub, "link", "add", topology.bridge, "type", "bridge"])
        try await ip(["-n", hub, "link", "set", topology.bridge, "up"])
        for node in topology.allNodes {
            state.namespaces.append(node.namespace)
            try save(state)
            try await ip(["netns", "add", node.namespace])
            try await ip(["link", "add", topology.hubPort(node), "netns", hub, "type", "veth", "peer", "name", topology.nodeInterface, "netns", node.namespace])
            try await ip(["-n", hub, "link", "set", topology.hubPort(node), "master", topology.bridge, "up"])
            try await ip(["-n", node.namespace, "addr", "add", node.address + prefix, "dev", topology.nodeInterface])
            try await ip(["-n", node.namespace, "link", "set", topology.nodeInterface, "up"])
            try await ip(["-n", node.namespace, "link", "set", "lo", "up"])
            // HAProxy binds the VIP on every node, holder or not.
            try await check("network", ["sysctl", "-qw", "net.ipv4.ip_nonlocal_bind=1"], namespace: node.namespace)
        }
        state.hostLink = topology.hostInterface
        try save(state)
        try await ip(["link", "add", topology.hostInterface, "type", "veth", "peer", "name", topology.hostPeer, "netns", hub])
        try await ip(["-n", hub, "link", "set", topology.hostPeer, "master", topology.bridge, "up"])
        try await ip(["addr", "add", topology.hostAddress + prefix, "dev", topology.hostInterface])
        try await ip(["link", "set", topology.hostInterface, "up"])
    }

    func galera(_ state: inout HALabState, secrets: HALabSecrets) async throws {
        let first = topology.nodes[0]
        let grastate = "\(paths.mysqlData(first))/grastate.dat"
        if !FileManager.default.fileExists(atPath: "\(paths.mysqlData(first))/mysql") {
            progress("galera: initialising \(first.name)'s datadir")
            try await check("galera", commands.installDatabase(on: first), namespace: first.namespace, log: paths.log(.mariadb, first))
        } else if let text = try? String(contentsOfFile: grastate, encoding: .utf8) {
            // `down` stops the first node last, so its data is the newest: let it bootstrap again.
            try text.replacingOccurrences(of: "safe_to_bootstrap: 0", with: "safe_to_bootstrap: 1").write(toFile: grastate, atomically: true, encoding: .utf8)
        }
        progress("galera: bootstrapping the cluster on \(first.name)")
        try await launch(.mariadb, on: first, state: &state, bootstrap: true)
        try await waitFor("galera on \(first.name)", timeout: 60, log: paths.log(.mariadb, first), watching: state.pid(.mariadb, first)) { await galeraSynced(first) }
        try await check("galera", commands.sql(GaleraConfig.bootstrapSQL(secrets: secrets), on: first), log: paths.log(.mariadb, first))
        progress("galera: \(topology.nodes.dropFirst().map(\.name).joined(separator: ", ")) join (rsync SST)")
        for node in topology.nodes.dropFirst() {
            try await launch(.mariadb, on: node, state: &state)
            try await waitFor("galera on \(node.name)", timeout: 90, log: paths.log(.mariadb, node), watching: state.pid(.mariadb, node)) { await galeraSynced(node) }
        }
        try await waitFor("galera cluster of \(topology.nodes.count)", timeout: 30, log: paths.log(.mariadb, first)) {
            await galeraClusterSize(on: first) == topology.nodes.count
        }
    }

    func rabbitmq(_ state: inout HALabState) async throws {
        let first = topology.nodes[0]
        progress("rabbitmq: \(first.name) first, then the others join by classic peer discovery")
        try await launch(.rabbitmq, on: first, state: &state)
        try await waitFor("rabbitmq on \(first.name)", timeout: 90, log: paths.log(.rabbitmq, first), watching: state.pid(.rabbitmq, first)) {
            await rabbitmqRunningNodes(on: first) != nil
        }
        for node in topology.nodes.dropFirst() { try await launch(.rabbitmq, on: node, state: &state) }
        try await waitFor("rabbitmq cluster of \(topology.nodes.count)", timeout: 120, log: paths.log(.rabbitmq, topology.nodes[2])) {
            await rabbitmqRunningNodes(on: first) == topology.nodes.count
        }
        try await check("rabbitmq", commands.rabbitmqctl(["set_policy", "--apply-to", "queues", RabbitMQConfig.policyName,
                                                          RabbitMQConfig.policyPattern, RabbitMQConfig.policyDefinition], on: first),
                        namespace: first.namespace, environment: rabbitEnvironment(first), log: paths.log(.rabbitmq, first))
    }

    func keystone(_ state: inout HALabState, secrets: HALabSecrets) async throws {
        let first = topology.nodes[0]
        let log = paths.log(.keystone, first)
        progress("keystone: db_sync and bootstrap through the VIP, then uwsgi on every node")
        try await check("keystone", commands.keystoneManage(["db_sync"], on: first), namespace: first.namespace, log: log)
        try await check("keystone", commands.keystoneManage([
            "bootstrap", "--bootstrap-password", secrets.keystoneAdmin, "--bootstrap-username", "admin",
            "--bootstrap-project-name", "admin", "--bootstrap-role-name", "admin", "--bootstrap-service-name", "keystone",
            "--bootstrap-region-id", "RegionOne", "--bootstrap-admin-url", topology.keystoneURL,
            "--bootstrap-internal-url", topology.keystoneURL, "--bootstrap-public-url", topology.keystoneURL,
        ], on: first), namespace: first.namespace, log: log)
        for node in topology.nodes { try await launch(.keystone, on: node, state: &state) }
        try await waitFor("keystone token through the VIP", timeout: 90, log: log) { await tokenThroughVIP() }
    }

    // MARK: status and queries

    public func status() async -> HALabStatus {
        let state = HALabState.load(paths.state) ?? HALabState()
        let existing = await existingNamespaces()
        let ours = state.namespaces.filter(existing.contains)
        var pids: [Int32] = []
        for namespace in ours { pids += await runner.pids(inNamespace: namespace) }
        let first = topology.nodes.first { runner.isAlive(state.pid(.mariadb, $0) ?? 0) }
        let rabbit = topology.nodes.first { runner.isAlive(state.pid(.rabbitmq, $0) ?? 0) }
        let keystone = ours.isEmpty ? false : await tokenThroughVIP()
        let apis = ours.isEmpty ? [] : await apiAnswers(state.components.filter { $0 != .keystone })
        return HALabStatus(
            processes: state.processes.sorted { ($0.node, $0.service) < ($1.node, $1.service) }.map {
                HALabStatus.Process(service: $0.service, node: $0.node, pid: $0.pid, alive: runner.isAlive($0.pid))
            },
            namespaces: ours,
            vipHolder: ours.isEmpty ? nil : await vipHolder()?.name,
            galeraClusterSize: first == nil ? nil : await galeraClusterSize(on: first!),
            rabbitmqRunningNodes: rabbit == nil ? nil : await rabbitmqRunningNodes(on: rabbit!),
            keystone: keystone,
            apis: apis,
            residentMiB: runner.residentKiB(pids) / 1024,
            upSeconds: state.upSeconds,
            keystoneURL: topology.keystoneURL
        )
    }

    public func vipHolder() async -> HALabNode? {
        for node in topology.nodes {
            let result = try? await runner.run(["ip", "-o", "-4", "addr", "show", "dev", topology.nodeInterface], namespace: node.namespace,
                                               environment: [:], log: "/dev/null")
            if result?.output.contains(" \(topology.vip)/") == true { return node }
        }
        return nil
    }

    public func galeraClusterSize(on node: HALabNode) async -> Int? {
        await sqlValue("SHOW STATUS LIKE 'wsrep_cluster_size'", on: node).flatMap { Int($0) }
    }

    func galeraSynced(_ node: HALabNode) async -> Bool {
        await sqlValue("SHOW STATUS LIKE 'wsrep_local_state_comment'", on: node) == "Synced"
    }

    func sqlValue(_ statement: String, on node: HALabNode) async -> String? {
        guard let result = try? await runner.run(commands.sql(statement, on: node), namespace: nil, environment: [:], log: "/dev/null"),
              result.status == 0 else { return nil }
        return result.output.split(whereSeparator: \.isNewline).first?.split(separator: "\t").last.map(String.init)
    }

    func databaseThroughVIP(secrets: HALabSecrets) async -> Bool {
        let result = try? await runner.run(["/usr/bin/mariadb", "--no-defaults", "-h", topology.vip, "-P", String(topology.ports.mariadb),
                                            "-u", "keystone", "-p\(secrets.keystoneDatabase)", "-N", "-e", "SELECT 1"],
                                           namespace: nil, environment: [:], log: "/dev/null")
        return result?.status == 0
    }

    /// Running nodes as `node` sees them; nil when it does not answer. rabbitmqctl runs inside the node's namespace:
    /// from elsewhere the CLI's own Erlang node is not reachable back.
    public func rabbitmqRunningNodes(on node: HALabNode) async -> Int? {
        guard let result = try? await runner.run(commands.rabbitmqctl(["cluster_status", "--formatter", "json"], on: node),
                                                 namespace: node.namespace, environment: rabbitEnvironment(node), log: "/dev/null"),
              result.status == 0,
              let json = try? JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [String: Any],
              let running = json["running_nodes"] as? [String] else { return nil }
        return running.count
    }

    /// The node that leads a quorum queue, asked of `node`.
    public func rabbitmqLeader(of queue: String, askingAt node: HALabNode) async -> HALabNode? {
        guard let result = try? await runner.run(commands.rabbitmqctl(["list_queues", "name", "leader", "--formatter", "json"], on: node),
                                                 namespace: node.namespace, environment: rabbitEnvironment(node), log: "/dev/null"),
              result.status == 0,
              let rows = try? JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [[String: Any]],
              let leader = rows.first(where: { $0["name"] as? String == queue })?["leader"] as? String else { return nil }
        return topology.nodes.first { $0.rabbitNode == leader }
    }

    func rabbitEnvironment(_ node: HALabNode) -> [String: String] {
        RabbitMQConfig.environment(for: node, topology: topology, paths: paths)
    }

    public func secrets() throws -> HALabSecrets {
        guard let data = FileManager.default.contents(atPath: paths.secrets) else {
            throw LabFailure(step: "secrets", message: "no \(paths.secrets): is the HA lab up? (`bojagi drill lab up`)")
        }
        return try HALabSecrets.decode(data)
    }

    public func state() -> HALabState? { HALabState.load(paths.state) }

    /// How to use the lab once it is up: the client, Horizon, the drill and how to stop it.
    public func summary(components: [LabComponent]) -> String {
        var lines = [
            "Use the cloud through the VIP (admin; the password is in \(paths.home)/clouds.yaml, mode 0600):",
            "  export OS_CLIENT_CONFIG_FILE=\(paths.home)/clouds.yaml OS_CLOUD=\(HALabClientFiles.cloudName)",
            "  \(commands.venv)/bin/openstack server list",
            "  bojagi verify",
        ]
        if components.contains(.horizon) {
            lines.append("Horizon: \(topology.apiURL(.horizon))/  (user admin, password in clouds.yaml)")
        }
        lines += [
            "Drill:   bojagi drill --home \(paths.home)",
            "Stop:    bojagi lab down --ha --home \(paths.home) [--wipe]",
        ]
        return lines.joined(separator: "\n") + "\n"
    }

    /// Whether Keystone issues the admin a token through the VIP.
    func tokenThroughVIP() async -> Bool {
        guard let config = try? cloudConfig() else { return false }
        return (try? await OpenStackSession.authenticate(config, http: URLSessionHTTPClient(timeout: 5))) != nil
    }

    /// The admin through the VIP, from the lab's clouds.yaml.
    public func cloudConfig() throws -> CloudConfig {
        try CloudConfig.load(cloud: HALabClientFiles.cloudName, environment: ["OS_CLIENT_CONFIG_FILE": paths.clouds],
                             workingDirectory: paths.home) { FileManager.default.contents(atPath: $0).map { String(decoding: $0, as: UTF8.self) } }
    }

    // MARK: faults and restarts (for the drill)

    /// Sends `signal` to a service the lab started: to its whole process group, or to its main process only.
    public func kill(_ service: HALabService, on node: HALabNode, signal: Int32, group: Bool = true) throws -> Int32 {
        guard let pid = state()?.pid(service, node) else {
            throw LabFailure(step: "fault", message: "the lab did not start \(service.rawValue) on \(node.name)")
        }
        runner.signal(pid, signal, group: group)
        return pid
    }

    /// Starts a service again after a fault, once whatever is left of the old one has gone, and records its pid.
    public func restart(_ service: HALabService, on node: HALabNode) async throws {
        guard var state = state() else { throw LabFailure(step: "restore", message: "no lab state in \(paths.state)") }
        if let old = state.pid(service, node) { await runner.terminate(old, grace: 5) }
        try await launch(service, on: node, state: &state)
    }

    // MARK: down

    /// Stops every process the lab started (by pid, gracefully then SIGKILL), kills what is left in its namespaces
    /// (epmd, SST helpers), deletes the namespaces and the host link. `wipe` also deletes data, configs and logs.
    public func down(wipe: Bool) async throws {
        guard var state = HALabState.load(paths.state), !state.processes.isEmpty || !state.namespaces.isEmpty || state.hostLink != nil else {
            if wipe { try removeData() }
            progress("HA lab: nothing recorded as running")
            return
        }
        // The OpenStack services first, all at once; then Keystone, and the databases last; the first Galera and
        // RabbitMQ node stop last so they may start first.
        let services = state.processes.filter { !$0.isInfrastructure }
        if !services.isEmpty {
            progress("stopping the OpenStack services")
            await withTaskGroup(of: Void.self) { group in
                for member in services { group.addTask { await runner.terminate(member.pid, grace: 15) } }
            }
        }
        let groups = Dictionary(grouping: state.processes.filter(\.isInfrastructure)) { HALabService(rawValue: $0.service)! }
        for service in HALabService.allCases.reversed() {
            guard let members = groups[service] else { continue }
            progress("stopping \(service.rawValue)")
            if service == .mariadb || service == .rabbitmq {
                for member in members.sorted(by: { $0.node > $1.node }) { await runner.terminate(member.pid, grace: 30) }
            } else {
                await withTaskGroup(of: Void.self) { group in
                    for member in members { group.addTask { await runner.terminate(member.pid, grace: 15) } }
                }
            }
        }
        state.processes = []
        try save(state)
        let existing = await existingNamespaces()
        for namespace in state.namespaces where existing.contains(namespace) {
            for pid in await runner.pids(inNamespace: namespace) { runner.signal(pid, SIGKILL, group: false) }
        }
        if let link = state.hostLink {
            _ = try? await runner.run(["ip", "link", "del", link], namespace: nil, environment: [:], log: paths.labLog)
        }
        for namespace in state.namespaces.reversed() where existing.contains(namespace) {
            try await waitFor("namespace \(namespace) empty", timeout: 10, log: paths.labLog) { await runner.pids(inNamespace: namespace).isEmpty }
            try await ip(["netns", "del", namespace])
        }
        // What stays true of the kept data: which services' databases are migrated, so the next `up` skips that.
        var kept = HALabState()
        kept.components = state.components
        kept.prepared = state.prepared
        kept.venv = state.venv
        try? save(kept)
        if wipe { try removeData() }
        progress("HA lab down\(wipe ? "; data wiped" : "; data kept in \(paths.home)")")
    }

    func removeData() throws {
        for directory in ["data", "etc", "run", "log", "bin", "openstack"] {
            let path = "\(paths.home)/\(directory)"
            if FileManager.default.fileExists(atPath: path) { try FileManager.default.removeItem(atPath: path) }
        }
        for file in ["state.json", "secrets.json", "clouds.yaml", "openrc"] { try? FileManager.default.removeItem(atPath: "\(paths.home)/\(file)") }
    }

    // MARK: helpers

    func launch(_ service: HALabService, on node: HALabNode, state: inout HALabState, bootstrap: Bool = false) async throws {
        let launch = commands.launch(service, on: node, bootstrap: bootstrap)
        let pid: Int32
        do {
            pid = try await runner.start(launch.command, namespace: node.namespace, environment: launch.environment, log: launch.log)
        } catch {
            throw LabFailure(step: "\(service.rawValue) on \(node.name)", message: "\(error)", log: launch.log)
        }
        state.record(service.rawValue, node, pid: pid)
        try save(state)
        try await Task.sleep(for: .milliseconds(200))
        if !runner.isAlive(pid) {
            throw LabFailure(step: "\(service.rawValue) on \(node.name)", message: "exited right after starting", log: launch.log,
                             tail: runner.tail(launch.log, lines: 12))
        }
    }

    func save(_ state: HALabState) throws {
        try DirectoryWriter().write([state.file()], to: URL(fileURLWithPath: paths.home))
    }

    func existingNamespaces() async -> Set<String> {
        guard let result = try? await runner.run(["ip", "netns", "list"], namespace: nil, environment: [:], log: "/dev/null") else { return [] }
        return Set(result.output.split(whereSeparator: \.isNewline).compactMap { $0.split(separator: " ").first.map(String.init) })
    }

    func ip(_ arguments: [String]) async throws {
        try await check("network", ["ip"] + arguments)
    }

    func check(_ step: String, _ command: [String], namespace: String? = nil, environment: [String: String] = [:], log: String? = nil) async throws {
        let log = log ?? paths.labLog
        let result = try await runner.run(command, namespace: namespace, environment: environment, log: log)
        guard result.status == 0 else {
            throw LabFailure(step: step, message: "`\(command.prefix(4).joined(separator: " "))…` exited \(result.status)", log: log,
                             tail: Array(result.output.split(separator: "\n").suffix(8).map(String.init)))
        }
    }

    /// Polls `condition`; gives up after `timeout`, or as soon as the process `watching` has exited.
    func waitFor(_ what: String, timeout: Double, log: String, watching pid: Int32? = nil, _ condition: () async -> Bool) async throws {
        let ready = try await Poll.until(timeout: timeout, every: .milliseconds(300)) {
            if await condition() { return true }
            if let pid, !runner.isAlive(pid) {
                throw LabFailure(step: what, message: "the process exited", log: log, tail: runner.tail(log, lines: 12))
            }
            return false
        }
        if ready { return }
        throw LabFailure(step: what, message: "not ready after \(Int(timeout)) s", log: log, tail: runner.tail(log, lines: 12))
    }

    func step(_ name: String, _ body: () throws -> Void) throws {
        do { try body() } catch let error as LabFailure { throw error } catch {
            throw LabFailure(step: name, message: "\(error)")
        }
    }
}

