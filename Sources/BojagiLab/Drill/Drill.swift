import Foundation
import BojagiCore
import BojagiOpenStack
import Logging

/// The failover drill on the HA lab: continuous probes of every API through the VIP while the VIP holder's load balancer,
/// the active Galera node and the RabbitMQ node leading the drill's queue are killed one after the other; each
/// fault is restored (the killed processes restarted) and the clusters must heal before the next one.
public struct Drill: Sendable {
    let lab: HALab
    let http: HTTPClient
    let probeHTTP: @Sendable () -> any HTTPClient
    let loginHTTP: (@Sendable () -> any HTTPClient)?
    let logger: Logger
    /// The API probe's clients and their interval.
    public var probe = APIProber.Settings()
    /// The queue probe's interval (one client holding one connection).
    public var queueInterval = 0.5
    /// A fault window is judged only when every API and the queue got at least this many requests in it; the
    /// watch after a fault goes on (up to `maximumObservation`) until they have.
    public var minimumSamples = 20
    /// How long to watch after a fault at least, and at most.
    public var minimumObservation = 6.0
    public var maximumObservation = 60.0
    /// Seconds of uninterrupted success that count as recovered.
    public var stableSeconds = 3.0
    public var healTimeout = 180.0

    public static let probeQueue = "bojagi.drill.probe"
    public static let keptQueue = "bojagi.drill.kept"
    /// The queue probe's name in its window.
    public static let queueName = "rabbitmq"

    /// `http` serves the drill's own calls; `probeHTTP` makes one client per probe client.
    public init(lab: HALab, http: HTTPClient, probeHTTP: @escaping @Sendable () -> any HTTPClient,
                loginHTTP: (@Sendable () -> any HTTPClient)? = nil, logger: Logger = Logger(label: "bojagi.drill")) {
        self.lab = lab
        self.http = http
        self.probeHTTP = probeHTTP
        self.loginHTTP = loginHTTP
        self.logger = logger
    }

    /// One line of progress.
    func progress(_ line: String) { logger.info("\(line)") }

    struct Fault {
        let name: String
        let target: HALabNode
        let action: String
        let inject: () async throws -> Void
        let restore: () async throws -> Void
        var watchVIP = false
    }

    public func run() async throws -> DrillReport {
        let lock = try LabLock.acquire(home: lab.paths.home, command: "bojagi drill")
        defer { withExtendedLifetime(lock) {} }
        let started = Date()
        let runID = Self.runID(started)
        let secrets = try lab.secrets()
        let status = await lab.status()
        guard status.healthy else {
            throw LabFailure("lab", step: "drill", message: "the HA lab is not healthy; `bojagi drill lab status` says:\n\(status.text)")
        }
        let config = try lab.cloudConfig()
        let admin = try await retry("admin token") { try await OpenStackSession.authenticate(config, http: http) }
        let prober = APIProber(config: config, catalog: admin, settings: probe, makeHTTP: probeHTTP, makeLoginHTTP: loginHTTP)
        guard prober.targets.count > 1 else { throw LabFailure("lab", step: "drill", message: "the lab's catalog has no API to probe") }
        _ = try await queue(["get", Self.keptQueue], secrets: secrets) // leftovers of an interrupted drill

        await prober.start()
        let queueLog = "\(lab.paths.drill)/queue-\(runID).jsonl"
        try FileManager.default.createDirectory(atPath: lab.paths.drill, withIntermediateDirectories: true)
        let queueProbe: Int32
        do {
            queueProbe = try await lab.runner.start(
                lab.commands.rabbitProbe(["loop", Self.probeQueue, "\(queueInterval)", "1800", queueLog], secrets: secrets),
                namespace: nil, environment: [:], log: "\(lab.paths.drill)/queue-probe.log")
        } catch {
            _ = await prober.stop()
            throw error
        }
        var results: [DrillReport.Fault] = []
        var made: [URL] = []
        do {
            try await waitStable(prober, queueLog: queueLog, timeout: 30)
            for make in [loadBalancerFault, databaseFault, queueFault] {
                let fault = try await make(secrets)
                let result = try await perform(fault, runID: runID, admin: admin, secrets: secrets,
                                               prober: prober, queueLog: queueLog, made: &made)
                results.append(result)
            }
        } catch {
            _ = await prober.stop()
            await stopProbe(queueProbe)
            throw error
        }
        _ = await prober.stop()
        await stopProbe(queueProbe)
        for url in made.reversed() { _ = try? await admin.call("DELETE", url) }

        let report = DrillReport(
            runID: runID, keystoneURL: lab.topology.keystoneURL,
            probe: "through the VIP, \(prober.description); 3 s timeout",
            queueClient: "RabbitMQ: pika (lab venv) publishes and consumes a message on quorum queue \(Self.probeQueue) every "
                + "\(queueInterval) s over one held connection, nodes tried in order",
            faults: results, seconds: Date().timeIntervalSince(started),
            apiClients: probe.clients, apiIntervalSeconds: probe.interval.inSeconds, queueIntervalSeconds: queueInterval,
            minimumSamples: minimumSamples)
        let json = try JSON.encode(report)
        try DirectoryWriter().write([RenderedFile(path: "drill/drill-\(runID).json", contents: json),
                                     RenderedFile(path: "drill/latest.json", contents: json)], to: URL(fileURLWithPath: lab.paths.home))
        progress("report saved: \(lab.paths.drill)/drill-\(runID).json")
        return report
    }

