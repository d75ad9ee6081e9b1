import EarshotAggregate
import EarshotModel
import Foundation
import GRDB

/// A history file that cannot be opened or written (exit 74 for write problems, 66 when unreadable).
public enum HistoryError: Error, CustomStringConvertible, Sendable {
    case cannotOpen(path: String, reason: String)
    case cannotWrite(path: String, reason: String)

    public var description: String {
        switch self {
        case let .cannotOpen(path, reason):
            return "\(path): cannot open the history database: \(reason). Fix: check the path, or remove --history to run without trends."
        case let .cannotWrite(path, reason):
            return "\(path): cannot record this run in the history database: \(reason). Fix: check disk space and permissions."
        }
    }
}

/// The local SQLite store of earlier runs' person and layer metrics, for the trends section.
/// Schema changes go through GRDB's migrator; only ids, never names, are stored for people.
public final class HistoryStore {
    private let queue: DatabaseQueue
    public let path: String

    public init(path: String) throws {
        self.path = path
        do {
            var config = Configuration()
            config.busyMode = .timeout(10)
            queue = try DatabaseQueue(path: path, configuration: config)
            try Self.migrator.migrate(queue)
        } catch {
            throw HistoryError.cannotOpen(path: path, reason: "\(error)")
        }
    }

    static var migrator: DatabaseMigrator {
        var m = DatabaseMigrator()
        m.registerMigration("v1: runs, person and layer metrics") { db in
            try db.create(table: "run") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("run_at", .text).notNull()
                t.column("period", .text).notNull()
                t.column("period_from", .text).notNull()
                t.column("period_to", .text).notNull()
                t.column("company", .text).notNull()
                t.column("ceo_share", .double)
                t.column("executive_team_share", .double)
            }
            try db.create(table: "person_metric") { t in
                t.column("run_id", .integer).notNull().references("run", onDelete: .cascade)
                t.column("person_id", .text).notNull()
                t.column("layer", .integer)
                t.column("customer_hours", .double).notNull()
                t.column("share_of_time", .double)
                t.column("contacts", .integer).notNull()
                t.column("cadence_met", .boolean)
                t.primaryKey(["run_id", "person_id"])
            }
            try db.create(table: "layer_metric") { t in
                t.column("run_id", .integer).notNull().references("run", onDelete: .cascade)
                t.column("layer", .integer).notNull()
                t.column("headcount", .integer).notNull()
                t.column("contact_rate", .double)
                t.column("hours_mean", .double)
                t.column("suppressed", .boolean).notNull()
                t.primaryKey(["run_id", "layer"])
            }
        }
        return m
    }

    /// Records one run; returns its id.
    @discardableResult
    public func record(_ metrics: Metrics, company: String, runAt: String) throws -> Int64 {
        do {
            return try queue.write { db in
                try db.execute(sql: """
                    INSERT INTO run (run_at, period, period_from, period_to, company, ceo_share, executive_team_share)
                    VALUES (?, ?, ?, ?, ?, ?, ?)
                    """, arguments: [runAt, metrics.period.description, metrics.period.from.description,
                                     metrics.period.to.description, company, metrics.headline.ceoShare,
                                     metrics.headline.executiveTeamShare])
                let id = db.lastInsertedRowID
                for p in metrics.people {
                    try db.execute(sql: """
                        INSERT OR REPLACE INTO person_metric (run_id, person_id, layer, customer_hours, share_of_time, contacts, cadence_met)
                        VALUES (?, ?, ?, ?, ?, ?, ?)
                        """, arguments: [id, p.personId.isEmpty ? p.email : p.personId, p.layer, p.customerHours, p.shareOfTime,
                                         p.contacts, p.cadenceMet])
                }
                for l in metrics.layers {
                    try db.execute(sql: """
                        INSERT INTO layer_metric (run_id, layer, headcount, contact_rate, hours_mean, suppressed)
                        VALUES (?, ?, ?, ?, ?, ?)
                        """, arguments: [id, l.layer, l.headcount, l.contactRate, l.hoursMean, l.suppressed])
                }
                return id
            }
        } catch {
            throw HistoryError.cannotWrite(path: path, reason: "\(error)")
        }
    }

    /// Earlier runs, oldest first: the last `limit` runs of any period, plus the latest run of each quarter.
    public func trends(limit: Int = 30) throws -> [TrendPoint] {
        do {
            return try queue.read { db in
                let rows = try Row.fetchAll(db, sql: """
                    SELECT id, run_at, period, ceo_share, executive_team_share FROM run
                    WHERE id IN (SELECT id FROM run ORDER BY id DESC LIMIT ?)
                       OR id IN (SELECT MAX(id) FROM run GROUP BY period)
                    ORDER BY id
                    """, arguments: [limit])
                return try rows.map { row in
                    let id: Int64 = row["id"]
                    var layers: [Int: Double] = [:]
                    for l in try Row.fetchAll(db, sql: "SELECT layer, hours_mean FROM layer_metric WHERE run_id = ? AND suppressed = 0",
                                              arguments: [id]) {
                        if let h: Double = l["hours_mean"] { layers[l["layer"]] = h }
                    }
                    return TrendPoint(period: row["period"], runAt: row["run_at"], ceoShare: row["ceo_share"],
                                      executiveTeamShare: row["executive_team_share"], layerHoursMean: layers)
                }
            }
        } catch {
            throw HistoryError.cannotOpen(path: path, reason: "\(error)")
        }
    }

    /// Number of runs recorded.
    public func runCount() throws -> Int {
        try queue.read { try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM run") ?? 0 }
    }
}
