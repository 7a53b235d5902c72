import Foundation
import BojagiCore
import BojagiOpenStack
import Logging

extension HALab {
    // MARK: faults and restarts (for the drill)

    /// Sends `signal` to a service the lab started: to its whole process group, or to its main process only.
    public func kill(_ service: HALabService, on node: HALabNode, signal: Int32, group: Bool = true) throws -> Int32 {
        guard let pid = state()?.pid(service, node) else {
            throw LabFailure("lab", step: "fault", message: "the lab did not start \(service.rawValue) on \(node.name)")
        }
        runner.signal(pid, signal, group: group)
        return pid
    }

    /// Starts a service again after a fault, once whatever is left of the old one has gone, and records its pid.
    public func restart(_ service: HALabService, on node: HALabNode) async throws {
        guard var state = state() else { throw LabFailure("lab", step: "restore", message: "no lab state in \(paths.state)") }
        if let old = state.pid(service, node) { await runner.terminate(old, grace: 5) }
        try await launch(service, on: node, state: &state)
    }

    // MARK: down

    /// Stops every process the lab started (by pid, gracefully then SIGKILL), kills what is left in its namespaces
    /// (epmd, SST helpers), deletes the namespaces and the host link. `wipe` also deletes data, configs and logs.
    public func down(wipe: Bool) async throws {
        let lock = try LabLock.acquire(home: paths.home, command: "bojagi lab down --ha")
        defer { withExtendedLifetime(lock) {} }
        try await stop(wipe: wipe)
    }

    /// `down` for a caller that holds the lab's lock already (`up` clearing a partly running lab).
    func stop(wipe: Bool) async throws {
        guard var state = HALabState.load(paths.state), !state.processes.isEmpty || !state.namespaces.isEmpty || state.hostLink != nil else {
            if wipe { try removeData() }
            progress("HA lab: nothing recorded as running")
            return
        }
        // The OpenStack services first, all at once; then Keystone, and the databases last; the first Galera and
        // RabbitMQ node stop last so they may start first.
        let services = state.processes.filter { !$0.isInfrastructure && !$0.isCeph }
        if !services.isEmpty {
            progress("stopping the OpenStack services")
            await withTaskGroup(of: Void.self) { group in
                for member in services { group.addTask { await runner.terminate(member.pid, grace: 15) } }
            }
        }
        await stopCeph(state.processes.filter(\.isCeph))
        let groups = Dictionary(grouping: state.processes.filter(\.isInfrastructure)) { HALabService(rawValue: $0.service)! }
        for service in HALabService.allCases.reversed() {
            guard let members = groups[service] else { continue }
            progress("stopping \(service.rawValue)")
            if service == .mariadb || service == .rabbitmq {
                for member in members.sorted(by: { $0.node > $1.node }) { await runner.terminate(member.pid, grace: 30) }
            } else {
                await withTaskGroup(of: Void.self) { group in
                    for member in members { group.addTask { await runner.terminate(member.pid, grace: 15) } }
                }
            }
        }
        state.processes = []
        try save(state)
        let existing = await existingNamespaces()
        for namespace in state.namespaces where existing.contains(namespace) {
            for pid in await runner.pids(inNamespace: namespace) { runner.signal(pid, SIGKILL, group: false) }
        }
        if let link = state.hostLink {
            _ = try? await runner.run(["ip", "link", "del", link], namespace: nil, environment: [:], log: paths.labLog)
        }
        for namespace in state.namespaces.reversed() where existing.contains(namespace) {
            try await waitFor("namespace \(namespace) empty", timeout: 10, log: paths.labLog) { await runner.pids(inNamespace: namespace).isEmpty }
            try await ip(["netns", "del", namespace])
        }
        // What stays true of the kept data: which services' databases are migrated, so the next `up` skips that.
        var kept = HALabState()
        kept.components = state.components
        kept.prepared = state.prepared
        kept.venv = state.venv
        kept.release = state.release
        kept.computes = state.computes
        kept.ceph = state.ceph   // the storage nodes `lab add-osd --ha` added come back with the next `up`
        try? save(kept)
        if wipe { try removeData() }
        progress("HA lab down\(wipe ? "; data wiped" : "; data kept in \(paths.home)")")
    }

    func removeData() throws {
        for directory in ["data", "etc", "run", "log", "bin", "openstack", LabCephCommands.dataDirectory, LabCephDesign.deploymentDirectory] {
            let path = "\(paths.home)/\(directory)"
            if FileManager.default.fileExists(atPath: path) { try FileManager.default.removeItem(atPath: path) }
        }
        for file in ["state.json", "secrets.json", "clouds.yaml", "openrc", "blueprint.yaml"] { try? FileManager.default.removeItem(atPath: "\(paths.home)/\(file)") }
    }
}
