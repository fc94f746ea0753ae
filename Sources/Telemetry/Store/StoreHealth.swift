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
            let store = try SessionStore.reading(path)
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
    ///
    /// An account that may only read the file (staff in the kiosk's group, docs/operations.md) gets a read-only
    /// store: reports, export and status work, nothing is written. While the kiosk runs, its `-wal` and `-shm` are
    /// there and SQLite reads through them; without a `-wal` no kiosk has the file open, and the main file alone
    /// holds every session, so it is read as it is (`immutable`), needing no file of its own beside it.
    public static func openExisting(path: String) throws(StoreOpenError) -> SessionStore {
        guard FileManager.default.fileExists(atPath: path) else { throw .missing(path: path) }
        if !canWrite(path) {
            let store: SessionStore
            let version: Int
            do {
                store = try reading(path)
                try Schema.checkOwnership(store.database)
                version = try Schema.userVersion(store.database)
            } catch {
                if error.isForeign { throw .notKiosk(path: path) }
                throw .failed(path: path, error)
            }
            guard version == Schema.currentVersion else {
                throw .failed(path: path, .foreign("the database has schema \(version) and this kiosk reads "
                    + "\(Schema.currentVersion); it is upgraded when the kiosk next starts (this account may only read it)"))
            }
            return store
        }
        do {
            return try SessionStore(path: path)
        } catch {
            if error.isForeign { throw .notKiosk(path: path) }
            throw .failed(path: path, error)
        }
    }

    /// True when this account may write the file (root may write any file on a writable disk).
    static func canWrite(_ path: String) -> Bool { access(path, W_OK) == 0 }

    /// A read-only store over `path`: through the kiosk's `-wal` and `-shm` when they are there, else the main file
    /// alone (no kiosk has it open: a writer always has its `-wal`).
    static func reading(_ path: String) throws(SQLiteError) -> SessionStore {
        try SessionStore(readOnly: path, immutable: !FileManager.default.fileExists(atPath: path + "-wal")
            && access((path as NSString).deletingLastPathComponent.isEmpty ? "." : (path as NSString).deletingLastPathComponent, W_OK) != 0)
    }
}
