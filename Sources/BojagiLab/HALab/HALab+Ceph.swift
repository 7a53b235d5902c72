import Foundation
import BojagiCore
import BojagiOpenStack

/// The blueprint's Ceph as the HA lab runs it: the single-node lab's design (`LabCephDesign`: OSD groups per device
/// class, the files `bojagi render` writes) placed like the blueprint's hosts — a monitor and a manager in each
/// controller namespace (three monitors: a quorum survives one lost), the OSDs in storage namespaces bjsto1…, one
/// CRUSH host bucket each. Only the daemons' start differs from cephadm, which needs containers.
public struct HALabCeph: Sendable {
    public let design: LabCephDesign
    /// scripts/ceph: lab-cluster.sh, install-apt.sh, venv-modules.sh.
    public let scripts: String

    public init(design: LabCephDesign, scripts: String) {
        self.design = design
        self.scripts = scripts
    }
}

extension HALab {
    // MARK: Ceph

    /// The cluster's command lines; `scripts` only matters to `up`.
    func cephCommands(scripts: String = "") -> LabCephCommands { LabCephCommands(home: paths.home, scripts: scripts) }

    /// The storage namespaces the OSDs of `ceph` need: one per host bucket, and every one `lab add-osd --ha` added
    /// (`kept`: the storage nodes of the lab's state, kept by `down` without --wipe).
    func storageNodes(_ ceph: HALabCeph, kept: Int? = nil) -> [HALabNode] {
        topology.storage(count: max(ceph.design.hostBuckets, kept ?? 0))
    }

    /// Cinder's and Glance's view of the cluster: every controller's monitor in mon_host.
    public func cephSettings(_ ceph: HALabCeph) -> LabCephSettings {
        ceph.design.settings(monitors: topology.nodes.map(\.address))
    }

    /// `lab-cluster.sh up` with a monitor and manager per controller and the OSDs on the storage nodes.
    public func cephUpCommand(_ ceph: HALabCeph, storage: [HALabNode]? = nil) -> [String] {
        cephCommands(scripts: ceph.scripts).up(groups: ceph.design.osdGroups, monitors: topology.nodes.map(Self.placement),
                                               hosts: (storage ?? storageNodes(ceph)).map(Self.placement))
    }

    static func placement(_ node: HALabNode) -> LabCephCommands.Placement {
        LabCephCommands.Placement(name: node.name, namespace: node.namespace, address: node.address)
    }

    var cephLog: String { "\(paths.home)/log/ceph-cluster.log" }

    /// Debian's Ceph and the rados/rbd modules in the venv, then the cluster's start in the background: it runs while
    /// Galera, RabbitMQ and Keystone come up (the namespaces exist already), and `cephFinish` waits for it.
    func cephStart(_ ceph: HALabCeph, storage: [HALabNode]) async throws -> Task<CommandResult, any Error> {
        progress("ceph: installing from Debian if missing; rados and rbd in the venv")
        try await check("ceph install", [ceph.scripts + "/install-apt.sh"], log: cephLog)
        try await check("ceph venv modules", [ceph.scripts + "/venv-modules.sh", commands.venv], log: cephLog)
        let groups = ceph.design.osdGroups.map { "\($0.count) \($0.deviceClass)" }.joined(separator: ", ")
        progress("ceph: a monitor and a manager on \(topology.nodes.map(\.name).joined(separator: ", ")), OSDs (\(groups)) on "
                 + "\(storage.map(\.name).joined(separator: ", ")), started beside the clusters")
        let command = cephUpCommand(ceph, storage: storage)
        let log = cephLog
        return Task { [runner] in try await runner.run(command, namespace: nil, environment: [:], log: log) }
    }

