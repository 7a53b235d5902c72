import Foundation
import BojagiCore
import BojagiOpenStack
import Logging

/// `bojagi lab remove-host`: drain a compute node and take it out of the running HA lab.
extension HALab {
    /// What remove-host would take out, or why not (`HALabScaleRules.removable`), asked of the running cloud.
    public func removalCheck(_ name: String, deleteServers: Bool) async throws -> HALabNode {
        // What the topology alone decides: an unknown node, a controller, the last compute node.
        _ = try HALabScaleRules.removable(name, topology: topology, servers: [], takers: [], volumes: [], deleteServers: true)
        guard let state = state(), !state.processes.isEmpty else {
            throw LabFailure("lab", step: "remove-host", message: "the HA lab in \(paths.home) is not up", fix: "bojagi lab up --ha FILE --home \(paths.home)")
        }
        let admin = ComputeAdmin(session: try await LabReadiness.session(cloudsFile: paths.clouds, cloud: HALabClientFiles.cloudName))
        let takers = try await admin.computeServices().filter { $0.host != name && $0.enabled && $0.up }.map(\.host)
        let volumes = state.components.contains(.cinder) ? try await admin.volumes(on: name) : []
        return try HALabScaleRules.removable(name, topology: topology, servers: try await admin.servers(on: name), takers: takers,
                                             volumes: volumes, deleteServers: deleteServers)
    }

    /// The blueprint host the lab node stands for, as add-host recorded it.
    public func blueprintHost(of name: String) -> String? {
        state()?.computes?.added.first { $0.node.name == name }?.blueprintHost
    }

    /// Disables the node's nova-compute, live-migrates its servers (cold when live fails or the server is off; or
    /// deletes them with `deleteServers`), stops its processes by pid, deletes its compute service (Nova then
    /// deletes its resource provider; any left is deleted through Placement) and its cinder-volume service,
    /// deletes its namespace and files, and updates the state.
    public func removeHost(_ name: String, change: ScaleChange) async throws -> ScaleReport {
        let started = ContinuousClock.now
        let runID = Self.runID()
        let node = try await removalCheck(name, deleteServers: change.deleteServers)
        let lock = try LabLock.acquire(home: paths.home, command: "bojagi lab remove-host")
        defer { withExtendedLifetime(lock) {} }
        guard var state = HALabState.load(paths.state) else {
            throw LabFailure("lab", step: "remove-host", message: "no lab state in \(paths.state)", fix: "bojagi lab up --ha FILE --home \(paths.home)")
        }
        let before = state.processes
        let admin = ComputeAdmin(session: try await LabReadiness.session(cloudsFile: paths.clouds, cloud: HALabClientFiles.cloudName))
        var steps: [ScaleReport.Step] = []
        var servers: [ScaleReport.Server] = []

        let (_, probe) = try await ScaleProbe(config: try cloudConfig()).during {
            let service = try await admin.computeServices().first { $0.host == node.name }
            try await timed("disable", into: &steps) {
                guard let service else { return "no nova-compute service on \(node.name)" }
                try await admin.setCompute(service, enabled: false, reason: "bojagi lab remove-host \(runID)")
                return "nova-compute on \(node.name) disabled: the scheduler places nothing new there"
            }
            try await timed(change.deleteServers ? "delete servers" : "move servers", into: &steps) {
                let here = try await admin.servers(on: node.name)
                for server in here {
                    servers.append(try await move(server, from: node.name, delete: change.deleteServers, admin: admin))
                }
                let left = try await admin.servers(on: node.name)
                guard left.isEmpty else {
                    throw LabFailure("lab", step: "move servers", message: "\(left.count) server(s) still on \(node.name): \(left.map(\.id).joined(separator: ", "))")
                }
                let how = Dictionary(grouping: servers, by: \.action).map { "\($0.value.count) \($0.key)" }.sorted()
                return here.isEmpty ? "no server on \(node.name)" : "\(here.count) server(s): \(how.joined(separator: ", "))"
            }
            // nova-compute recreates its service record while it runs: stop it before deleting the record.
            try await timed("stop", into: &steps) {
                let mine = state.processes.filter { $0.node == node.name }
                await withTaskGroup(of: Void.self) { group in
                    for process in mine { group.addTask { await runner.terminate(process.pid, grace: 15) } }
                }
                state.processes.removeAll { $0.node == node.name }
                try save(state)
                return mine.isEmpty ? "nothing running on \(node.name)" : mine.map { "\($0.service) (pid \($0.pid))" }.joined(separator: ", ") + " stopped"
            }
            try await timed("delete compute service", into: &steps) {
                guard let service else { return "no nova-compute service to delete" }
                try await admin.deleteCompute(service)
                var detail = "nova-compute service \(service.id.prefix(8)) deleted"
                if let provider = try await admin.resourceProvider(node.name) {
                    try await admin.deleteResourceProvider(provider.uuid)
                    detail += "; resource provider \(provider.uuid.prefix(8)) was left and is deleted through Placement"
                } else {
                    detail += "; Nova deleted its resource provider"
                }
                return detail
            }
            if state.components.contains(.cinder) {
                try await timed("delete volume service", into: &steps) {
                    let hosts = try await admin.volumeServices().map(\.host).filter { $0 == node.name || $0.hasPrefix(node.name + "@") }
                    let settings = openstackSettings(topology.nodes[0], components: state.components, secrets: try openstackSecrets(try loadOrCreateSecrets(),
                                                                                                                           components: state.components))
                    for host in hosts {
                        try await check("delete volume service", [commands.venv + "/bin/cinder-manage", "--config-file", settings.path("etc/cinder/cinder.conf"),
                                                                  "service", "remove", "cinder-volume", host], log: "\(paths.home)/log/cinder-manage.log")
                    }
                    return hosts.isEmpty ? "no cinder-volume service recorded for \(node.name)" : "cinder-manage service remove cinder-volume \(hosts.joined(separator: ", "))"
                }
            }
            try await timed("namespace", into: &steps) {
                for pid in await runner.pids(inNamespace: node.namespace) { runner.signal(pid, SIGKILL, group: false) }
                if await existingNamespaces().contains(node.namespace) {
                    try await waitFor("namespace \(node.namespace) empty", timeout: 10, log: paths.labLog) { await runner.pids(inNamespace: node.namespace).isEmpty }
                    try await ip(["netns", "del", node.namespace])
                }
                state.namespaces.removeAll { $0 == node.namespace }
                var computes = state.computes ?? HALabState.ScaledComputes()
                if computes.added.contains(where: { $0.node.name == node.name }) {
                    computes.added.removeAll { $0.node.name == node.name }
                } else if !computes.removed.contains(node.name) {
                    computes.removed.append(node.name)
                }
                state.computes = computes
                try save(state)
                for directory in [paths.openstack(node), paths.run(node), paths.data(node)] where FileManager.default.fileExists(atPath: directory) {
                    try FileManager.default.removeItem(atPath: directory)
                }
                return "\(node.namespace) and its veth deleted; its files removed (logs kept in log/\(node.name))"
            }
        }
        return try finish(.removeHost, runID: runID, node: node, change: change, steps: steps, servers: servers, probe: probe, before: before,
                          started: started)
    }

