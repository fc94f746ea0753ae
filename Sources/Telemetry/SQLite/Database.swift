import CSQLite

/// `SQLITE_TRANSIENT`: SQLite copies bound text at once (the C macro does not import into Swift).
private let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)

/// An open SQLite connection; the only owner of `sqlite3_*` calls in the project.
final class Database {
    private let handle: OpaquePointer
    private var cache: [String: OpaquePointer] = [:]
    let path: String

    /// Opens (and creates, unless `readOnly`) the database at `path`, with a busy timeout. `immutable` reads the main
    /// file alone, with no locks and no `-shm` (SQLite's `immutable=1`): for a reader that may not create files.
    init(path: String, readOnly: Bool = false, immutable: Bool = false, busyTimeoutMilliseconds: Int32 = 5000) throws(SQLiteError) {
        var pointer: OpaquePointer?
        let flags = readOnly || immutable ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE
        // A URI only for immutable: the path is percent-encoded where a URI would read it otherwise.
        let name = immutable ? "file:" + Self.uriPath(path) + "?immutable=1" : path
        let code = sqlite3_open_v2(name, &pointer, flags | SQLITE_OPEN_NOMUTEX | (immutable ? SQLITE_OPEN_URI : 0), nil)
        guard code == SQLITE_OK, let pointer else {
            let message = pointer.map { String(cString: sqlite3_errmsg($0)) } ?? "out of memory"
            if let pointer { sqlite3_close_v2(pointer) }
            throw SQLiteError(extendedCode: code, message: message, context: "opening the database")
        }
        handle = pointer
        self.path = path
        sqlite3_extended_result_codes(handle, 1)
        sqlite3_busy_timeout(handle, busyTimeoutMilliseconds)
        // Closing never checkpoints by itself: after a fault the files stay exactly as they were (a WAL holding
        // committed sessions beside a damaged main file must survive), and a healthy close checkpoints explicitly.
        _ = kiosk_sqlite3_no_checkpoint_on_close(handle)
    }

    /// `path` as the path of a `file:` URI: `%`, `?` and `#` percent-encoded (an absolute path keeps its slashes).
    static func uriPath(_ path: String) -> String {
        var out = ""
        for byte in path.utf8 {
            switch byte {
            case UInt8(ascii: "%"), UInt8(ascii: "?"), UInt8(ascii: "#"), 0..<0x21, 0x7F...: out += String(format: "%%%02X", byte)
            default: out.unicodeScalars.append(Unicode.Scalar(byte))
            }
        }
        return out
    }

    deinit {
        for statement in cache.values { sqlite3_finalize(statement) }
        sqlite3_close_v2(handle)
    }

    private func error(_ code: Int32, _ context: String) -> SQLiteError {
        SQLiteError(extendedCode: code, message: String(cString: sqlite3_errmsg(handle)), context: context,
            systemErrno: sqlite3_system_errno(handle))
    }

    /// Runs one or more statements without parameters (schema, pragmas, transactions).
    func execute(_ sql: String) throws(SQLiteError) {
        let code = sqlite3_exec(handle, sql, nil, nil, nil)
        guard code == SQLITE_OK else { throw error(code, "\(Self.describe(sql))") }
    }

    /// Runs `sql` with `values` bound to its `?` parameters and returns every row.
    /// Statements are prepared once and reused.
    @discardableResult
    func query(_ sql: String, _ values: [SQLValue] = []) throws(SQLiteError) -> [[SQLValue]] {
        var rows: [[SQLValue]] = []
        try each(sql, values) { rows.append($0) }
        return rows
    }

    /// Runs `sql` and calls `body` with each row, without collecting them.
    func each(_ sql: String, _ values: [SQLValue] = [], _ body: ([SQLValue]) -> Void) throws(SQLiteError) {
        try scan(sql, values) { row in
            var values: [SQLValue] = []
            values.reserveCapacity(Int(row.count))
            for column in 0..<row.count {
                if row.isNull(column) {
                    values.append(.null)
                } else if let number = row.integer(column) {
                    values.append(.integer(number))
                } else if let number = row.real(column) {
                    values.append(.real(number))
                } else {
                    values.append(.text(row.text(column).map { String(decoding: $0, as: UTF8.self) } ?? ""))
                }
            }
            body(values)
        }
    }

