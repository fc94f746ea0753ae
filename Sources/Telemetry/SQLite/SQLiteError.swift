import CSQLite

/// A failed SQLite call: the result code (`SQLITE_BUSY`, `SQLITE_FULL`, …), SQLite's message and what was being done.
///
/// Only SQL text and SQLite's own message are kept; bound values never appear in errors.
public struct SQLiteError: Error, CustomStringConvertible, Sendable {
    /// The primary result code (`code & 0xFF` of the extended code).
    public let code: Int32
    public let message: String
    public let context: String

    public var description: String { "\(context): \(message) (SQLite code \(code))" }

    /// The database is locked by another process (`SQLITE_BUSY`, `SQLITE_LOCKED`).
    public var isBusy: Bool { code == SQLITE_BUSY || code == SQLITE_LOCKED }
    /// The disk or the file-size limit is full (`SQLITE_FULL`).
    public var isFull: Bool { code == SQLITE_FULL }
    /// The file is not a database or is damaged (`SQLITE_CORRUPT`, `SQLITE_NOTADB`).
    public var isCorrupt: Bool { code == SQLITE_CORRUPT || code == SQLITE_NOTADB }
    /// The file or its directory cannot be written (`SQLITE_READONLY`, `SQLITE_CANTOPEN`, `SQLITE_PERM`).
    public var isReadOnly: Bool { code == SQLITE_READONLY || code == SQLITE_CANTOPEN || code == SQLITE_PERM }
}
