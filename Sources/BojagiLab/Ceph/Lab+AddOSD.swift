import Foundation
import BojagiCore
import BojagiOpenStack

extension Lab {
    /// What `lab add-osd` did and measured.
    public struct AddOSDResult: Sendable, Hashable, Codable {
        public let osd: String
        public let deviceClass: String
        public let host: String
        /// From the start until the new OSD was up and the cluster HEALTH_OK.
        public let upSeconds: Double
        /// From the start until every placement group was active+clean again (the rebalance done).
        public let rebalanceSeconds: Double
        public let placementGroupsOnNewOSD: Int
        public let rawBytesBefore: Int
        public let rawBytesAfter: Int
        /// Pools `ceph osd pool autoscale-status` lists, of all pools.
        public let autoscaledPools: Int
        public let pools: Int
        /// The plan's capacity for the new layout beside `ceph df`, after the rebalance.
        public let capacity: LabCephCapacity?

        /// "OSD" spelled so that JSON's snake_case keys (placement_groups_on_new_osd) decode back.
        enum CodingKeys: String, CodingKey {
            case osd, deviceClass, host, upSeconds, rebalanceSeconds, rawBytesBefore, rawBytesAfter, autoscaledPools, pools, capacity
            case placementGroupsOnNewOSD = "placementGroupsOnNewOsd"
        }

        public var text: String {
            String(format: """
                Added %@ (%@, in %@): up and HEALTH_OK in %.0f s, every PG active+clean after %.0f s; it holds %d PGs.
                Raw capacity %@ → %@. The PG autoscaler lists %d of %d pools%@.

                """, osd, deviceClass, host, upSeconds, rebalanceSeconds, placementGroupsOnNewOSD,
                LabCephStatus.bytes(rawBytesBefore), LabCephStatus.bytes(rawBytesAfter), autoscaledPools, pools,
                autoscaledPools == pools ? "" : " (a pool on an overlapping CRUSH root stops it)") + (capacity?.text ?? "")
        }
    }

    /// Adds one OSD of `deviceClass` (default: the first tier's) while everything runs: it joins that class's
    /// CRUSH rules, data rebalances onto it, and its PID goes into the state so `lab down` stops it.
    public func addOSD(home: URL, scripts: URL, deviceClass: String?) async throws -> AddOSDResult {
        let lock = try LabLock.acquire(home: home.path, command: "bojagi lab add-osd")
        defer { withExtendedLifetime(lock) {} }
        guard var state = try LabState.load(from: home), let ceph = state.ceph else {
            throw LabFailure("lab", step: "add-osd", message: "no lab with Ceph in \(home.path)",
                             fix: "bring one up with a blueprint that has storage.ceph, e.g. `bojagi lab up examples/ceph-lab.yaml`")
        }
        let commands = cephCommands(home: home, scripts: scripts)
        let chosen = deviceClass ?? ceph.classes.first ?? "ssd"
        let started = Date()
        let before = try await cephStatus(commands)
        let existing = existingOSDs(commands)
        let groups = LabCephCommands.groups(adding: chosen, to: LabCephCommands.osdClasses(existing), order: ceph.classes)
        say("==> add an OSD of class \(chosen) (\(groups.map { "\($0.deviceClass) \($0.count)" }.joined(separator: ", ")) in all)")
        try await run("ceph-add-osd", commands.up(groups: groups, hosts: ceph.hosts, monitorPort: ceph.monitorPort,
                                                  monitorPortV1: ceph.monitorPortV1), home: home)
        let upSeconds = Date().timeIntervalSince(started)
        if !ceph.classes.contains(chosen) { state.ceph?.classes.append(chosen) }
        try recordCephDaemons(commands, state: &state, home: home)
        let known = Set(existing.map(\.id))
        guard let added = existingOSDs(commands).first(where: { !known.contains($0.id) }) else {
            throw LabFailure("lab", step: "add-osd", message: "lab-cluster.sh made no new OSD", log: home.appendingPathComponent("logs/ceph-add-osd.log").path)
        }
        say(String(format: "    osd.%d up, HEALTH_OK in %.1f s; waiting for the rebalance", added.id, upSeconds))
        let clean = try await Poll.until(timeout: 900, every: .seconds(2)) { (try? await cephStatus(commands))?.activeClean ?? false }
        guard clean else {
            throw LabFailure("lab", step: "add-osd", message: "osd.\(added.id) joined but the PGs were not all active+clean after 900 s")
        }
        let rebalanceSeconds = Date().timeIntervalSince(started)
        let after = try await cephStatus(commands, capacityOf: state.ceph ?? ceph)
        let pgCount = try await cephQueries(commands).placementGroups(on: added.id)
        let autoscale = try await autoscaled(commands)
        return AddOSDResult(osd: "osd.\(added.id)", deviceClass: added.deviceClass,
                            host: after.osds.first { $0.id == added.id }?.host ?? "?", upSeconds: upSeconds,
                            rebalanceSeconds: rebalanceSeconds, placementGroupsOnNewOSD: pgCount,
                            rawBytesBefore: before.totalBytes, rawBytesAfter: after.totalBytes,
                            autoscaledPools: autoscale.listed, pools: autoscale.pools, capacity: after.capacity)
    }
}
