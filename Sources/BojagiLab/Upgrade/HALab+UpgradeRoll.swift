import Foundation
import BojagiCore
import BojagiOpenStack

/// One node of the rolling upgrade. A controller is drained in every HAProxy first (the admin socket each
/// `haproxy.cfg` opens: `set server <api>/<node> state drain`, then `maint` once its connections are done), so
/// clients go to the other two; its Keystone and OpenStack processes stop by pid, its files are rendered for the
/// target release, they start from the target's venv, and once each API answers on the node's own address it
/// goes back into rotation (`state ready`). If it cannot start on the new venv it is started again on its old one
/// and put back; if that fails too it stays drained and the other two controllers serve.
extension HALab {
    func roll(_ node: HALabNode, to target: HALab, components: [LabComponent], secrets: LabSecrets, ceph: LabCephSettings?) async throws -> String {
        let controller = node.role == .controller
        let clock = ContinuousClock.now
        if controller {
            try await haproxy(node, components: components, state: "drain")
            // Requests in flight on the node finish; new ones go to the other two.
            try await Task.sleep(for: .seconds(2))
            try await haproxy(node, components: components, state: "maint")
        }
        let stopped = try await stopUpgradable(node)
        do {
            let started = try await target.startUpgradable(node, components: components, secrets: secrets, ceph: ceph)
            if controller { try await haproxy(node, components: components, state: "ready") }
            return (controller ? "drained in \(topology.nodes.count) HAProxy; " : "") + "\(stopped) processes stopped; started from \(target.commands.venv): "
                + started + String(format: "; answering after %.1f s", (ContinuousClock.now - clock).inSeconds) + (controller ? "; back in rotation" : "")
        } catch {
            let failure = error as? LabFailure ?? LabFailure("lab", step: "\(node.role == .controller ? "controller" : "compute") \(node.name)", message: "\(error)")
            progress("\(node.name) did not start on \(target.release) (\(failure.message)): starting it again on \(release)")
            _ = try? await stopUpgradable(node)
            do {
                _ = try await startUpgradable(node, components: components, secrets: secrets, ceph: ceph)
                if controller { try await haproxy(node, components: components, state: "ready") }
                throw UpgradeStepFailure(failure, serving: "\(node.name) is back\(controller ? " in rotation" : "") on its old venv (\(release), \(commands.venv)); "
                                         + "the other nodes serve as before")
            } catch let rolledBack as UpgradeStepFailure {
                throw rolledBack
            } catch {
                throw UpgradeStepFailure(failure, serving: controller
                    ? "\(node.name) is left drained and stopped (it started on neither venv: \(error)); the other \(topology.nodes.count - 1) controllers serve"
                    : "\(node.name) is stopped (it started on neither venv: \(error)); the controllers serve the APIs")
            }
        }
    }

    /// The processes an upgrade replaces on `node`: Keystone and the OpenStack services (not Galera, RabbitMQ,
    /// memcached, HAProxy, keepalived or Ceph). Stopped together, by pid; their records leave the state.
    func stopUpgradable(_ node: HALabNode) async throws -> Int {
        guard var state = HALabState.load(paths.state) else { throw LabFailure("lab", step: "stop on \(node.name)", message: "no lab state in \(paths.state)") }
        let mine = state.processes.filter { $0.node == node.name && ($0.service == HALabService.keystone.rawValue || (!$0.isInfrastructure && !$0.isCeph)) }
        await withTaskGroup(of: Void.self) { group in
            for process in mine { group.addTask { _ = await runner.terminate(process.pid, grace: 15) } }
        }
        state.processes.removeAll { process in mine.contains(process) }
        try save(state)
        return mine.count
    }