    // MARK: the three faults

    func loadBalancerFault(_ secrets: HALabSecrets) async throws -> Fault {
        guard let holder = await lab.vipHolder() else { throw LabFailure("lab", step: "drill", message: "nobody holds the VIP") }
        return Fault(
            name: "load-balancer", target: holder,
            action: "SIGKILL to keepalived's main process on \(holder.name) (the VIP holder; its VRRP child withdraws the VIP as "
                + "the parent dies) and to HAProxy there",
            inject: {
                _ = try lab.kill(.keepalived, on: holder, signal: SIGKILL, group: false)
                _ = try lab.kill(.haproxy, on: holder, signal: SIGKILL)
            },
            restore: {
                try await lab.restart(.haproxy, on: holder)
                try await lab.restart(.keepalived, on: holder)
            },
            watchVIP: true)
    }

    func databaseFault(_ secrets: HALabSecrets) async throws -> Fault {
        // HAProxy sends every database connection to the first node; the others are backups.
        let active = lab.topology.nodes[0]
        return Fault(
            name: "database", target: active,
            action: "kill -9 mariadbd on \(active.name), the Galera node HAProxy sends traffic to",
            inject: { _ = try lab.kill(.mariadb, on: active, signal: SIGKILL) },
            restore: { try await lab.restart(.mariadb, on: active) })
    }

    func queueFault(_ secrets: HALabSecrets) async throws -> Fault {
        var leader: HALabNode?
        for node in lab.topology.nodes where leader == nil { leader = await lab.rabbitmqLeader(of: Self.keptQueue, askingAt: node) }
        let target = leader ?? lab.topology.nodes[0]
        return Fault(
            name: "queue", target: target,
            action: "kill -9 the RabbitMQ node on \(target.name)\(leader == nil ? "" : ", leader of quorum queue \(Self.keptQueue)")",
            inject: { _ = try lab.kill(.rabbitmq, on: target, signal: SIGKILL) },
            restore: { try await lab.restart(.rabbitmq, on: target) })
    }

    // MARK: one fault

