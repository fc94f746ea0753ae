import Foundation

/// What `kiosk status` reports about a statistics database, read without writing anything.
public struct StoreHealth: Sendable {
    /// SQLite's `quick_check` verdict ("ok" when healthy).
    public let integrity: String
    /// The schema version of the file (`PRAGMA user_version`).
    public let schemaVersion: Int
    public let sessions: Int
    /// Sessions still without an outcome (in progress, or left by a crash until the next start).
    public let open: Int
    /// The newest day with a session, if any.
    public let lastDay: String?

    /// The schema version this kiosk writes.
    public static var currentSchemaVersion: Int { Schema.currentVersion }

    /// Reads the health of the database at `path`, read-only.
    public static func read(path: String) throws(StoreOpenError) -> StoreHealth {
        if DatabaseFiles.foreignFileProblem(path) != nil { throw .notKiosk(path: path) }
        do {
            let store = try SessionStore(readOnly: path)
            let database = store.database
            // The same test as every other command (on a read-only connection the kiosk's mark is not written).
            try Schema.checkOwnership(database)
            let check = try database.query("PRAGMA quick_check").first?.first?.string ?? "?"
            let version = Int(try database.query("PRAGMA user_version").first?.first?.int ?? 0)
            guard version > 0 else { throw StoreOpenError.notKiosk(path: path) }
            let row = try database.query("SELECT COUNT(*), COUNT(*) FILTER (WHERE outcome IS NULL), MAX(day) FROM session").first ?? []
            return StoreHealth(integrity: check, schemaVersion: version, sessions: Int(row.first?.int ?? 0),
                open: Int(row.count > 1 ? row[1].int ?? 0 : 0), lastDay: row.count > 2 ? row[2].string : nil)
        } catch let error as StoreOpenError {
            throw error
        } catch let error as SQLiteError {
            if error.isForeign || error.message.contains("no such table") { throw StoreOpenError.notKiosk(path: path) }
            throw StoreOpenError.failed(path: path, error)
        } catch {
            throw StoreOpenError.notKiosk(path: path)
        }
    }
}

extension SessionStore {
    /// Opens an existing statistics file for a staff command, after looking at it read-only: another program's
    /// SQLite file, or one from a newer kiosk, is refused and left untouched.
    public static func openExisting(path: String) throws(StoreOpenError) -> SessionStore {
        guard FileManager.default.fileExists(atPath: path) else { throw .missing(path: path) }
        do {
            return try SessionStore(path: path)
        } catch {
            if error.isForeign { throw .notKiosk(path: path) }
            throw .failed(path: path, error)
        }
    }
}