    /// Waits for the cluster, writes what `bojagi render` writes for the blueprint to `<home>/deployment` and runs
    /// its ceph/pools.sh whole from the host (which reaches the monitors over the bridge), then waits for every
    /// placement group to be active+clean. Changes nothing the lab's state records, so it runs beside the OpenStack
    /// schemas (`up`); `cephRecord` records the daemons afterwards, whatever happened.
    func cephFinish(_ ceph: HALabCeph, started: Task<CommandResult, any Error>) async throws {
        let result = try await started.value
        let commands = cephCommands(scripts: ceph.scripts)
        guard result.status == 0 else {
            throw LabFailure("lab", step: "ceph cluster", message: "lab-cluster.sh exited \(result.status)", log: cephLog,
                             tail: Array(result.output.split(separator: "\n").suffix(8).map(String.init)),
                             fix: "see \(commands.data)/log; `bojagi drill lab down` stops what started")
        }
        let begun = ContinuousClock.now
        progress("ceph: daemons up; the blueprint's pools, CRUSH rules and client keys (\(LabCephDesign.deploymentDirectory)/\(LabCephDesign.poolsScript))")
        let deployment = URL(fileURLWithPath: paths.home).appendingPathComponent(LabCephDesign.deploymentDirectory)
        try step("ceph deployment") { _ = try DirectoryWriter().write(ceph.design.deployment, to: deployment) }
        let pools = commands.pools(script: deployment.appendingPathComponent(LabCephDesign.poolsScript).path)
        try await check("ceph pools", pools.command, environment: pools.environment, log: cephLog)
        let poolsDone = ContinuousClock.now
        // One `ceph status` a second: a `ceph` command costs about a second of CPU here.
        let clean = try await Poll.until(timeout: 300, every: .seconds(1)) {
            await LabCephQueries(commands: commands, runner: runner).activeClean()
        }
        guard clean else {
            throw LabFailure("lab", step: "ceph pools", message: "the placement groups are not all active+clean after 300 s",
                             fix: "see `bojagi drill lab status` and \(commands.data)/log/ceph.log")
        }
        progress(String(format: "ceph: pools.sh in %.1f s, every PG active+clean %.1f s later", (poolsDone - begun).inSeconds,
                        (ContinuousClock.now - poolsDone).inSeconds))
    }

    /// The cluster's daemons into the state by PID (those lab-cluster.sh started, also after a failure, so that
    /// `down` stops them).
    func cephRecord(_ ceph: HALabCeph, storage: [HALabNode], state: inout HALabState) throws {
        state.ceph = HALabState.Ceph(storage: storage.map(\.name), classes: ceph.design.osdGroups.map(\.deviceClass), design: ceph.design.ceph,
                                     poolTiers: ceph.design.poolTiers)
        recordCephDaemons(cephCommands(scripts: ceph.scripts), state: &state)
        try save(state)
    }

    /// Reads lab-cluster.sh's PID files into the state: a monitor or manager on its controller, an OSD on the storage
    /// node of its host bucket.
    func recordCephDaemons(_ commands: LabCephCommands, state: inout HALabState) {
        let run = commands.data + "/run"
        let files = (try? FileManager.default.contentsOfDirectory(atPath: run)) ?? []
        for file in files.sorted() where file.hasSuffix(".pid") && !file.hasSuffix(".ceph-pid") {
            let daemon = String(file.dropLast(4))
            guard let text = try? String(contentsOfFile: "\(run)/\(file)", encoding: .utf8),
                  let pid = Int32(text.trimmingCharacters(in: .whitespacesAndNewlines)), runner.isAlive(pid) else { continue }
            let id = String(daemon.drop { $0 != "." }.dropFirst())
            let host = daemon.hasPrefix("osd.")
                ? (try? String(contentsOfFile: "\(commands.data)/osd/\(id)/lab-host", encoding: .utf8))?.trimmingCharacters(in: .whitespacesAndNewlines)
                : id
            guard let host else { continue }
            let service = LabCephCommands.processName(daemon)
            state.processes.removeAll { $0.service == service }
            state.processes.append(HALabState.Process(service: service, node: host, pid: pid))
        }
    }

    /// The cluster as `drill lab status` shows it; nil when the monitors do not answer.
    public func cephStatus() async -> LabCephStatus? {
        let commands = cephCommands()
        func output(_ arguments: [String]) async -> String? {
            guard let result = try? await runner.run(commands.ceph(arguments + ["--format", "json"], seconds: 30), namespace: nil,
                                                     environment: [:], log: "/dev/null"), result.status == 0 else { return nil }
            return result.output
        }
        async let status = output(["status"])
        async let tree = output(["osd", "tree"])
        async let df = output(["df"])
        guard let status = await status, let tree = await tree, let df = await df else { return nil }
        return try? LabCephStatus.parse(status: status, tree: tree, df: df)
    }

    /// Stops the Ceph daemons by PID: OSDs while the monitors still take their "mark me down", then the managers, then
    /// the monitors.
    func stopCeph(_ processes: [HALabState.Process]) async {
        for kind in ["osd.", "mgr.", "mon."] {
            let members = processes.filter { $0.service.hasPrefix(LabCephCommands.processName(kind)) }
            guard !members.isEmpty else { continue }
            progress("stopping ceph-\(kind.dropLast())")
            await withTaskGroup(of: Void.self) { group in
                for member in members { group.addTask { await runner.terminate(member.pid, grace: 20) } }
            }
        }
    }
}

extension HALabState.Process {
    var isCeph: Bool { service.hasPrefix(LabCephCommands.processName("")) }
}
