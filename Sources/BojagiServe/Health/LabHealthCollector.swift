import Foundation
import BojagiLab
import BojagiOpenStack

/// The single-node lab (`bojagi lab up`): every process it started, MariaDB, RabbitMQ, memcached, the lab's Ceph
/// when it has one, and every API with Nova's and Cinder's services. Reads `<home>/state.json` each time, so a
/// lab brought up again after the server started is seen.
public struct LabHealthCollector: HealthCollector {
    public let home: URL
    let runner: any ProcessRunner
    let http: any HTTPClient

    public init(home: URL, runner: any ProcessRunner, http: any HTTPClient) {
        self.home = home
        self.runner = runner
        self.http = http
    }

    public var target: String { "lab \(home.path)" }
    public var logDirectory: URL { home.appendingPathComponent("logs") }
    static let cloudName = "bojagi-lab"

    public func collect() async -> [ComponentHealth] {
        guard let state = try? LabState.load(from: home) else {
            return [ComponentHealth(kind: "lab", name: home.lastPathComponent, state: .down,
                                    detail: "no \(home.path)/state.json: is the lab up? (`bojagi lab up`)")]
        }
        let ports = LabPorts(offset: state.portOffset)
        var components = state.processes.map { process in
            InfrastructureProbes.process(name: process.name, pid: process.pid, alive: runner.isAlive(process.pid), log: relativeLog(process.log))
        }
        // The probes run side by side: rabbitmqctl alone takes a second or two to start.
        async let database = Self.ifRunning(state.process(named: "mariadb")) { await mariadb(port: ports.mariadb, log: relativeLog($0.log)) }
        async let queue = Self.ifRunning(state.process(named: "rabbitmq")) { await rabbitmq(ports: ports, log: relativeLog($0.log)) }
        async let cache = Self.ifRunning(state.process(named: "memcached")) {
            await InfrastructureProbes.memcached(name: "memcached", host: "127.0.0.1", port: ports.memcached, log: relativeLog($0.log))
        }
        async let storage = Self.ifRunning(state.ceph) { _ in await ceph() }
        async let apis = cloudProbes()
        components += [await database, await queue, await cache, await storage].compactMap { $0 }
        components += await apis
        return components
    }

    func cloudProbes() async -> [ComponentHealth] {
        guard let config = try? CloudConfig.load(cloud: Self.cloudName, environment: ["OS_CLIENT_CONFIG_FILE": home.appendingPathComponent("clouds.yaml").path],
                                                 workingDirectory: home.path, read: { FileManager.default.contents(atPath: $0).map { String(decoding: $0, as: UTF8.self) } }) else {
            return [ComponentHealth(kind: "api", name: "identity", state: .down, detail: "no cloud \(Self.cloudName) in \(home.path)/clouds.yaml")]
        }
        return await CloudProbes(config: config, http: http).collect()
    }

    func relativeLog(_ path: String) -> String? {
        let directory = logDirectory.path + "/"
        return path.hasPrefix(directory) ? String(path.dropFirst(directory.count)) : nil
    }

    /// As the keystone database user over TCP, the password from secrets.json in the environment (never an argument).
    func mariadb(port: Int, log: String?) async -> ComponentHealth {
        guard let secrets = try? LabSecrets.load(from: home), let password = secrets.database["keystone"] else {
            return ComponentHealth(kind: "mariadb", name: "mariadb", state: .down, detail: "no keystone password in secrets.json", log: log)
        }
        let start = ContinuousClock.now
        let result = try? await runner.run(["mariadb", "--no-defaults", "-h", "127.0.0.1", "-P", "\(port)", "-u", "keystone",
                                            "--connect-timeout=3", "-N", "-B", "-e", "SHOW STATUS LIKE 'wsrep_%'"],
                                           namespace: nil, environment: ["MYSQL_PWD": password], log: "/dev/null")
        guard let result, result.status == 0 else {
            return ComponentHealth(kind: "mariadb", name: "mariadb", state: .down,
                                   detail: "does not answer on 127.0.0.1:\(port): \(Self.firstLine(result?.output))", log: log)
        }
        return InfrastructureProbes.galera(name: "mariadb", rows: result.output, expectedSize: nil,
                                           milliseconds: InfrastructureProbes.milliseconds(since: start), log: log)
    }

