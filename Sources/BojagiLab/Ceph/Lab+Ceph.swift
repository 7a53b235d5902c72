import Foundation
import BojagiCore
import BojagiOpenStack
import Logging

extension Lab {
    // MARK: Ceph in lab up

    func cephCommands(home: URL, scripts: URL) -> LabCephCommands {
        LabCephCommands(home: home.path, scripts: scripts.deletingLastPathComponent().appendingPathComponent("ceph").path)
    }

    /// Before the cluster starts: Ceph installed, Debian's rados/rbd modules in the venv, the monitor's ports free
    /// unless it runs already.
    func cephPrepare(_ design: LabCephDesign, options: Options, state: LabState, home: URL) async throws {
        let commands = cephCommands(home: home, scripts: options.scripts)
        if !options.skipInstall {
            try await step("install Ceph from Debian (mon, mgr, osd, ceph-common, python3-rados, python3-rbd)") {
                try await run("ceph-install-apt", [commands.scripts + "/install-apt.sh"], home: home)
            }
        }
        try await step("ceph: Debian's rados and rbd modules in the venv (a .pth to just those two)") {
            try await run("ceph-venv-modules", [commands.scripts + "/venv-modules.sh", options.venv.path], home: home,
                          fix: "run scripts/ceph/install-apt.sh; the venv's Python must be 3.11, as Debian's python3-rados is")
        }
        let ports = options.ports
        let monitorRunning = state.process(named: LabCephCommands.processName("mon.a")).map { runner.isAlive($0.pid) } ?? false
        if !monitorRunning {
            for port in [ports.cephMonitor, ports.cephMonitorV1] where probe.isListening(port) {
                throw LabFailure("lab", step: "ceph", message: "port \(port) (the lab's Ceph monitor) is already in use by a process this lab did not start",
                                 fix: "stop that process, or choose other ports with --port-offset N (now \(ports.offset))")
            }
        }
    }

    /// The cluster up with an OSD group per device class, the rendered deployment in `<home>/deployment`, and its
    /// ceph/pools.sh run whole against the cluster (rules, pools, the autoscaler fix, client caps and keys), until
    /// every placement group is active+clean. Changes nothing the lab's state records, so it runs beside the
    /// database and Keystone steps (`up`); `cephRecord` records the daemons afterwards, whatever happened.
    func cephBringUp(_ design: LabCephDesign, options: Options, home: URL) async throws {
        let commands = cephCommands(home: home, scripts: options.scripts)
        let ports = options.ports
        let groups = design.osdGroups
        try await noted("ceph: monitor, manager and OSDs (\(groups.map { "\($0.count) \($0.deviceClass)" }.joined(separator: ", "))) in \(commands.data)") {
            try await run("ceph-cluster", commands.up(groups: groups, hosts: design.hostBuckets, monitorPort: ports.cephMonitor,
                                                      monitorPortV1: ports.cephMonitorV1), home: home,
                          fix: "see \(commands.data)/log; `bojagi lab down --home \(home.path)` stops what started")
            return "HEALTH_OK"
        }
        let deployment = home.appendingPathComponent(LabCephDesign.deploymentDirectory)
        try await noted("ceph: the blueprint's pools, CRUSH rules and client keys (\(LabCephDesign.deploymentDirectory)/\(LabCephDesign.poolsScript), as `bojagi render` writes it)") {
            _ = try DirectoryWriter().write(design.deployment, to: deployment)
            let pools = commands.pools(script: deployment.appendingPathComponent(LabCephDesign.poolsScript).path)
            let begun = Date()
            try await run("ceph-pools", pools.command, environment: pools.environment, home: home)
            let ran = Date().timeIntervalSince(begun)
            // One `ceph status` a second: a `ceph` command costs about a second of CPU here.
            let ready = try await Poll.until(timeout: 300, every: .seconds(1)) { await cephQueries(commands).activeClean() }
            guard ready else {
                throw LabFailure("lab", step: "ceph pools", message: "the placement groups are not all active+clean after 300 s",
                                 fix: "see `bojagi lab status --home \(home.path)` and \(commands.data)/log/ceph.log")
            }
            let status = try await cephStatus(commands)
            return String(format: "pools.sh %.1f s; %d pools, %d PGs active+clean", ran, status.pools.count, status.placementGroups)
        }
    }

