import Foundation
import BojagiLab
import BojagiOpenStack

/// The HA lab (`bojagi lab up --ha`): every process on every node, each Galera node's own view of the cluster,
/// RabbitMQ's running nodes and queue leaders, each node's HAProxy backends from its stats socket, memcached on
/// each node, who holds the VIP, and every API through the VIP with Nova's and Cinder's services.
public struct HALabHealthCollector: HealthCollector {
    public let lab: HALab
    let runner: any ProcessRunner
    let http: any HTTPClient

    public init(lab: HALab, runner: any ProcessRunner, http: any HTTPClient) {
        self.lab = lab
        self.runner = runner
        self.http = http
    }

    public var target: String { "HA lab \(lab.paths.home)" }
    public var logDirectory: URL { URL(fileURLWithPath: lab.paths.home).appendingPathComponent("log") }

    public func collect() async -> [ComponentHealth] {
        guard let state = lab.state(), !state.processes.isEmpty else {
            return [ComponentHealth(kind: "lab", name: "ha-lab", state: .down, detail: "no processes in \(lab.paths.state): is the HA lab up? (`bojagi lab up --ha`)")]
        }
        let topology = lab.topology
        var components = state.processes.sorted { ($0.node, $0.service) < ($1.node, $1.service) }.map { process in
            InfrastructureProbes.process(name: "\(process.node)/\(process.service)", pid: process.pid, alive: runner.isAlive(process.pid),
                                         log: log(process.service, node: process.node))
        }
        // Each node's probes run beside the others': rabbitmqctl alone takes a second or two to start.
        async let holder = lab.vipHolder()
        async let apis = cloudProbes()
        let nodes = await withTaskGroup(of: (Int, [ComponentHealth]).self) { group in
            for (index, node) in topology.nodes.enumerated() {
                group.addTask {
                    async let galera = galera(node)
                    async let rabbitmq = rabbitmq(node)
                    async let haproxy = haproxy(node)
                    async let memcached = InfrastructureProbes.memcached(name: node.name, host: node.address, port: topology.ports.memcached,
                                                                         log: log("memcached", node: node.name))
                    return (index, [await galera, await rabbitmq] + (await haproxy) + [await memcached])
                }
            }
            var results: [(Int, [ComponentHealth])] = []
            for await result in group { results.append(result) }
            return results.sorted { $0.0 < $1.0 }.flatMap(\.1)
        }
        let vip = await holder
        components.append(ComponentHealth(kind: "vip", name: topology.vip, state: vip == nil ? .down : .up,
                                          detail: vip.map { "held by \($0.name)" } ?? "held by nobody", log: log("keepalived", node: vip?.name ?? "ctl1")))
        components += nodes
        components += await apis
        return components
    }

    func cloudProbes() async -> [ComponentHealth] {
        guard let config = try? lab.cloudConfig() else {
            return [ComponentHealth(kind: "api", name: "identity", state: .down, detail: "no admin cloud in \(lab.paths.clouds)")]
        }
        return await CloudProbes(config: config, http: http).collect()
    }

    func log(_ service: String, node: String) -> String? {
        let relative = "\(node)/\(service).log"
        return FileManager.default.fileExists(atPath: logDirectory.appendingPathComponent(relative).path) ? relative : nil
    }

    /// Through the node's own my.cnf (root over its socket, as `lab up` set it up): no password anywhere.
    func galera(_ node: HALabNode) async -> ComponentHealth {
        let start = ContinuousClock.now
        let result = try? await runner.run(["timeout", "5"] + lab.commands.sql("SHOW STATUS LIKE 'wsrep_%'", on: node),
                                           namespace: nil, environment: [:], log: "/dev/null")
        guard let result, result.status == 0 else {
            return ComponentHealth(kind: "galera", name: node.name, state: .down,
                                   detail: "does not answer: \(LabHealthCollector.firstLine(result?.output))", log: log("mariadb", node: node.name))
        }
        return InfrastructureProbes.galera(name: node.name, rows: result.output, expectedSize: lab.topology.nodes.count,
                                           milliseconds: InfrastructureProbes.milliseconds(since: start), log: log("mariadb", node: node.name))
    }

    func rabbitmq(_ node: HALabNode) async -> ComponentHealth {
        let start = ContinuousClock.now
        let environment = RabbitMQConfig.environment(for: node, topology: lab.topology, paths: lab.paths)
        let status = try? await runner.run(["timeout", "20"] + lab.commands.rabbitmqctl(["cluster_status", "--formatter", "json"], on: node),
                                           namespace: node.namespace, environment: environment, log: "/dev/null")
        guard let status, status.status == 0, let running = LabHealthCollector.runningNodes(status.output) else {
            return ComponentHealth(kind: "rabbitmq", name: node.name, state: .down,
                                   detail: "rabbitmqctl: \(LabHealthCollector.firstLine(status?.output))", log: log("rabbitmq", node: node.name))
        }
        let milliseconds = InfrastructureProbes.milliseconds(since: start)
        var leaders = 0
        if let queues = try? await runner.run(["timeout", "20"] + lab.commands.rabbitmqctl(["list_queues", "name", "leader", "--formatter", "json"], on: node),
                                              namespace: node.namespace, environment: environment, log: "/dev/null"),
           queues.status == 0, let start = queues.output.firstIndex(of: "["),
           let rows = try? JSONSerialization.jsonObject(with: Data(queues.output[start...].utf8)) as? [[String: Any]] {
            leaders = rows.filter { $0["leader"] as? String == node.rabbitNode }.count
        }
        let expected = lab.topology.nodes.count
        return ComponentHealth(kind: "rabbitmq", name: node.name, state: running.count < expected ? .degraded : .up,
                               detail: "\(running.count) of \(expected) nodes running, leads \(leaders) queues",
                               milliseconds: milliseconds, log: log("rabbitmq", node: node.name))
    }

    func haproxy(_ node: HALabNode) async -> [ComponentHealth] {
        let socket = "\(lab.paths.run(node))/haproxy.sock"
        do {
            let csv = try await SocketQuery.ask(.unix(path: socket), "show stat\n")
            return InfrastructureProbes.haproxy(node: node.name, csv: csv, log: log("haproxy", node: node.name))
        } catch {
            return [ComponentHealth(kind: "haproxy", name: node.name, state: .down, detail: "stats socket \(socket): \(error)", log: log("haproxy", node: node.name))]
        }
    }
}