    /// A row being read, in place: valid only inside the `scan` callback that received it, so an export copies
    /// nothing it does not write.
    struct Row {
        fileprivate let statement: OpaquePointer
        let count: Int32

        func isNull(_ column: Int32) -> Bool { sqlite3_column_type(statement, column) == SQLITE_NULL }

        /// The column as a whole number; nil unless it is stored as one.
        func integer(_ column: Int32) -> Int64? {
            sqlite3_column_type(statement, column) == SQLITE_INTEGER ? sqlite3_column_int64(statement, column) : nil
        }

        func real(_ column: Int32) -> Double? {
            sqlite3_column_type(statement, column) == SQLITE_FLOAT ? sqlite3_column_double(statement, column) : nil
        }

        /// The column's text as UTF-8 bytes (SQLite's own buffer); nil for NULL.
        func text(_ column: Int32) -> UnsafeBufferPointer<UInt8>? {
            guard let pointer = sqlite3_column_text(statement, column) else { return nil }
            return UnsafeBufferPointer(start: pointer, count: Int(sqlite3_column_bytes(statement, column)))
        }
    }

    /// Runs `sql` and calls `body` with each row read in place, without copying it.
    func scan(_ sql: String, _ values: [SQLValue] = [], _ body: (Row) -> Void) throws(SQLiteError) {
        let statement = try prepared(sql)
        defer {
            sqlite3_reset(statement)
            sqlite3_clear_bindings(statement)
        }
        for (index, value) in values.enumerated() {
            let position = Int32(index + 1)
            let code: Int32
            switch value {
            case .integer(let number): code = sqlite3_bind_int64(statement, position, number)
            case .real(let number): code = sqlite3_bind_double(statement, position, number)
            case .text(let text): code = sqlite3_bind_text(statement, position, text, -1, transient)
            case .null: code = sqlite3_bind_null(statement, position)
            }
            guard code == SQLITE_OK else { throw error(code, "binding parameter \(position)") }
        }
        let row = Row(statement: statement, count: sqlite3_column_count(statement))
        while true {
            let code = sqlite3_step(statement)
            if code == SQLITE_DONE { return }
            guard code == SQLITE_ROW else { throw error(code, "\(Self.describe(sql))") }
            body(row)
        }
    }

    private func prepared(_ sql: String) throws(SQLiteError) -> OpaquePointer {
        if let statement = cache[sql] { return statement }
        var statement: OpaquePointer?
        let code = sqlite3_prepare_v3(handle, sql, -1, UInt32(SQLITE_PREPARE_PERSISTENT), &statement, nil)
        guard code == SQLITE_OK, let statement else { throw error(code, "\(Self.describe(sql))") }
        cache[sql] = statement
        return statement
    }

    /// Runs `body` inside `BEGIN IMMEDIATE … COMMIT`, rolling back when it throws.
    func transaction(_ body: () throws(SQLiteError) -> Void) throws(SQLiteError) {
        try execute("BEGIN IMMEDIATE")
        do {
            try body()
            try execute("COMMIT")
        } catch {
            try? execute("ROLLBACK")
            throw error
        }
    }

    /// What a statement does, in words for staff (never the SQL or any value).
    static func describe(_ sql: String) -> String {
        let start = sql.drop(while: { $0 == " " || $0 == "\n" }).prefix(6).uppercased()
        switch start {
        case "SELECT", "WITH R", "PRAGMA": return "reading the statistics"
        case "INSERT", "UPDATE", "DELETE": return "writing the statistics"
        case "CREATE", "ALTER ", "DROP T", "DROP I": return "updating the statistics schema"
        default: return "using the statistics database"
        }
    }

    /// Copies every committed page of the write-ahead log into the main file and empties the log, so the main file
    /// alone holds everything (called on a healthy close; closing itself never checkpoints).
    func checkpoint() throws(SQLiteError) {
        try execute("PRAGMA wal_checkpoint(TRUNCATE)")
    }

    /// Rows changed by the last INSERT, UPDATE or DELETE.
    var changes: Int { Int(sqlite3_changes(handle)) }

    /// The SQLite library version, such as "3.40.1".
    static var libraryVersion: String { String(cString: sqlite3_libversion()) }
}
