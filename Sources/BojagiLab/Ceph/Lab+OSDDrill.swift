import Foundation
import BojagiCore
import BojagiOpenStack

extension Lab {
    /// The OSD drill's timing: how long the writer runs, when the OSD is killed, how long it stays down.
    public struct OSDDrillOptions: Sendable {
        public var writeSeconds: Double
        public var killAfter: Double
        public var downFor: Double
        /// The fewest requests per API from the kill until the PGs were clean to judge the API figures.
        public var minimumSamples = 20

        public init(writeSeconds: Double = 60, killAfter: Double = 10, downFor: Double = 10) {
            self.writeSeconds = writeSeconds
            self.killAfter = killAfter
            self.downFor = downFor
        }
    }

    /// While the APIs are probed (`APIProber`: 4 clients, each every 250 ms; `probeHTTP` makes each client's HTTP
    /// client) and a writer fills a Cinder volume's
    /// RBD image as client.cinder, SIGKILL one OSD of the volume's tier; after `downFor` seconds start it again;
    /// measure until it is up and every PG active+clean; read every block back. The report goes to
    /// `<home>/drill/osd-<run>.json` and `osd-latest.json`.
    public func osdDrill(home: URL, scripts: URL, options: OSDDrillOptions = OSDDrillOptions(),
                         probeHTTP: @escaping @Sendable () -> any HTTPClient,
                         loginHTTP: (@Sendable () -> any HTTPClient)? = nil) async throws -> OSDDrillReport {
        let lock = try LabLock.acquire(home: home.path, command: "bojagi drill osd")
        defer { withExtendedLifetime(lock) {} }
        guard var state = try LabState.load(from: home), let ceph = state.ceph, let backend = ceph.backends.first else {
            throw LabFailure("lab", step: "drill osd", message: "no lab with Ceph and Cinder in \(home.path)",
                             fix: "bring one up with a blueprint that has storage.ceph, e.g. `bojagi lab up examples/ceph-lab.yaml`")
        }
        let commands = cephCommands(home: home, scripts: scripts)
        let before = try await cephStatus(commands)
        guard before.activeClean, before.osdsUp == before.osds.count else {
            throw LabFailure("lab", step: "drill osd", message: "the lab's Ceph is not healthy before the drill:\n\(before.text)")
        }
        let runID = Drill.runID(Date())
        let drillDirectory = home.appendingPathComponent("drill")
        try FileManager.default.createDirectory(at: drillDirectory, withIntermediateDirectories: true)

        let config = try CloudConfig.load(cloud: "bojagi-lab", environment: ["OS_CLIENT_CONFIG_FILE": home.appendingPathComponent("clouds.yaml").path],
                                          workingDirectory: home.path) { FileManager.default.contents(atPath: $0).map { String(decoding: $0, as: UTF8.self) } }
        let admin = try await OpenStackSession.authenticate(config, http: http)

        // The volume, on the first tier's backend.
        say("==> drill osd \(runID): a 1 GiB volume on \(backend.name) (pool \(backend.pool), class \(backend.deviceClass))")
        guard let volumes = admin.url("volumev3", "/volumes") else { throw LabFailure("lab", step: "drill osd", message: "no volume endpoint in the catalog") }
        let types = try await admin.call("GET", admin.url("volumev3", "/types")!).json as? [String: Any]
        let type = (types?["volume_types"] as? [[String: Any]] ?? []).first {
            ($0["extra_specs"] as? [String: Any])?["volume_backend_name"] as? String == backend.name
        }?["name"] as? String
        var body: [String: Any] = ["name": "bojagi-drill-osd-\(runID)", "size": 1]
        if let type { body["volume_type"] = type }
        let created = try await admin.call("POST", volumes, json: ["volume": body])
        guard let volumeID = ((created.json as? [String: Any])?["volume"] as? [String: Any])?["id"] as? String else {
            throw LabFailure("lab", step: "drill osd", message: "POST /volumes answered without an id")
        }
        let volumeURL = OpenStackSession.join(volumes, volumeID)
        let available = try await Poll.until(timeout: 120, every: .seconds(1)) {
            let volume = (try? await admin.call("GET", volumeURL).json as? [String: Any])?["volume"] as? [String: Any]
            return volume?["status"] as? String == "available"
        }
        guard available else { throw LabFailure("lab", step: "drill osd", message: "volume \(volumeID) did not become available in 120 s") }
        let image = "volume-\(volumeID)"

        // The victim: the first running OSD of the volume's class (with three per class it holds a copy of every PG).
        let victims = existingOSDs(commands).filter { $0.deviceClass == backend.deviceClass }
        guard let victim = victims.first, let process = state.process(named: LabCephCommands.processName("osd.\(victim.id)")),
              runner.isAlive(process.pid) else {
            throw LabFailure("lab", step: "drill osd", message: "no running OSD of class \(backend.deviceClass)")
        }

        // The API probe and the writer.
        let prober = APIProber(config: config, catalog: admin, makeHTTP: probeHTTP, makeLoginHTTP: loginHTTP)
        await prober.start() // on an error below, the prober's clients end with it (they hold it weakly)
        let writerLog = drillDirectory.appendingPathComponent("osd-\(runID)-writer.log").path
        let writer = try await runner.start(["/usr/bin/python3", commands.scripts + "/rbd-probe.py", "--conf", home.appendingPathComponent(LabConfigRenderer.cephClientConf).path,
                                             "--id", "cinder", "--pool", backend.pool, "--image", image,
                                             "--seconds", "\(Int(options.writeSeconds))", "--size-mb", "256"],
                                            environment: [:], log: writerLog)
        say(String(format: "    writing to %@/%@ for %.0f s; SIGKILL to osd.%d (pid %d) in %.0f s", backend.pool, image, options.writeSeconds,
                   victim.id, process.pid, options.killAfter))
        try await Task.sleep(for: .milliseconds(Int(options.killAfter * 1000)))

        let killed = Date()
        runner.signal(process.pid, SIGKILL, group: false)
        var notes: [String] = []
        let markedDown = try await Poll.value(timeout: 60, every: .milliseconds(250)) { () async -> Double? in
            (try? await osdUp(commands, victim.id)) == false ? Date().timeIntervalSince(killed) : nil
        }
        if let markedDown { say(String(format: "    osd.%d marked down after %.1f s", victim.id, markedDown)) } else { notes.append("osd.\(victim.id) was not marked down within 60 s") }
        let wait = options.downFor - Date().timeIntervalSince(killed)
        if wait > 0 { try await Task.sleep(for: .milliseconds(Int(wait * 1000))) }

        // Restart: lab-cluster.sh up starts every daemon that is not running, and waits for HEALTH_OK.
        let restarted = Date()
        say("    restarting osd.\(victim.id) (scripts/ceph/lab-cluster.sh up)")
        let restart = Task { [runner] in
            try await runner.run(commands.up(groups: [], hosts: ceph.hosts, monitorPort: ceph.monitorPort, monitorPortV1: ceph.monitorPortV1),
                                 environment: [:], log: home.appendingPathComponent("logs/ceph-drill-restart.log").path)
        }
        let backUp = try await Poll.value(timeout: 180, every: .milliseconds(250)) { () async -> Double? in
            (try? await osdUp(commands, victim.id)) == true ? Date().timeIntervalSince(killed) : nil
        }
        let clean = try await Poll.value(timeout: 600, every: .seconds(1)) { () async -> Date? in
            (try? await cephStatus(commands))?.activeClean == true ? Date() : nil
        }
        let restartResult = try await restart.value
        if restartResult.status != 0 { notes.append("lab-cluster.sh up exited \(restartResult.status); see logs/ceph-drill-restart.log") }
        try recordCephDaemons(commands, state: &state, home: home)
        if let backUp { say(String(format: "    osd.%d up again %.1f s after the kill", victim.id, backUp)) }
        if let clean { say(String(format: "    every PG active+clean %.1f s after the restart", clean.timeIntervalSince(restarted))) }

        // The writer ends by itself, after reading every block back.
        _ = try await Poll.until(timeout: options.writeSeconds + 300, every: .milliseconds(500)) { !runner.isAlive(writer) }
        let samples = await prober.stop()
        let writes = runner.tail(writerLog, lines: 5).last { $0.hasPrefix("{") }
            .flatMap { try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] }
            .map(OSDDrillReport.Writes.init(json:))
        if writes == nil { notes.append("the writer printed no result; see \(writerLog)") }
        let end = (clean ?? Date()).timeIntervalSince1970
        let window = samples.filter { $0.time >= killed.timeIntervalSince1970 && $0.time < end }
        let after = try? await cephStatus(commands)
        _ = try? await admin.call("DELETE", volumeURL)

