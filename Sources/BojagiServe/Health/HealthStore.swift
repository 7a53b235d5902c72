import Foundation
import GRDB

/// The history of health samples in SQLite: one row per component per sample. The file lives in the lab's home
/// (or `$BOJAGI_HOME/records/<cloud>/`), beside what the lab and Tempest record.
public final class HealthStore: Sendable {
    let database: DatabaseQueue
    /// The last row an earlier `serve` left in the history: "latest" means the latest sample of this run, never
    /// one from before (it showed a component down that had been restarted since).
    let earlierRows: Int64

    /// `path` nil keeps the history in memory (a served blueprint without a lab, the tests).
    public init(path: String?) throws {
        database = try path.map { try DatabaseQueue(path: $0) } ?? DatabaseQueue()
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1") { db in
            try db.create(table: "sample") { table in
                table.autoIncrementedPrimaryKey("id")
                table.column("time", .double).notNull().indexed()
                table.column("kind", .text).notNull()
                table.column("name", .text).notNull()
                table.column("state", .text).notNull()
                table.column("detail", .text).notNull()
                table.column("milliseconds", .integer)
                table.column("log", .text)
            }
            try db.create(index: "sample_component", on: "sample", columns: ["kind", "name", "time"])
        }
        try migrator.migrate(database)
        earlierRows = try database.read { try Int64.fetchOne($0, sql: "SELECT COALESCE(MAX(id), 0) FROM sample") ?? 0 }
    }

    public func record(_ sample: HealthSample) async throws {
        try await database.write { db in
            for component in sample.components {
                try db.execute(sql: """
                    INSERT INTO sample (time, kind, name, state, detail, milliseconds, log) VALUES (?, ?, ?, ?, ?, ?, ?)
                    """, arguments: [sample.time.timeIntervalSince1970, component.kind, component.name, component.state.rawValue,
                                     component.detail, component.milliseconds, component.log])
            }
        }
    }

    public func latest() async throws -> HealthSample? {
        try await database.read { db in
            guard let time = try Double.fetchOne(db, sql: "SELECT MAX(time) FROM sample WHERE id > ?", arguments: [self.earlierRows]) else { return nil }
            let rows = try Row.fetchAll(db, sql: "SELECT * FROM sample WHERE time = ? AND id > ? ORDER BY id", arguments: [time, self.earlierRows])
            return HealthSample(time: Date(timeIntervalSince1970: time), components: rows.map(Self.component))
        }
    }

    /// One component's samples, newest first.
    public func history(id: String, limit: Int) async throws -> [(time: Date, health: ComponentHealth)] {
        let parts = id.split(separator: "/", maxSplits: 1).map(String.init)
        guard parts.count == 2 else { return [] }
        return try await database.read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM sample WHERE kind = ? AND name = ? ORDER BY time DESC LIMIT ?",
                             arguments: [parts[0], parts[1], limit]).map { (Date(timeIntervalSince1970: $0["time"]), Self.component($0)) }
        }
    }

    public func count() async throws -> Int {
        try await database.read { try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM sample") ?? 0 }
    }

    static func component(_ row: Row) -> ComponentHealth {
        ComponentHealth(kind: row["kind"], name: row["name"], state: ComponentHealth.State(rawValue: row["state"]) ?? .down,
                        detail: row["detail"], milliseconds: row["milliseconds"], log: row["log"])
    }
}
