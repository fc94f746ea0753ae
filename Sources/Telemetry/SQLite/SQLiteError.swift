import CSQLite

/// A failed SQLite call: the extended result code, SQLite's message and what was being done.
///
/// Only SQL text and SQLite's own message are kept; bound values never appear in errors.
public struct SQLiteError: Error, CustomStringConvertible, Sendable {
    /// The extended result code (`SQLITE_CONSTRAINT_PRIMARYKEY`, `SQLITE_IOERR_WRITE`, …).
    let extendedCode: Int32
    public let message: String
    let context: String

    init(extendedCode: Int32, message: String, context: String) {
        self.extendedCode = extendedCode
        self.message = message
        self.context = context
    }

    /// The primary result code (`SQLITE_BUSY`, `SQLITE_FULL`, …): the low byte of the extended code.
    var code: Int32 { extendedCode & 0xFF }

    public var description: String {
        isForeign ? "\(context): \(message)" : "\(context): \(message) (SQLite code \(extendedCode))"
    }

    /// The database is locked by another process (`SQLITE_BUSY`, `SQLITE_LOCKED`).
    public var isBusy: Bool { code == SQLITE_BUSY || code == SQLITE_LOCKED }
    /// The disk or the file-size limit is full (`SQLITE_FULL`).
    public var isFull: Bool { code == SQLITE_FULL }
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
}
