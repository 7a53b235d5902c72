import Foundation
import BojagiCore
import BojagiOpenStack
import Logging

/// `bojagi lab add-host`: a compute node joins the running HA lab; nothing else restarts.
extension HALab {
    /// What the command line decided before the lab changes: the node's name, the blueprint host it stands for
    /// and the changed blueprint (already planned and validated), what kolla-ansible would run.
    public struct ScaleChange: Sendable {
        public var name: String?
        public var blueprintHost: String?
        public var blueprint: String?
        public var engineSteps: [String] = []
        /// add-host: keep the server that proved the host (and its image). remove-host: delete the servers there.
        public var keepServer = false
        public var deleteServers = false

        public init(name: String? = nil) { self.name = name }
    }

    /// The lab's state, when it is up with Nova; add-host and the command line ask before anything changes.
    @discardableResult
    public func runningWithCompute() throws -> HALabState {
        guard let state = HALabState.load(paths.state), !state.processes.isEmpty else {
            throw LabFailure("lab", step: "add-host", message: "the HA lab in \(paths.home) is not up", fix: "bojagi lab up --ha FILE --home \(paths.home)")
        }
        guard state.components.contains(.nova) else {
            throw LabFailure("lab", step: "add-host", message: "the HA lab runs no Nova (it came up without a blueprint, Keystone only)",
                             fix: "bring it up with a blueprint whose package has compute: bojagi lab up --ha FILE")
        }
        return state
    }

    /// The node add-host would make, or why it cannot: the command line names it in the blueprint before anything runs.
    public func plannedCompute(named name: String?) throws -> HALabNode {
        try HALabScaleRules.newCompute(named: name, topology: topology)
    }

    /// Starts nova-compute (and cinder-volume where the lab runs Cinder) in a new namespace on the lab's bridge,
    /// maps it into cell1 with `nova-manage cell_v2 discover_hosts`, waits for its resource provider and its
    /// enabled, up service, and boots a server on it through the scheduler. Every other process's pid is compared
    /// before and after; the API is probed throughout.
    public func addHost(_ change: ScaleChange) async throws -> ScaleReport {
        let started = ContinuousClock.now
        let runID = Self.runID()
        let lock = try LabLock.acquire(home: paths.home, command: "bojagi lab add-host")
        defer { withExtendedLifetime(lock) {} }
        var state = try runningWithCompute()
        let node = try plannedCompute(named: change.name)
        let before = state.processes
        let scaled = HALab(home: paths.home, venv: commands.venv, release: release, runner: runner, secretSource: secretSource,
                           topology: topology.with(compute: node), logger: logger)
        let secrets = try scaled.openstackSecrets(try loadOrCreateSecrets(), components: state.components)
        let first = topology.nodes[0]
        let admin = ComputeAdmin(session: try await LabReadiness.session(cloudsFile: paths.clouds, cloud: HALabClientFiles.cloudName))
        var steps: [ScaleReport.Step] = []
        var servers: [ScaleReport.Server] = []

        let probe: ScaleReport.Probe
        do {
            (_, probe) = try await ScaleProbe(config: try cloudConfig()).during {
                try await timed("render", into: &steps) {
                    let prefix = paths.relative(paths.openstack(node)) + "/"
                    let files = try scaled.openstackFiles(components: state.components, secrets: secrets).filter { $0.path.hasPrefix(prefix) }
                    try DirectoryWriter().write(files, to: URL(fileURLWithPath: paths.home))
                    try scaled.makeDirectories(node, components: state.components)
                    return "\(files.count) files under openstack/\(node.name); no other node's files change"
                }
                state.computes = state.computes ?? HALabState.ScaledComputes()
                state.computes?.removed.removeAll { $0 == node.name }
                state.computes?.added.append(.init(node: node, blueprintHost: change.blueprintHost))
                try save(state)
                try await timed("network", into: &steps) {
                    try await scaled.attach(node, state: &state)
                    return "namespace \(node.namespace), \(node.address) on \(topology.bridge)"
                }
                try await timed("start", into: &steps) {
                    let specs = scaled.openstackProcesses(on: node, components: state.components, secrets: secrets)
                    for spec in specs { try await scaled.launch(spec, on: node, state: &state) }
                    return specs.map { "\($0.name) (pid \(state.pid($0.name, node) ?? 0))" }.joined(separator: ", ")
                }
                let computeLog = paths.log("nova-compute", node)
                // The service and its resource provider first (cheap API reads), then one discovery maps the host:
                // discover_hosts before nova-compute has made its compute node maps nothing and costs a Python start.
                try await timed("compute service", into: &steps) {
                    try await LabReadiness.waitForComputeService(cloudsFile: paths.clouds, cloud: HALabClientFiles.cloudName, host: node.name,
                                                                computeLog: computeLog)
                    guard let service = try await admin.computeServices().first(where: { $0.host == node.name }), service.enabled else {
                        throw LabFailure("lab", step: "compute service", message: "nova-compute on \(node.name) is not enabled")
                    }
                    return "nova-compute on \(node.name) up and enabled"
                }
                try await timed("placement", into: &steps) {
                    var provider: (uuid: String, vcpus: Int?)?
                    let found = try await Poll.until(timeout: 120, every: .seconds(2)) {
                        provider = try? await admin.resourceProvider(node.name)
                        return provider?.vcpus != nil
                    }
                    guard found, let provider else {
                        throw LabFailure("lab", step: "placement", message: "no resource provider with inventory for \(node.name) within 120 s",
                                         log: computeLog, tail: runner.tail(computeLog, lines: 12))
                    }
                    return "resource provider \(provider.uuid.prefix(8)) with \(provider.vcpus ?? 0) VCPU"
                }
                try await timed("discover", into: &steps) {
                    try await LabReadiness.waitForComputeMapped(runner: runner, settings: openstackSettings(first, components: state.components, secrets: secrets),
                                                                host: node.name, log: "\(paths.home)/log/openstack.log", computeLog: computeLog)
                    return "nova-manage cell_v2 discover_hosts mapped \(node.name) into cell1"
                }
                if state.components.contains(.cinder) {
                    try await timed("volume service", into: &steps) {
                        let log = paths.log("cinder-volume", node)
                        try await LabReadiness.waitForAnswer(cloudsFile: paths.clouds, cloud: HALabClientFiles.cloudName, type: "volumev3",
                                                             path: "/scheduler-stats/get_pools", step: "volume service",
                                                             failure: "cinder-volume on \(node.name) did not report its pool", log: log, timeout: 180) { answer in
                            (answer["pools"] as? [[String: Any]] ?? []).contains { ($0["name"] as? String ?? "").hasPrefix(node.name + "@") }
                        }
                        return "cinder-volume on \(node.name) reported its pool"
                    }
                }
                try await timed("boot", into: &steps) {
                    let clock = ContinuousClock.now
                    let name = "bojagi-scale-\(node.name)-\(runID)"
                    let (server, image) = try await admin.boot(on: node.name, name: name)
                    servers.append(.init(id: server, name: name, from: node.name, to: node.name, action: change.keepServer ? "booted (kept)" : "booted",
                                         seconds: (ContinuousClock.now - clock).inSeconds))
                    if !change.keepServer {
                        try await admin.deleteServer(server)
                        try await admin.waitServer(server, "delete the proving server") { $0 == nil }
                        try await admin.deleteImage(image)
                    }
                    return "server \(server.prefix(8)) ACTIVE on \(node.name) (host \(node.name) asked of the scheduler)"
                        + (change.keepServer ? "; kept" : "; deleted")
                }
            }
        } catch let failure as LabFailure {
            // What was started is in the state: remove-host takes the half-added node out again.
            throw LabFailure(failure.scope, step: failure.step, message: failure.message, log: failure.log, tail: failure.tail,
                             fix: failure.fix ?? "bojagi lab remove-host --name \(node.name) --home \(paths.home) takes the half-added node out")
        }
        return try finish(.addHost, runID: runID, node: node, change: change, steps: steps, servers: servers, probe: probe, before: before,
                          started: started)
    }