    /// Moves one server off `host`: live migration first (the fake driver supports it), a cold migration when the
    /// server is off or live migration fails; or deletes it.
    func move(_ server: HALabScaleRules.Server, from host: String, delete: Bool, admin: ComputeAdmin) async throws -> ScaleReport.Server {
        let clock = ContinuousClock.now
        func done(_ action: String, to: String?) -> ScaleReport.Server {
            .init(id: server.id, name: server.name, from: host, to: to, action: action, seconds: (ContinuousClock.now - clock).inSeconds)
        }
        if delete {
            try await admin.deleteServer(server.id)
            try await admin.waitServer(server.id, "delete \(server.name)") { $0 == nil }
            return done("deleted", to: nil)
        }
        var notes: [String] = []
        if server.status == "ACTIVE" {
            do {
                try await admin.action(server.id, ["os-migrateLive": ["host": NSNull(), "block_migration": "auto"]])
                // A failed live migration leaves the server ACTIVE where it was: give up waiting after 90 s.
                try await admin.waitServer(server.id, "live-migrate \(server.name)", timeout: 90) { state in
                    state?.status == "ACTIVE" && state?.host != nil && state?.host != host
                }
                return done("live-migrate", to: try await admin.server(server.id)?.host)
            } catch {
                notes.append("live migration failed: \(error)")
                progress("\(server.name): live migration failed (\(error)); migrating it cold")
                try await admin.waitServer(server.id, "settle \(server.name)", timeout: 60) { ["ACTIVE", "SHUTOFF"].contains($0?.status ?? "") }
            }
        }
        let wasOn = try await admin.server(server.id)?.status
        try await admin.action(server.id, ["migrate": NSNull()])
        try await admin.waitServer(server.id, "migrate \(server.name)") { $0?.status == "VERIFY_RESIZE" }
        try await admin.action(server.id, ["confirmResize": NSNull()])
        try await admin.waitServer(server.id, "confirm \(server.name)") { state in
            state?.status == wasOn && state?.host != nil && state?.host != host
        }
        return done(notes.isEmpty ? "cold-migrate" : "cold-migrate (after live failed)", to: try await admin.server(server.id)?.host)
    }
}
