import Foundation
import BojagiCore
import BojagiOpenStack

/// `bojagi lab add-osd --ha`: storage grown by a host while the cloud serves. A new storage namespace (bjsto4, …) on
/// the lab's bridge becomes a CRUSH host bucket with one OSD of the chosen device class; data rebalances onto it,
/// and the APIs are probed through the VIP the whole time.
extension HALab {
    /// What `lab add-osd --ha` did and measured: the single-node lab's figures (`Lab.AddOSDResult`), the storage host
    /// it made, and what the API probe saw while it ran.
    public struct AddOSDReport: Sendable, Hashable, Codable {
        public let runID: String
        /// The storage node (sto4), its namespace and address.
        public let storageHost: String
        public let namespace: String
        public let address: String
        public let result: Lab.AddOSDResult
        public let probe: ScaleReport.Probe

        public var passed: Bool { result.autoscaledPools == result.pools && result.capacity?.agrees != false }

        public var fileName: String { "drill/add-osd-\(runID).json" }
        public static let latestName = "drill/add-osd-latest.json"

        public var text: String {
            var text = "Storage host \(storageHost) (namespace \(namespace), \(address)) joined the HA lab's Ceph.\n" + result.text
            let window = probe.window
            text += String(format: "API while it ran: %d failed of %d requests (%.1f/s), slowest %.1f s", window.failed, window.requests,
                           window.rate, window.slowestSeconds)
            if !probe.failures.isEmpty {
                text += " (failed by API: " + probe.failures.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", ") + ")"
            }
            text += "\n  probe: \(probe.description)\n"
            for (error, count) in (probe.errors ?? [:]).sorted(by: { $0.value > $1.value }) { text += "  \(count)× \(error)\n" }
            return text + (passed ? "PASSED\n" : "FAILED: " + (result.autoscaledPools != result.pools ? "a pool escapes the autoscaler; " : "")
                           + (result.capacity?.agrees == false ? "the plan's capacity and ceph df disagree" : "") + "\n")
        }
    }

    /// Adds a storage node with one OSD of `deviceClass` (default: the first tier's). `scripts` is scripts/ceph.
    public func addOSD(deviceClass: String?, scripts: String) async throws -> AddOSDReport {
        let lock = try LabLock.acquire(home: paths.home, command: "bojagi lab add-osd --ha")
        defer { withExtendedLifetime(lock) {} }
        guard var state = HALabState.load(paths.state), !state.processes.isEmpty else {
            throw LabFailure("lab", step: "add-osd", message: "the HA lab in \(paths.home) is not up", fix: "bojagi lab up --ha FILE --home \(paths.home)")
        }
        guard let ceph = state.ceph else {
            throw LabFailure("lab", step: "add-osd", message: "the HA lab runs no Ceph (its blueprint has no storage.ceph)",
                             fix: "bring it up with a blueprint that has storage.ceph, e.g. `bojagi init --profile web-application`")
        }
        guard let design = ceph.design, let poolTiers = ceph.poolTiers else {
            throw LabFailure("lab", step: "add-osd", message: "the lab's state predates add-osd (no Ceph design in it)",
                             fix: "bojagi lab down --ha, then bojagi lab up --ha FILE")
        }
        let health = await status()
        guard health.healthy else {
            throw LabFailure("lab", step: "add-osd", message: "the HA lab is not healthy; grow storage on a healthy cluster:\n\(health.text)")
        }
        let node = topology.storage(count: ceph.storage.count + 1).last!
        if await existingNamespaces().contains(node.namespace) {
            throw LabFailure("lab", step: "add-osd", message: "network namespace \(node.namespace) exists and this lab's state does not record it",
                             fix: "`ip netns del \(node.namespace)` if it is a leftover")
        }
        let commands = cephCommands(scripts: scripts)
        let queries = LabCephQueries(commands: commands, runner: runner)
        let chosen = deviceClass ?? ceph.classes.first ?? "ssd"
        let before = try await queries.status()
        let existing = queries.existingOSDs()
        let groups = LabCephCommands.groups(adding: chosen, to: LabCephCommands.osdClasses(existing), order: ceph.classes)
        let runID = Self.runID()

        let (result, probe) = try await ScaleProbe(config: try cloudConfig()).during { () async throws -> Lab.AddOSDResult in
            let started = Date()
            progress("add-osd: storage node \(node.name) (\(node.namespace), \(node.address)) with an OSD of class \(chosen)")
            try await attach(node, state: &state)
            state.ceph?.storage.append(node.name)
            if !ceph.classes.contains(chosen) { state.ceph?.classes.append(chosen) }
            try save(state)
            let up = commands.up(groups: groups, monitors: topology.nodes.map(Self.placement),
                                 hosts: topology.storage(count: ceph.storage.count).map(Self.placement), adding: Self.placement(node))
            try await check("ceph add-osd", up, log: cephLog)
            let upSeconds = Date().timeIntervalSince(started)
            recordCephDaemons(commands, state: &state)
            try save(state)
            let known = Set(existing.map(\.id))
            guard let added = queries.existingOSDs().first(where: { !known.contains($0.id) }) else {
                throw LabFailure("lab", step: "add-osd", message: "lab-cluster.sh made no new OSD", log: cephLog)
            }
            progress(String(format: "add-osd: osd.%d up on %@, HEALTH_OK in %.1f s; waiting for the rebalance", added.id, node.name, upSeconds))
            // Every 2 s: each look runs three `ceph` commands, and a `ceph` command costs a second of CPU here.
            let clean = try await Poll.until(timeout: 900, every: .seconds(2)) { (try? await queries.status())?.activeClean ?? false }
            guard clean else {
                throw LabFailure("lab", step: "add-osd", message: "osd.\(added.id) joined but the PGs were not all active+clean after 900 s",
                                 fix: "see `bojagi drill lab status` and \(commands.data)/log/ceph.log")
            }
            let rebalanceSeconds = Date().timeIntervalSince(started)
            let after = try await queries.status(design: design, poolTiers: poolTiers)
            let autoscale = try await queries.autoscaled()
            return Lab.AddOSDResult(osd: "osd.\(added.id)", deviceClass: added.deviceClass, host: node.name, upSeconds: upSeconds,
                                    rebalanceSeconds: rebalanceSeconds, placementGroupsOnNewOSD: try await queries.placementGroups(on: added.id),
                                    rawBytesBefore: before.totalBytes, rawBytesAfter: after.totalBytes,
                                    autoscaledPools: autoscale.listed, pools: autoscale.pools, capacity: after.capacity)
        }
        let report = AddOSDReport(runID: runID, storageHost: node.name, namespace: node.namespace, address: node.address,
                                  result: result, probe: probe)
        let json = try JSON.encode(report)
        try DirectoryWriter().write([RenderedFile(path: report.fileName, contents: json), RenderedFile(path: AddOSDReport.latestName, contents: json)],
                                    to: URL(fileURLWithPath: paths.home))
        progress("report saved: \(paths.home)/\(report.fileName)")
        return report
    }
}
