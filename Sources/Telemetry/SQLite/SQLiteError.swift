import CSQLite

/// A failed SQLite call: the extended result code, SQLite's message and what was being done.
///
/// Only SQL text and SQLite's own message are kept; bound values never appear in errors.
public struct SQLiteError: Error, CustomStringConvertible, Sendable {
    /// The extended result code (`SQLITE_CONSTRAINT_PRIMARYKEY`, `SQLITE_IOERR_WRITE`, …).
    let extendedCode: Int32
    public let message: String
    let context: String
    /// The operating system's error number behind an I/O error (`ENOSPC` for a full disk), 0 when none.
    let systemErrno: Int32

    init(extendedCode: Int32, message: String, context: String, systemErrno: Int32 = 0) {
        self.extendedCode = extendedCode
        self.message = message
        self.context = context
        self.systemErrno = systemErrno
    }

    /// The primary result code (`SQLITE_BUSY`, `SQLITE_FULL`, …): the low byte of the extended code.
    public var code: Int32 { extendedCode & 0xFF }

    public var description: String {
        isForeign ? "\(context): \(message)"
            : "\(context): \(message) (SQLite code \(extendedCode)" + (systemErrno != 0 ? ", system error \(systemErrno))" : ")")
    }

    /// The database is locked by another process (`SQLITE_BUSY`, `SQLITE_LOCKED`).
    public var isBusy: Bool { code == SQLITE_BUSY || code == SQLITE_LOCKED }
    /// The disk, the quota or the file-size limit is full (`SQLITE_FULL`, or an I/O error whose cause is `ENOSPC`,
    /// `EDQUOT` or `EFBIG`: SQLite reports a full disk during a write as "disk I/O error").
    public var isFull: Bool { code == SQLITE_FULL || (code == SQLITE_IOERR && [28, 122, 27].contains(systemErrno)) }
    /// An I/O error that is not a full disk (a failing disk, a file changed under the kiosk): reopening may help.
    public var isIOError: Bool { code == SQLITE_IOERR && !isFull }
    /// A step event whose session row is missing (`SQLITE_CONSTRAINT_FOREIGNKEY`), or an end that found no row.
    public var isMissingSession: Bool { extendedCode == Self.constraintForeignKey || extendedCode == Self.missingSessionRow }
    /// The file is not a database or is damaged (`SQLITE_CORRUPT`, `SQLITE_NOTADB`).
    public var isCorrupt: Bool { code == SQLITE_CORRUPT || code == SQLITE_NOTADB }
    /// The file or its directory cannot be written (`SQLITE_READONLY`, `SQLITE_CANTOPEN`, `SQLITE_PERM`).
    public var isReadOnly: Bool { code == SQLITE_READONLY || code == SQLITE_CANTOPEN || code == SQLITE_PERM }
    /// A row with this primary key exists already (`SQLITE_CONSTRAINT_PRIMARYKEY`): for a retried write, it was
    /// written before. Any other constraint failure is a real fault.
    var isPrimaryKeyConflict: Bool { extendedCode == Self.constraintPrimaryKey }
    /// Some constraint refused the row (`SQLITE_CONSTRAINT_*`).
    public var isConstraint: Bool { code == SQLITE_CONSTRAINT }

    /// The file is a SQLite database of another program (or of a newer kiosk): it is never written.
    public var isForeign: Bool { extendedCode == Self.foreignDatabase }

    /// Not a SQLite code: the kiosk's own "this is not a kiosk statistics file".
    static let foreignDatabase: Int32 = 0x4B_0000

    /// The error for a file the kiosk must leave alone.
    static func foreign(_ reason: String) -> SQLiteError {
        SQLiteError(extendedCode: foreignDatabase, message: reason, context: "opening the statistics")
    }

    /// `SQLITE_CONSTRAINT_PRIMARYKEY` (the C macro does not import into Swift).
    static let constraintPrimaryKey = SQLITE_CONSTRAINT | (6 << 8)
    /// `SQLITE_CONSTRAINT_FOREIGNKEY`.
    static let constraintForeignKey = SQLITE_CONSTRAINT | (3 << 8)
    /// Not a SQLite code: an update of a session found no row.
    static let missingSessionRow: Int32 = 0x4C_0000

    /// The error for an end whose session row is not in the file.
    static func missingSession() -> SQLiteError {
        SQLiteError(extendedCode: missingSessionRow, message: "the session's row is not in the file", context: "writing the statistics")
    }
}
