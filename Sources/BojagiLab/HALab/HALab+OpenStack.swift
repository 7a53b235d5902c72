import Foundation
import BojagiCore
import BojagiOpenStack

/// The planned OpenStack services in the HA lab: every API and its daemons on each controller, behind HAProxy on
/// the VIP; nova-compute and cinder-volume on the compute node. The configuration is the single-node lab's
/// (`LabConfigRenderer`), with each node's own address to listen on and the database, Keystone and the catalog
/// through the VIP, every RabbitMQ node and every memcached listed.
extension HALab {
    /// The OpenStack tree of `node`; nil is the tree all nodes share (the registration script, Glance's images,
    /// Horizon's static files).
    func openstackSettings(_ node: HALabNode?, components: [LabComponent], secrets: LabSecrets, ceph: LabCephSettings? = nil) -> LabSettings {
        let ports = topology.ports
        let network = LabNetwork(
            bind: (node ?? topology.nodes[0]).address, endpointHost: topology.vip, database: "\(topology.vip):\(ports.mariadb)",
            rabbitmq: topology.nodes.map { "\($0.address):\(ports.rabbitmq)" }, rabbitmqUser: HALabSecrets.user,
            memcached: topology.nodes.map { "\($0.address):\(ports.memcached)" }, hostName: (node ?? topology.nodes[0]).name,
            databaseClients: ["%"])
        return LabSettings(name: "ha-lab", release: release, home: node.map(paths.openstack) ?? paths.openstack, venv: commands.venv,
                           ports: LabPorts(offset: 0), components: components, secrets: secrets, user: "root", network: network,
                           shared: paths.openstack, ceph: ceph)
    }

    /// The passwords of the services' database and Keystone users, kept beside the lab's own; the admin, RabbitMQ
    /// and Keystone database passwords are the HA lab's.
    func openstackSecrets(_ secrets: HALabSecrets, components: [LabComponent]) throws -> LabSecrets {
        let home = URL(fileURLWithPath: paths.openstack)
        let existing: LabSecrets?
        do { existing = try LabSecrets.load(from: home) } catch {
            throw LabFailure("lab", step: "secrets", message: "\(paths.openstack)/\(LabSecrets.fileName) is unreadable (\(error))",
                             fix: "move it away to draw new service passwords")
        }
        var values = LabSecrets.make(for: components, existing: existing, source: secretSource)
        values.adminPassword = secrets.keystoneAdmin
        values.rabbitmqPassword = secrets.rabbitmq
        values.database["keystone"] = secrets.keystoneDatabase
        return values
    }

    /// Every OpenStack file of the lab, paths relative to its home. With `ceph`, each node's Ceph clients get its
    /// ceph.conf (every monitor) and the keyrings of the clients it runs (0600).
    func openstackFiles(components: [LabComponent], secrets: LabSecrets, ceph: LabCephSettings? = nil) throws -> [RenderedFile] {
        let prefix = paths.relative(paths.openstack)
        let shared = LabConfigRenderer(settings: openstackSettings(nil, components: components, secrets: secrets, ceph: ceph))
        var files = [try secrets.file(), shared.registerScript()].map { $0.moved(under: prefix) }
        for node in topology.allNodes {
            let renderer = LabConfigRenderer(settings: openstackSettings(node, components: components, secrets: secrets, ceph: ceph))
            let nodePrefix = paths.relative(paths.openstack(node))
            files += renderer.cephFiles().filter { Self.needs(node, $0.path) }.map { $0.moved(under: nodePrefix) }
            for component in Self.openstackComponents(on: node, of: components) {
                // The compute node's nova file is nova-compute's, with no database credentials; controllers need no other.
                let unused = node.role == .compute ? "etc/nova/nova.conf" : "etc/nova/nova-compute.conf"
                files += renderer.config(component).filter { $0.path != unused }.map { $0.moved(under: nodePrefix) }
                if node.role == .controller, let uwsgi = renderer.uwsgi(component) { files.append(uwsgi.moved(under: nodePrefix)) }
            }
        }
        return files
    }

    /// Keystone is the HA lab's own; controllers run the rest, the compute node nova and cinder's volume service.
    static func openstackComponents(on node: HALabNode, of components: [LabComponent]) -> [LabComponent] {
        switch node.role {
        case .controller: components.filter { $0 != .keystone }
        case .compute: components.filter { $0 == .nova || $0 == .cinder }
        case .storage: []
        }
    }