    /// The cluster's layout and daemons into the lab's state (those lab-cluster.sh started, also after a failure, so
    /// that `lab down` stops them).
    func cephRecord(_ design: LabCephDesign, options: Options, state: inout LabState, home: URL) throws {
        let ports = options.ports
        state.ceph = LabState.Ceph(classes: design.osdGroups.map(\.deviceClass), hosts: design.hostBuckets,
                                   monitorPort: ports.cephMonitor, monitorPortV1: ports.cephMonitorV1,
                                   backends: design.backends, design: design.ceph,
                                   poolTiers: design.poolTiers)
        let daemons = try recordCephDaemons(cephCommands(home: home, scripts: options.scripts), state: &state, home: home)
        say("    ceph: \(daemons.count) daemons recorded")
    }

    /// Reads the PID files lab-cluster.sh keeps (ceph/run/<daemon>.pid) into the lab's state, so `lab down` stops
    /// every daemon by PID like the lab's other processes.
    @discardableResult
    func recordCephDaemons(_ commands: LabCephCommands, state: inout LabState, home: URL) throws -> [String] {
        let run = commands.data + "/run"
        let files = (try? FileManager.default.contentsOfDirectory(atPath: run)) ?? []
        var recorded: [String] = []
        for file in files.sorted() where file.hasSuffix(".pid") && !file.hasSuffix(".ceph-pid") {
            let daemon = String(file.dropLast(4))
            guard let text = try? String(contentsOfFile: run + "/" + file, encoding: .utf8),
                  let pid = Int32(text.trimmingCharacters(in: .whitespacesAndNewlines)), runner.isAlive(pid) else { continue }
            state.record(LabState.Process(name: LabCephCommands.processName(daemon), pid: pid, command: commands.daemonCommand(daemon),
                                          log: commands.data + "/log/\(daemon).log", health: nil, port: nil))
            recorded.append(daemon)
        }
        try DirectoryWriter().write([try state.file()], to: home)
        return recorded
    }

    // MARK: queries (LabCephQueries, shared with the HA lab)

    func cephQueries(_ commands: LabCephCommands) -> LabCephQueries { LabCephQueries(commands: commands, runner: runner) }

    func cephOutput(_ commands: LabCephCommands, _ arguments: [String], seconds: Int = 60) async throws -> String {
        try await cephQueries(commands).output(arguments, seconds: seconds)
    }

    /// With `capacityOf`, also the plan's capacity for the lab's layout, from the same `ceph df`.
    func cephStatus(_ commands: LabCephCommands, capacityOf ceph: LabState.Ceph? = nil) async throws -> LabCephStatus {
        try await cephQueries(commands).status(design: ceph?.design, poolTiers: ceph?.poolTiers)
    }

    /// The lab's Ceph for `lab status`: nil when the lab has none; a failure when its monitor does not answer.
    public func cephStatus(home: URL, scripts: URL) async throws -> LabCephStatus? {
        guard let state = try LabState.load(from: home), state.ceph != nil else { return nil }
        let commands = cephCommands(home: home, scripts: scripts)
        guard let ceph = state.ceph, state.process(named: LabCephCommands.processName("mon.a")).map({ runner.isAlive($0.pid) }) ?? false else {
            throw LabFailure("lab", step: "ceph status", message: "the lab's Ceph monitor is not running", fix: "bojagi lab up")
        }
        return try await cephStatus(commands, capacityOf: ceph)
    }

    func autoscaled(_ commands: LabCephCommands) async throws -> (listed: Int, pools: Int) { try await cephQueries(commands).autoscaled() }

    func existingOSDs(_ commands: LabCephCommands) -> [(id: Int, deviceClass: String)] { cephQueries(commands).existingOSDs() }
}