    /// Renders `node`'s files for this lab's release and starts its Keystone (controllers) and OpenStack processes
    /// from this lab's venv; returns when every API answers on the node's own address and every daemon still runs
    /// (a compute node's services once they reported to their API after the start).
    func startUpgradable(_ node: HALabNode, components: [LabComponent], secrets: LabSecrets, ceph: LabCephSettings?) async throws -> String {
        let prefix = paths.relative(paths.openstack(node)) + "/"
        let files = try openstackFiles(components: components, secrets: secrets, ceph: ceph).filter { $0.path.hasPrefix(prefix) }
        try step("render \(node.name)") {
            try DirectoryWriter().write(files, to: URL(fileURLWithPath: paths.home))
            try makeDirectories(node, components: components)
        }
        guard var state = HALabState.load(paths.state) else { throw LabFailure("lab", step: "start on \(node.name)", message: "no lab state in \(paths.state)") }
        let since = Date()
        var names: [String] = []
        let http = URLSessionHTTPClient(timeout: 5)
        if node.role == .controller {
            try await launch(.keystone, on: node, state: &state)
            let url = "http://\(node.address):\(topology.ports.keystone)/v3"
            try await waitFor("keystone on \(node.name)", timeout: 120, log: paths.log(.keystone, node), watching: state.pid(.keystone, node)) { await http.answers(url) }
            names.append("keystone")
        }
        let specs = openstackProcesses(on: node, components: components, secrets: secrets, ceph: ceph)
        for spec in specs { try await launch(spec, on: node, state: &state) }
        for spec in specs {
            guard case .http(let url) = spec.health else { continue }
            try await waitFor("\(spec.name) on \(node.name)", timeout: 240, log: paths.log(spec.name, node), watching: state.pid(spec.name, node)) {
                await http.answers(url)
            }
        }
        if node.role == .compute {
            let admin = ComputeAdmin(session: try await LabReadiness.session(cloudsFile: paths.clouds, cloud: HALabClientFiles.cloudName))
            for (binary, type) in [("nova-compute", "compute"), ("cinder-volume", "volumev3")] where specs.contains(where: { $0.name == binary }) {
                try await waitFor("\(binary) on \(node.name) reports", timeout: 180, log: paths.log(binary, node), watching: state.pid(binary, node)) {
                    await admin.reported(binary, type: type, host: node.name, since: since)
                }
            }
        }
        for spec in specs where !runner.isAlive(state.pid(spec.name, node) ?? 0) {
            let log = paths.log(spec.name, node)
            throw LabFailure("lab", step: "\(spec.name) on \(node.name)", message: "exited after starting", log: log, tail: runner.tail(log, lines: 12))
        }
        names += specs.map(\.name)
        return names.map { "\($0) (pid \(state.pid($0, node) ?? 0))" }.joined(separator: ", ")
    }

    /// `set server <api>/<node> state <state>` in every controller's HAProxy, through its admin socket.
    func haproxy(_ node: HALabNode, components: [LabComponent], state: String) async throws {
        let commands = components.map { "set server \($0.rawValue)/\(node.name) state \(state)" }.joined(separator: ";")
        let send = "import socket,sys\ns=socket.socket(socket.AF_UNIX)\ns.connect(sys.argv[1])\ns.sendall(sys.argv[2].encode()+b'\\n')\n"
            + "out=b''\nwhile True:\n    d=s.recv(65536)\n    if not d: break\n    out+=d\nprint(out.decode().strip())\nsys.exit(1 if out.strip() else 0)\n"
        for proxy in topology.nodes {
            try await check("haproxy \(state) \(node.name) on \(proxy.name)",
                            [self.commands.venv + "/bin/python", "-c", send, "\(paths.run(proxy))/haproxy.sock", commands], log: paths.labLog)
        }
    }
}

extension ComputeAdmin {
    /// Whether `binary` on `host` is up with a heartbeat written after `since` (its service record's updated_at, UTC).
    func reported(_ binary: String, type: String, host: String, since: Date) async -> Bool {
        let path = "os-services?binary=\(binary)"
        guard let rows = (try? await json(type, path, headers: type == "compute" ? Self.nova : [:]))?["services"] as? [[String: Any]] else { return false }
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyy-MM-dd'T'HH:mm:ss"
        return rows.contains { row in
            let name = row["host"] as? String ?? ""
            guard name == host || name.hasPrefix(host + "@"), row["state"] as? String == "up",
                  let stamp = (row["updated_at"] as? String)?.prefix(19), let date = formatter.date(from: String(stamp)) else { return false }
            return date >= since.addingTimeInterval(-1)
        }
    }
}