        let report = OSDDrillReport(
            runID: runID, osd: "osd.\(victim.id)", deviceClass: victim.deviceClass, volume: volumeID, image: "\(backend.pool)/\(image)",
            action: "SIGKILL to osd.\(victim.id) (\(victim.deviceClass)) \(Int(options.killAfter)) s into the writes; started again after \(Int(options.downFor)) s",
            writes: writes, markedDownSeconds: markedDown, osdDownSeconds: backUp,
            recoverySeconds: clean.map { $0.timeIntervalSince(restarted) }, killToCleanSeconds: clean.map { $0.timeIntervalSince(killed) },
            api: DrillWindow.measure(samples, from: killed.timeIntervalSince1970, to: end, minimumSamples: options.minimumSamples,
                                     expected: prober.names),
            apiRequests: Dictionary(grouping: window) { $0.service ?? "?" }.mapValues(\.count),
            apiFailures: Dictionary(grouping: window.filter { !$0.ok }) { $0.service ?? "?" }.mapValues(\.count),
            healthAfter: after?.health ?? "unknown", notes: notes)
        let json = try LabJSON.encode(report)
        try DirectoryWriter().write([RenderedFile(path: "drill/osd-\(runID).json", contents: json),
                                     RenderedFile(path: "drill/osd-latest.json", contents: json)], to: home)
        say("    report saved: \(drillDirectory.path)/osd-\(runID).json")
        return report
    }

    /// Whether the OSD is up in the OSD map.
    func osdUp(_ commands: LabCephCommands, _ id: Int) async throws -> Bool {
        let dump = try LabCephStatus.json(try await cephOutput(commands, ["osd", "dump", "--format", "json"], seconds: 20), "osd dump")
        let osds = (dump as? [String: Any])?["osds"] as? [[String: Any]] ?? []
        guard let osd = osds.first(where: { LabCephStatus.int($0["osd"]) == id }) else { return false }
        return LabCephStatus.int(osd["up"]) == 1
    }
}