    // MARK: shared with remove-host

    /// `20261130-121500` (UTC), as the drill names its runs.
    static func runID() -> String { Drill.runID(Date()) }

    /// Of the processes outside `node`, how many were compared and which ones changed pid or went away.
    static func restarted(before: [HALabState.Process], after: [HALabState.Process], ignoring node: String) -> (Int, [String]) {
        let others = before.filter { $0.node != node }
        let now = Dictionary(after.map { ("\($0.node)/\($0.service)", $0.pid) }, uniquingKeysWith: { _, last in last })
        let changed = others.filter { now["\($0.node)/\($0.service)"] != $0.pid }.map { "\($0.node)/\($0.service)" }
        return (others.count, changed.sorted())
    }

    /// Runs a step, timing it, and records its detail.
    func timed(_ name: String, into steps: inout [ScaleReport.Step], _ body: () async throws -> String) async throws {
        let clock = ContinuousClock.now
        progress("\(name)…")
        let detail = try await body()
        steps.append(.init(name: name, seconds: (ContinuousClock.now - clock).inSeconds, detail: detail))
        progress(String(format: "%@: %@ (%.1f s)", name, detail, steps.last!.seconds))
    }

    /// The report of a scale change: every process outside `node` compared with `before`, saved beside the drill's.
    func finish(_ operation: ScaleReport.Operation, runID: String, node: HALabNode, change: ScaleChange, steps: [ScaleReport.Step],
                servers: [ScaleReport.Server], probe: ScaleReport.Probe, before: [HALabState.Process], started: ContinuousClock.Instant) throws -> ScaleReport {
        let after = HALabState.load(paths.state)?.processes ?? []
        let (compared, restarted) = Self.restarted(before: before, after: after, ignoring: node.name)
        let report = ScaleReport(operation: operation, runID: runID, host: node.name, blueprintHost: change.blueprintHost, blueprint: change.blueprint,
                                 engineSteps: change.engineSteps, steps: steps, servers: servers, probe: probe, otherProcesses: compared,
                                 restarted: restarted, seconds: (ContinuousClock.now - started).inSeconds)
        try saveReport(report)
        return report
    }

    func saveReport(_ report: ScaleReport) throws {
        let json = try JSON.encode(report)
        try DirectoryWriter().write([RenderedFile(path: report.fileName, contents: json), RenderedFile(path: report.latestName, contents: json)],
                                    to: URL(fileURLWithPath: paths.home))
        progress("report saved: \(paths.home)/\(report.fileName)")
    }

    /// A node's run, data, log and state_path directories (what `up` makes for every node).
    func makeDirectories(_ node: HALabNode, components: [LabComponent]) throws {
        for directory in [paths.run(node), paths.data(node), "\(paths.home)/log/\(node.name)"] {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        }
        for component in components {
            for directory in ["run/lock/\(component.rawValue)", "data/\(component.rawValue)"] {
                try FileManager.default.createDirectory(atPath: "\(paths.openstack(node))/\(directory)", withIntermediateDirectories: true)
            }
        }
    }
}

extension HALabTopology {
    /// This topology with one more compute node.
    func with(compute node: HALabNode) -> HALabTopology {
        var copy = self
        copy.computes = (computes.filter { $0.name != node.name } + [node]).sorted()
        return copy
    }
}