    func perform(_ fault: Fault, runID: String, admin: OpenStackSession, secrets: HALabSecrets,
                 prober: APIProber, queueLog: String, made: inout [URL]) async throws -> DrillReport.Fault {
        let marker = "bojagi-drill-\(runID)-\(fault.name)"
        // Written before the fault, read back after it healed: a Keystone project, a Neutron network (when the
        // lab runs Neutron) and a message on a quorum queue.
        let project = try await retry("create project \(marker)") {
            try await create(admin, type: "identity", path: "/projects", kind: "project",
                             body: ["name": marker, "domain_id": "default", "description": "bojagi drill: must survive every fault"])
        }
        made.append(project)
        let network = admin.endpoint("network") == nil ? nil : try await retry("create network \(marker)") {
            try await create(admin, type: "network", path: "/v2.0/networks", kind: "network", body: ["name": marker])
        }
        if let network { made.append(network) }
        _ = try await retry("queue \(marker)") { try await queue(["publish", Self.keptQueue, marker], secrets: secrets) }
        try await waitStable(prober, queueLog: queueLog, timeout: 30)

        progress("\(fault.name): \(fault.action)")
        let before = await lab.vipHolder()
        let injected = Date().timeIntervalSince1970
        try await fault.inject()
        let vip: Task<(Double, HALabNode)?, Never>? = fault.watchVIP ? Task {
            while Date().timeIntervalSince1970 - injected < 30 {
                if let holder = await lab.vipHolder(), holder != before { return (Date().timeIntervalSince1970 - injected, holder) }
                try? await Task.sleep(for: .milliseconds(100))
            }
            return nil
        } : nil

        // Watch until both probes have been fine for a while after their last failure, and every API and the queue
        // have been probed often enough since the fault to judge it.
        while true {
            let now = Date().timeIntervalSince1970
            let elapsed = now - injected
            if elapsed >= maximumObservation { break }
            if elapsed >= minimumObservation {
                let apiSamples = await prober.timeline
                let queued = queueSamples(queueLog)
                if Self.stable(apiSamples, for: stableSeconds, now: now) && Self.stable(queued, for: stableSeconds, now: now)
                    && DrillWindow.measure(apiSamples, from: injected, to: now, minimumSamples: minimumSamples, expected: prober.names).enoughSamples
                    && DrillWindow.measure(queued, from: injected, to: now, minimumSamples: minimumSamples, single: Self.queueName).enoughSamples {
                    break
                }
            }
            try await Task.sleep(for: .milliseconds(200))
        }
        let restoring = Date().timeIntervalSince1970
        let moved = await vip?.value

        progress("\(fault.name): restarting what was killed on \(fault.target.name), waiting for the clusters to heal")
        try await fault.restore()
        let healed = await waitHealed()
        let healSeconds = Date().timeIntervalSince1970 - restoring
        try await Task.sleep(for: .seconds(stableSeconds))
        let restored = Date().timeIntervalSince1970

        let kept = await name(admin, project, kind: "project") == marker
        let networkKept = network == nil ? nil : await name(admin, network!, kind: "network") == marker
        let messages = (try? await retry("read queue") { try await queue(["get", Self.keptQueue], secrets: secrets) })?["messages"] as? [String] ?? []
        let samples = await prober.timeline
        let queueSamples = queueSamples(queueLog)
        let window = samples.filter { $0.time >= injected && $0.time < restoring }
        let apiWindow = DrillWindow.measure(samples, from: injected, to: restoring, minimumSamples: minimumSamples, expected: prober.names)
        let queueWindow = DrillWindow.measure(queueSamples, from: injected, to: restoring, minimumSamples: minimumSamples, single: Self.queueName)
        var notes: [String] = []
        if moved == nil && fault.watchVIP { notes.append("the VIP did not move within 30 s") }
        if !healed { notes.append("not healed after \(Int(healTimeout)) s: \(await lab.status().text)") }
        let result = DrillReport.Fault(
            name: fault.name, target: fault.target.name, action: fault.action,
            api: apiWindow,
            apiRequests: Dictionary(grouping: window) { $0.service ?? "?" }.mapValues(\.count),
            apiFailures: Dictionary(grouping: window.filter { !$0.ok }) { $0.service ?? "?" }.mapValues(\.count),
            queue: queueWindow,
            apiDuringRestore: DrillWindow.measure(samples, from: restoring, to: restored),
            vipMoveSeconds: moved?.0, vipHolderAfter: moved?.1.name,
            projectKept: kept, messageKept: messages.contains(marker), networkKept: networkKept,
            healed: healed, healSeconds: healSeconds,
            galeraClusterSize: await lab.galeraClusterSize(on: lab.topology.nodes[1]),
            rabbitmqRunningNodes: await lab.rabbitmqRunningNodes(on: lab.topology.nodes[1]),
            notes: notes)
        progress("\(fault.name): API \(DrillReport.judged(apiWindow)), queue \(DrillReport.judged(queueWindow)), healed \(healed ? "yes" : "NO"), "
                 + "data \(result.dataKept ? "kept" : "LOST")")
        return result
    }

    /// Every process alive, a VIP holder, Galera of 3 synced on every node, RabbitMQ 3 running nodes on every node.
    func waitHealed() async -> Bool {
        let nodes = lab.topology.nodes
        return (try? await Poll.until(timeout: healTimeout, every: .seconds(1)) {
            var healthy = lab.state()?.processes.allSatisfy { lab.runner.isAlive($0.pid) } ?? false
            if healthy { healthy = await lab.vipHolder() != nil }
            for node in nodes where healthy {
                let size = await lab.galeraClusterSize(on: node)
                let synced = await lab.galeraSynced(node)
                healthy = size == nodes.count && synced
            }
            for node in nodes where healthy { healthy = await lab.rabbitmqRunningNodes(on: node) == nodes.count }
            return healthy
        }) ?? false
    }

    func waitStable(_ prober: APIProber, queueLog: String, timeout: Double) async throws {
        let stable = try await Poll.until(timeout: timeout, every: .milliseconds(200)) {
            let now = Date().timeIntervalSince1970
            return Self.stable(await prober.timeline, for: 2, now: now) && Self.stable(queueSamples(queueLog), for: 2, now: now)
        }
        if stable { return }
        throw LabFailure("lab", step: "drill", message: "the probes did not succeed steadily for 2 s before the fault", log: queueLog,
                         tail: (await prober.timeline).suffix(5).map { "\($0.ok ? "ok" : "failed") \($0.error ?? "")" })
    }
}