    /// The lab's RabbitMQ node (`bojagi<offset>@localhost`, as `lab up` names it), asked with rabbitmqctl.
    func rabbitmq(ports: LabPorts, log: String?) async -> ComponentHealth {
        let node = "bojagi\(ports.offset)@localhost"
        let environment = ["HOME": home.appendingPathComponent("data/rabbitmq").path, "ERL_EPMD_PORT": "\(ports.epmd)", "RABBITMQ_NODENAME": node]
        let start = ContinuousClock.now
        let result = try? await runner.run(["timeout", "20", RabbitMQConfig.ctl, "-q", "-n", node, "cluster_status", "--formatter", "json"],
                                           namespace: nil, environment: environment, log: "/dev/null")
        guard let result, result.status == 0, let running = Self.runningNodes(result.output) else {
            return ComponentHealth(kind: "rabbitmq", name: node, state: .down, detail: "rabbitmqctl: \(Self.firstLine(result?.output))", log: log)
        }
        return ComponentHealth(kind: "rabbitmq", name: node, state: running.isEmpty ? .down : .up,
                               detail: "running nodes: \(running.joined(separator: ", "))",
                               milliseconds: InfrastructureProbes.milliseconds(since: start), log: log)
    }

    func ceph() async -> ComponentHealth {
        let commands = LabCephCommands(home: home.path, scripts: "")
        let start = ContinuousClock.now
        let result = try? await runner.run(commands.ceph(["status", "--format", "json"], seconds: 20), namespace: nil, environment: [:], log: "/dev/null")
        return CephProbe.status(result?.status == 0 ? result?.output : nil, error: Self.firstLine(result?.output),
                                milliseconds: InfrastructureProbes.milliseconds(since: start))
    }

    /// The probe's reading when the lab runs the component at all.
    static func ifRunning<T: Sendable>(_ value: T?, _ probe: @Sendable (T) async -> ComponentHealth) async -> ComponentHealth? {
        guard let value else { return nil }
        return await probe(value)
    }

    static func runningNodes(_ json: String) -> [String]? {
        guard let start = json.firstIndex(of: "{"),
              let object = try? JSONSerialization.jsonObject(with: Data(json[start...].utf8)) as? [String: Any] else { return nil }
        return object["running_nodes"] as? [String]
    }

    static func firstLine(_ text: String?) -> String {
        text?.split(whereSeparator: \.isNewline).first.map(String.init) ?? "no answer"
    }
}

/// `ceph status --format json`: HEALTH_OK is up, HEALTH_WARN degraded, anything else (or no answer) down.
enum CephProbe {
    static func status(_ json: String?, error: String, milliseconds: Int) -> ComponentHealth {
        guard let json, let start = json.firstIndex(of: "{"),
              let object = try? JSONSerialization.jsonObject(with: Data(json[start...].utf8)) as? [String: Any],
              let health = (object["health"] as? [String: Any])?["status"] as? String else {
            return ComponentHealth(kind: "ceph", name: "cluster", state: .down, detail: "ceph status: \(error)")
        }
        let checks = ((object["health"] as? [String: Any])?["checks"] as? [String: Any])?.keys.sorted() ?? []
        let osdmap = object["osdmap"] as? [String: Any]
        let osds = "\(osdmap?["num_up_osds"] ?? "?")/\(osdmap?["num_osds"] ?? "?") OSDs up"
        return ComponentHealth(kind: "ceph", name: "cluster", state: health == "HEALTH_OK" ? .up : health == "HEALTH_WARN" ? .degraded : .down,
                               detail: ([health, osds] + checks).joined(separator: ", "), milliseconds: milliseconds)
    }
}
