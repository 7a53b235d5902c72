import Foundation
import BojagiCore
import BojagiOpenStack
import Logging

extension HALab {
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
        let ceph = state.ceph != nil && !ours.isEmpty ? await cephStatus() : nil
        var status = HALabStatus(
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
        status.cephRuns = state.ceph != nil && !state.processes.isEmpty
        status.ceph = ceph
        return status
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
            throw LabFailure("lab", step: "secrets", message: "no \(paths.secrets): is the HA lab up? (`bojagi drill lab up`)")
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
}
