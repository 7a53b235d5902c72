import Foundation
import GRDB

/// One run of the engine: what it did to which directory, who started it, and how it ended.
public struct RunRecord: Codable, Sendable, Hashable, FetchableRecord, MutablePersistableRecord {
    public enum Status: String, Codable, Sendable, DatabaseValueConvertible {
        case running, succeeded, failed
    }

    public static let databaseTableName = "run"

    public var id: Int64?
    /// `deploy`, `add-host cmp04`, `upgrade --to 2026.2`.
    public var operation: String
    public var user: String
    public var started: Date
    public var ended: Date?
    public var status: Status
    public var blueprint: String
    public var blueprintHash: String
    public var directory: String
    /// The directory's hash when the run started, and after its last step (what `resume` compares).
    public var renderHash: String
    public var renderHashEnd: String?
    /// The run this one continues (`bojagi resume`).
    public var resumes: Int64?

    public init(operation: String, user: String, started: Date, blueprint: String, blueprintHash: String,
                directory: String, renderHash: String, resumes: Int64? = nil) {
        self.operation = operation
        self.user = user
        self.started = started
        self.status = .running
        self.blueprint = blueprint
        self.blueprintHash = blueprintHash
        self.directory = directory
        self.renderHash = renderHash
        self.resumes = resumes
    }

    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

/// One step of a run: its exact command, when it ran, how it ended and where its output is.
public struct StepRecord: Codable, Sendable, Hashable, FetchableRecord, MutablePersistableRecord {
    public enum Status: String, Codable, Sendable, DatabaseValueConvertible {
        case pending, running, succeeded, failed
    }

    public static let databaseTableName = "step"

    public var id: Int64?
    public var runId: Int64
    /// Position in the run, from 0.
    public var position: Int
    public var name: String
    /// The step as planned (argv, environment, working directory, limit…), JSON: what `resume` runs again.
    public var definition: String
    public var status: Status
    public var started: Date?
    public var ended: Date?
    public var exitStatus: Int32?
    public var logFile: String?
    /// The Ansible task that failed, with its host: `[cmp04] nova-cell : Waiting for nova-compute services to register themselves`.
    public var failingTask: String?

    public init(runId: Int64, position: Int, step: EngineStepJSON) {
        self.runId = runId
        self.position = position
        self.name = step.step.name
        self.definition = step.text
        self.status = .pending
    }

    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }

    /// The planned step this record holds.
    public func step() throws -> EngineStepJSON { try EngineStepJSON(text: definition) }
}
