import Foundation
import BojagiCore
import BojagiOpenStack

/// The resume record of `bojagi drill upgrade`, `<home>/upgrade-progress.json`, rewritten atomically after
/// every step: which upgrade is under way, the steps done (with their seconds and what they found), the data made
/// before the upgrade, and the step that failed last. A second run reads it and continues after the last step done.
public struct UpgradeProgress: Sendable, Hashable, Codable {
    public struct Done: Sendable, Hashable, Codable {
        public let step: String
        public let seconds: Double
        public let detail: String
        /// The run that did it: a resumed upgrade reports the steps earlier runs did with their own run.
        public let run: String
    }

    public struct Failure: Sendable, Hashable, Codable {
        public let step: String
        public let message: String
        public let log: String?
        /// How the cloud was left: the controller back in rotation on its old venv, or drained with the others serving.
        public let serving: String
    }

    public var from: String
    public var to: String
    /// The target release's venv.
    public var venv: String
    /// The first run of this upgrade.
    public var runID: String
    public var done: [Done] = []
    public var failure: Failure?
    /// What the make-data step made, so the check after the upgrade (perhaps in a later run) knows what to look for.
    public var data: UpgradeData.Made?
    /// What the check-data step found.
    public var checks: [UpgradeData.Check]?

    public init(from: String, to: String, venv: String, runID: String) {
        self.from = from
        self.to = to
        self.venv = venv
        self.runID = runID
    }

    public static let fileName = "upgrade-progress.json"

    public var doneIDs: Set<String> { Set(done.map(\.step)) }

    public var finished: Bool { doneIDs.contains(UpgradeStep(.finish).id) }

    mutating func record(_ step: UpgradeStep, seconds: Double, detail: String, run: String) {
        done.removeAll { $0.step == step.id }
        done.append(Done(step: step.id, seconds: seconds, detail: detail, run: run))
        failure = nil
    }

    public func file() throws -> RenderedFile { RenderedFile(path: Self.fileName, contents: try JSON.encode(self)) }

    public static func load(home: String) throws -> UpgradeProgress? {
        let path = "\(home)/\(fileName)"
        guard let data = FileManager.default.contents(atPath: path) else { return nil }
        do { return try JSON.decode(UpgradeProgress.self, from: data) } catch {
            throw LabFailure("lab", step: "upgrade", message: "\(path) is unreadable (\(error))",
                             fix: "move it away to start the upgrade over (a half-done upgrade then starts from its first step)")
        }
    }
}

/// Why `bojagi drill upgrade` will not start, each with its fix. Pure: the command and the runner ask before
/// anything changes.
public enum UpgradeRules {
    /// An unfinished upgrade to another release.
    public static func inProgress(_ progress: UpgradeProgress?, to target: String, home: String) throws {
        guard let progress, !progress.finished, progress.to != target else { return }
        let last = progress.done.last.map { "; done up to '\($0.step)'" } ?? ""
        throw LabFailure("lab", step: "upgrade", message: "an upgrade from \(progress.from) to \(progress.to) is in progress\(last)",
                         fix: "finish it first: bojagi drill upgrade --to \(progress.to) --home \(home)")
    }

    /// The lab already runs the target (and no upgrade to it is half done).
    public static func alreadyOn(_ release: String, target: String, progress: UpgradeProgress?) throws {
        guard release == target, progress.map({ $0.to != target || $0.finished }) ?? true else { return }
        throw LabFailure("lab", step: "upgrade", message: "the HA lab already runs \(target)",
                         fix: "nothing to do; `bojagi upgrade plan --to RELEASE` names the releases after \(target)")
    }

    /// The planner's route must be one hop; a route it refuses or blocks is refused with its reasons.
    public static func route(_ plan: UpgradePlan, from: String, to target: String) throws {
        let hops = plan.hops.map { "\($0.from.label) → \($0.to.label)" }
        guard plan.hops.count == 1 else {
            let through = plan.hops.dropLast().map { $0.to.id ?? $0.to.name }
            throw LabFailure("lab", step: "upgrade", message: "\(from) → \(target) is not one hop: the upgrade planner's route is \(hops.joined(separator: ", then "))"
                             + " (non-SLURP releases go to the next release, SLURP releases to the next SLURP release)",
                             fix: "upgrade one hop at a time: bojagi drill upgrade --to \(through.first ?? target) first")
        }
        if plan.blocked {
            let errors = plan.findings.filter { $0.severity == .error }.map { "\($0.id): \($0.message)" }
            throw LabFailure("lab", step: "upgrade", message: "the upgrade planner blocks \(from) → \(target): " + errors.joined(separator: "; "),
                             fix: "see `bojagi upgrade plan --to \(target)` for each blocker's fix")
        }
    }

    /// The lab's health before the upgrade starts (or continues): every process alive, the clusters whole, every API answering.
    public static func healthy(_ status: HALabStatus, home: String) throws {
        guard !status.healthy else { return }
        let gone = status.processes.filter { !$0.alive }.map { "\($0.node)/\($0.service)" }
        let silent = status.apis.filter { !$0.answers }.map(\.service)
        var why: [String] = []
        if status.processes.isEmpty { why.append("it is not up") }
        if !gone.isEmpty { why.append("not running: \(gone.joined(separator: ", "))") }
        if !silent.isEmpty { why.append("not answering through the VIP: \(silent.joined(separator: ", "))") }
        if status.galeraClusterSize != 3 { why.append("Galera cluster size \(status.galeraClusterSize.map(String.init) ?? "?")") }
        if status.rabbitmqRunningNodes != 3 { why.append("RabbitMQ running nodes \(status.rabbitmqRunningNodes.map(String.init) ?? "?")") }
        if status.vipHolder == nil { why.append("nobody holds the VIP") }
        if !status.cephHealthy { why.append("Ceph degraded") }
        throw LabFailure("lab", step: "upgrade", message: "the HA lab in \(home) is not healthy: " + (why.isEmpty ? "see its status" : why.joined(separator: "; ")),
                         fix: "bojagi drill lab status --home \(home); bring it up healthy (bojagi drill lab up FILE) before upgrading")
    }
}
