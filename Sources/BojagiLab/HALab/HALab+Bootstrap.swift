import Foundation
import BojagiCore
import BojagiOpenStack
import Logging

extension HALab {
    /// `storage`: the storage nodes of the lab's Ceph, on the same bridge.
    func network(_ state: inout HALabState, storage: [HALabNode] = []) async throws {
        let namespaces = topology.namespaces + storage.map(\.namespace)
        progress("network: namespaces \(namespaces.joined(separator: ", ")), bridge \(topology.bridge), VIP \(topology.vip)")
        let existing = await existingNamespaces()
        if let clash = namespaces.first(where: existing.contains) {
            throw LabFailure("lab", step: "network", message: "network namespace \(clash) exists and this lab's state does not record it; "
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
        for node in topology.allNodes + storage { try await attach(node, state: &state) }
        state.hostLink = topology.hostInterface
        try save(state)
        try await ip(["link", "add", topology.hostInterface, "type", "veth", "peer", "name", topology.hostPeer, "netns", hub])
        try await ip(["-n", hub, "link", "set", topology.hostPeer, "master", topology.bridge, "up"])
        try await ip(["addr", "add", topology.hostAddress + prefix, "dev", topology.hostInterface])
        try await ip(["link", "set", topology.hostInterface, "up"])
    }

    /// Makes the namespace of `node`, with a veth into the hub's bridge and its address on it.
    func attach(_ node: HALabNode, state: inout HALabState) async throws {
        let hub = topology.hubNamespace
        state.namespaces.append(node.namespace)
        try save(state)
        try await ip(["netns", "add", node.namespace])
        try await ip(["link", "add", topology.hubPort(node), "netns", hub, "type", "veth", "peer", "name", topology.nodeInterface, "netns", node.namespace])
        try await ip(["-n", hub, "link", "set", topology.hubPort(node), "master", topology.bridge, "up"])
        try await ip(["-n", node.namespace, "addr", "add", "\(node.address)/\(topology.prefixLength)", "dev", topology.nodeInterface])
        try await ip(["-n", node.namespace, "link", "set", topology.nodeInterface, "up"])
        try await ip(["-n", node.namespace, "link", "set", "lo", "up"])
        // HAProxy binds the VIP on every node, holder or not.
        try await check("network", ["sysctl", "-qw", "net.ipv4.ip_nonlocal_bind=1"], namespace: node.namespace)
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
        // rabbitmqctl is an Erlang VM of its own (a second of CPU a call): it asks only once the node takes AMQP
        // connections, which a booting node does last.
        let port = topology.ports.rabbitmq
        try await waitFor("rabbitmq on \(first.name)", timeout: 90, log: paths.log(.rabbitmq, first), watching: state.pid(.rabbitmq, first)) {
            guard SocketPortProbe.accepts(address: first.address, port: port) else { return false }
            return await rabbitmqRunningNodes(on: first) != nil
        }
        for node in topology.nodes.dropFirst() { try await launch(.rabbitmq, on: node, state: &state) }
        try await waitFor("rabbitmq cluster of \(topology.nodes.count)", timeout: 120, log: paths.log(.rabbitmq, topology.nodes[2])) {
            guard topology.nodes.allSatisfy({ SocketPortProbe.accepts(address: $0.address, port: port) }) else { return false }
            return await rabbitmqRunningNodes(on: first) == topology.nodes.count
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
}
