import Foundation
import GRDB

/// The run records: `$BOJAGI_HOME/runs.sqlite`, its schema kept by GRDB's `DatabaseMigrator`.
public final class RunStore: Sendable {
    private let queue: DatabaseQueue

    /// Opens (or creates) the database at `path` and brings its schema up to date.
    public init(path: String) throws {
        try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        queue = try DatabaseQueue(path: path)
        try Self.migrator.migrate(queue)
    }

    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1: runs and steps") { db in
            try db.create(table: "run") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("operation", .text).notNull()
                t.column("user", .text).notNull()
                t.column("started", .datetime).notNull()
                t.column("ended", .datetime)
                t.column("status", .text).notNull()
                t.column("blueprint", .text).notNull()
                t.column("blueprintHash", .text).notNull()
                t.column("directory", .text).notNull()
                t.column("renderHash", .text).notNull()
                t.column("renderHashEnd", .text)
                t.column("resumes", .integer).references("run")
            }
            try db.create(table: "step") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("runId", .integer).notNull().indexed().references("run", onDelete: .cascade)
                t.column("position", .integer).notNull()
                t.column("name", .text).notNull()
                t.column("definition", .text).notNull()
                t.column("status", .text).notNull()
                t.column("started", .datetime)
                t.column("ended", .datetime)
                t.column("exitStatus", .integer)
                t.column("logFile", .text)
                t.column("failingTask", .text)
                t.uniqueKey(["runId", "position"])
            }
        }
        return migrator
    }

    /// Records a new run and its planned steps (all pending); returns the run with its id.
    public func start(_ run: RunRecord, steps: [EngineStepJSON]) throws -> (RunRecord, [StepRecord]) {
        try queue.write { db in
            var run = run
            try run.insert(db)
            var records: [StepRecord] = []
            for (position, step) in steps.enumerated() {
                var record = StepRecord(runId: run.id!, position: position, step: step)
                try record.insert(db)
                records.append(record)
            }
            return (run, records)
        }
    }

    public func update(_ step: StepRecord) throws {
        try queue.write { db in try step.update(db) }
    }

    public func update(_ run: RunRecord) throws {
        try queue.write { db in try run.update(db) }
    }

    /// Runs still marked running although no process holds the engine's lock (the caller holds it now): their
    /// process ended without recording it (a signal, a crash). They become failed at the step that was running,
    /// so `resume` can continue them. Returns their ids.
    public func failInterrupted(at date: Date) throws -> [Int64] {
        try queue.write { db in
            let stale = try RunRecord.filter(Column("status") == RunRecord.Status.running.rawValue).fetchAll(db)
            for var run in stale {
                run.status = .failed
                run.ended = date
                try run.update(db)
                let steps = try StepRecord.filter(Column("runId") == run.id! && Column("status") == StepRecord.Status.running.rawValue).fetchAll(db)
                for var step in steps {
                    step.status = .failed
                    step.ended = date
                    step.failingTask = "interrupted: the bojagi process ended during this step"
                    try step.update(db)
                }
            }
            return stale.compactMap(\.id)
        }
    }

    /// The newest runs first.
    public func runs(limit: Int = 50) throws -> [RunRecord] {
        try queue.read { db in
            try RunRecord.order(Column("id").desc).limit(limit).fetchAll(db)
        }
    }

    public func run(_ id: Int64) throws -> RunRecord? {
        try queue.read { db in try RunRecord.fetchOne(db, key: id) }
    }

    public func steps(of run: Int64) throws -> [StepRecord] {
        try queue.read { db in
            try StepRecord.filter(Column("runId") == run).order(Column("position")).fetchAll(db)
        }
    }

    /// The newest failed run, what `bojagi resume` without an id continues.
    public func lastFailed() throws -> RunRecord? {
        try queue.read { db in
            try RunRecord.filter(Column("status") == RunRecord.Status.failed.rawValue).order(Column("id").desc).fetchOne(db)
        }
    }

    /// Whether a later run already continued `run`.
    public func resumed(_ run: Int64) throws -> RunRecord? {
        try queue.read { db in
            try RunRecord.filter(Column("resumes") == run).order(Column("id").desc).fetchOne(db)
        }
    }

    /// The runs on `directory` that succeeded, oldest first.
    public func succeeded(directory: String) throws -> [RunRecord] {
        try queue.read { db in
            try RunRecord.filter(Column("directory") == directory && Column("status") == RunRecord.Status.succeeded.rawValue)
                .order(Column("id")).fetchAll(db)
        }
    }
}
