import Foundation
import BojagiCore

/// What both labs ask of their Ceph: one `ceph` call's output, the status with (given the blueprint's design) the
/// plan's capacity beside the same `ceph df`, the pools the autoscaler lists, and the OSDs in the data directory.
struct LabCephQueries: Sendable {
    let commands: LabCephCommands
    let runner: any ProcessRunner

    /// One `ceph` call's output; a failure is a LabFailure naming the command.
    func output(_ arguments: [String], seconds: Int = 60) async throws -> String {
        let result = try await runner.run(commands.ceph(arguments, seconds: seconds), namespace: nil, environment: [:], log: "/dev/null")
        guard result.status == 0 else {
            throw LabFailure("lab", step: "ceph \(arguments.prefix(3).joined(separator: " "))", message: "exited with status \(result.status): \(result.output.suffix(300))")
        }
        return result.output
    }

    /// Every placement group active+clean, from one `ceph status`; false when the monitors do not answer.
    func activeClean() async -> Bool {
        guard let status = try? await output(["status", "--format", "json"], seconds: 30) else { return false }
        return (try? LabCephStatus.activeClean(status: status)) ?? false
    }

    /// With `design` and `poolTiers`, also the plan's capacity for the lab's layout, from the same `ceph df`.
    func status(design: Storage.Ceph? = nil, poolTiers: [String: String]? = nil) async throws -> LabCephStatus {
        async let status = output(["status", "--format", "json"])
        async let tree = output(["osd", "tree", "--format", "json"])
        async let df = output(["df", "--format", "json"])
        var parsed = try LabCephStatus.parse(status: try await status, tree: try await tree, df: try await df)
        if let design, let poolTiers {
            parsed.capacity = try await capacity(design: design, poolTiers: poolTiers, status: parsed, df: try await df)
        }
        return parsed
    }

    func capacity(design: Storage.Ceph, poolTiers: [String: String], status: LabCephStatus, df: String) async throws -> LabCephCapacity {
        async let osdDF = output(["osd", "df", "--format", "json"])
        async let dump = output(["osd", "dump", "--format", "json"])
        let fullRatio = ((try LabCephStatus.json(try await dump, "osd dump") as? [String: Any])?["full_ratio"] as? NSNumber)?.doubleValue ?? 0.95
        return LabCephCapacity.compare(
            design: design, poolTiers: poolTiers,
            osds: status.osds.map { LabCephCapacity.OSD(id: $0.id, deviceClass: $0.deviceClass, host: $0.host) },
            osdBytes: LabCephCommands.osdBytes,
            df: try LabCephStatus.json(df, "df") as? [String: Any] ?? [:],
            osdDF: try LabCephStatus.json(try await osdDF, "osd df") as? [String: Any] ?? [:], fullRatio: fullRatio)
    }

    /// Pools `ceph osd pool autoscale-status` lists, and all pools: the autoscaler skips every pool when one sits
    /// on a rule whose root overlaps another's.
    func autoscaled() async throws -> (listed: Int, pools: Int) {
        let status = try LabCephStatus.json(try await output(["osd", "pool", "autoscale-status", "--format", "json"]), "autoscale-status")
        let pools = try LabCephStatus.json(try await output(["osd", "pool", "ls", "--format", "json"]), "osd pool ls")
        return ((status as? [Any])?.count ?? 0, (pools as? [Any])?.count ?? 0)
    }

    /// Placement groups on one OSD.
    func placementGroups(on osd: Int) async throws -> Int {
        let listed = try LabCephStatus.json(try await output(["pg", "ls-by-osd", "osd.\(osd)", "--format", "json"]), "pg ls-by-osd")
        return ((listed as? [String: Any])?["pg_stats"] as? [Any])?.count ?? (listed as? [Any])?.count ?? 0
    }

    /// Ids of the OSDs in the data directory with the class each was created for.
    func existingOSDs() -> [(id: Int, deviceClass: String)] {
        let directory = commands.data + "/osd"
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
        return entries.compactMap { entry in
            guard let id = Int(entry), FileManager.default.fileExists(atPath: "\(directory)/\(entry)/mkfs_done"),
                  let deviceClass = try? String(contentsOfFile: "\(directory)/\(entry)/lab-class", encoding: .utf8) else { return nil }
            return (id, deviceClass.trimmingCharacters(in: .whitespacesAndNewlines))
        }.sorted { $0.id < $1.id }
    }
}