    /// Which Ceph client files a node gets: ceph.conf everywhere, Glance's key on the controllers (glance-api),
    /// Cinder's and cinder-backup's on the compute node (cinder-volume, cinder-backup).
    static func needs(_ node: HALabNode, _ path: String) -> Bool {
        guard path.hasSuffix(".keyring") else { return true }
        switch node.role {
        case .controller: return path.hasSuffix("/ceph.client.glance.keyring")
        case .compute: return path.hasSuffix("/ceph.client.cinder.keyring") || path.hasSuffix("/ceph.client.cinder-backup.keyring")
        case .storage: return false
        }
    }

    /// The long-running processes of `node`, APIs first.
    func openstackProcesses(on node: HALabNode, components: [LabComponent], secrets: LabSecrets, ceph: LabCephSettings? = nil) -> [LabProcessSpec] {
        let renderer = LabConfigRenderer(settings: openstackSettings(node, components: components, secrets: secrets, ceph: ceph))
        let mine = Self.openstackComponents(on: node, of: components)
        switch node.role {
        case .controller:
            return mine.map(renderer.apiProcess) + mine.flatMap(renderer.daemonProcesses).filter { !Self.computeOnly.contains($0.name) }
        case .compute:
            return mine.flatMap(renderer.daemonProcesses).filter { Self.computeOnly.contains($0.name) }
        case .storage:
            return []
        }
    }

    /// cinder-backup (only with Ceph) runs beside cinder-volume: one volume host, so no coordination backend.
    static let computeOnly: Set<String> = ["nova-compute", "cinder-volume", "cinder-backup"]

    /// Databases, catalog and the schemas not yet migrated (once, through the VIP); returns the components it
    /// migrated. Changes nothing the lab's state records, so it runs beside the Ceph pools (`up`).
    /// `values`: the services' passwords, as `openstackSecrets` drew them for the files `up` rendered.
    func openstackPrepare(components: [LabComponent], prepared: [String], values: LabSecrets, ceph: LabCephSettings? = nil) async throws -> [String] {
        guard components.contains(where: { $0 != .keystone }) else { return [] }
        let shared = LabConfigRenderer(settings: openstackSettings(nil, components: components, secrets: values, ceph: ceph))
        let first = topology.nodes[0]
        let log = "\(paths.home)/log/openstack.log"
        progress("openstack: \(components.filter { $0 != .keystone }.map(\.rawValue).joined(separator: ", ")) on \(topology.nodes.map(\.name).joined(separator: ", ")), "
                 + "compute on \(topology.computes.map(\.name).joined(separator: ", "))")
        try await check("databases", commands.sql(shared.databasesSQL().contents, on: first), log: log)
        try await check("register services in keystone", [commands.venv + "/bin/python", "\(paths.openstack)/bin/register.py", "catalog"], log: log)

        let pending = components.filter { $0 != .keystone && !prepared.contains($0.rawValue) }
        guard !pending.isEmpty else { return [] }
        progress("openstack: database schemas of \(pending.map(\.rawValue).joined(separator: ", ")) (once, through the VIP)")
        let renderer = LabConfigRenderer(settings: openstackSettings(first, components: components, secrets: values, ceph: ceph))
        let started = ContinuousClock.now
        try await withThrowingTaskGroup(of: Void.self) { group in
            for component in pending {
                group.addTask {
                    for (title, command) in renderer.preparation(component) {
                        try await check(title, command, log: "\(paths.home)/log/\(component.rawValue)-manage.log")
                    }
                }
            }
            try await group.waitForAll()
        }
        progress(String(format: "openstack: database schemas done in %.1f s", (ContinuousClock.now - started).inSeconds))
        return pending.map(\.rawValue)
    }

    /// Every process on every node (the schemas migrated: `openstackPrepare`); done when each API answers through
    /// the VIP.
    func openstack(_ state: inout HALabState, values: LabSecrets, ceph: LabCephSettings? = nil) async throws {
        let components = state.components
        guard components.contains(where: { $0 != .keystone }) else { return }
        let http = URLSessionHTTPClient(timeout: 5)
        let shared = LabConfigRenderer(settings: openstackSettings(nil, components: components, secrets: values, ceph: ceph))
        let first = topology.nodes[0]
        let log = "\(paths.home)/log/openstack.log"

        let processes = topology.allNodes.map { ($0, openstackProcesses(on: $0, components: components, secrets: values, ceph: ceph)) }
        for (node, specs) in processes {
            for spec in specs { try await launch(spec, on: node, state: &state) }
        }
        progress("openstack: waiting for every API on every controller")
        for (node, specs) in processes where node.role == .controller {
            for spec in specs {
                guard case .http(let url) = spec.health else { continue }
                let log = paths.log(spec.name, node)
                try await waitFor("\(spec.name) on \(node.name)", timeout: 300, log: log, watching: state.pid(spec.name, node)) {
                    await http.answers(url)
                }
            }
        }
        // Independent of each other: side by side, the waits of one overlap the Python start-ups of the others.
        let register = [commands.venv + "/bin/python", "\(paths.openstack)/bin/register.py"]
        let novaSettings = openstackSettings(first, components: components, secrets: values)
        try await withThrowingTaskGroup(of: Void.self) { group in
            if components.contains(.neutron) {
                group.addTask {
                    progress("openstack: default external network and subnet pool")
                    try await check("network", register + ["network"], log: log)
                }
            }
            if components.contains(.nova), let compute = topology.computes.first {
                group.addTask {
                    progress("openstack: mapping \(compute.name) into cell1, creating flavors")
                    try await LabReadiness.waitForComputeMapped(runner: runner, settings: novaSettings, host: compute.name, log: log,
                                                                computeLog: paths.log("nova-compute", compute))
                    try await check("flavors", register + ["flavor"], log: log)
                    try await LabReadiness.waitForComputeService(cloudsFile: paths.clouds, cloud: HALabClientFiles.cloudName,
                                                                host: compute.name, computeLog: paths.log("nova-compute", compute))
                    progress("openstack: \(compute.name) mapped and reporting")
                }
            }
            if components.contains(.cinder), let compute = topology.computes.first {
                group.addTask {
                    if !shared.volumeTypes.isEmpty {
                        progress("openstack: a volume type per Ceph tier (\(shared.volumeTypes.map { "\($0.0) → \($0.1)" }.joined(separator: ", ")))")
                        try await check("volume types", register + ["volumetypes"], log: log)
                    }
                    progress("openstack: waiting for cinder-volume on \(compute.name) to report its pool")
                    try await LabReadiness.waitForVolumePool(cloudsFile: paths.clouds, cloud: HALabClientFiles.cloudName,
                                                             volumeLog: paths.log("cinder-volume", compute), pools: max(1, shared.volumeTypes.count))
                    progress("openstack: cinder-volume reports its pool")
                }
            }
            try await group.waitForAll()
        }
        for component in components {
            let url = topology.apiURL(component) + component.healthPath
            try await waitFor("\(component.rawValue) through the VIP", timeout: 60, log: paths.log(.haproxy, first)) { await http.answers(url) }
        }
    }


    /// Each API through the VIP: its HTTP status, or nil when it does not answer.
    public func apiAnswers(_ components: [LabComponent]) async -> [HALabStatus.API] {
        var result: [HALabStatus.API] = []
        for component in components {
            let url = topology.apiURL(component)
            let response = try? await URLSessionHTTPClient(timeout: 5).send(HTTPRequest(url: URL(string: url + component.healthPath)!))
            result.append(HALabStatus.API(service: component.rawValue, url: url, status: response?.status,
                                          milliseconds: response.map { Int($0.seconds * 1000) }))
        }
        return result
    }

    func launch(_ spec: LabProcessSpec, on node: HALabNode, state: inout HALabState) async throws {
        let log = paths.log(spec.name, node)
        let pid: Int32
        do {
            pid = try await runner.start(spec.command, namespace: node.namespace, environment: spec.environment, log: log)
        } catch {
            throw LabFailure("lab", step: "\(spec.name) on \(node.name)", message: "\(error)", log: log)
        }
        state.record(spec.name, node, pid: pid)
        try save(state)
    }
}

extension RenderedFile {
    func moved(under prefix: String) -> RenderedFile {
        RenderedFile(path: prefix + "/" + path, contents: contents, mode: mode)
    }
}
