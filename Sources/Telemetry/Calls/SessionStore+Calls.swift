extension SessionStore {
    /// Opens a call for staff at `terminal` and returns its id. One terminal has one open call: an earlier one still
    /// open there (the kiosk was restarted) ends as left first.
    public func openCall(terminal: String, guide: String?, step: String?, stepIndex: Int?, at seconds: Int64) throws(SQLiteError) -> Int64 {
        var id: Int64 = 0
        try database.transaction { () throws(SQLiteError) in
            try database.query("UPDATE staff_call SET ended = 'left', ended_at = ?2 WHERE terminal = ?1 AND ended IS NULL",
                [.text(terminal), .integer(seconds)])
            let rows = try database.query("""
                INSERT INTO staff_call(terminal, guide, step, step_index, called_at) VALUES (?, ?, ?, ?, ?) RETURNING id
                """, [.text(terminal), guide.map(SQLValue.text) ?? .null, step.map(SQLValue.text) ?? .null,
                    stepIndex.map { .integer(Int64($0)) } ?? .null, .integer(seconds)])
            id = rows.first?.first?.int ?? 0
        }
        return id
    }

    /// Moves open call `id` to where the citizen is now (they pressed the staff key again, or asked for staff at the end).
    /// False when the call is no longer open.
    @discardableResult
    public func updateCall(_ id: Int64, guide: String?, step: String?, stepIndex: Int?) throws(SQLiteError) -> Bool {
        try database.query("UPDATE staff_call SET guide = ?2, step = ?3, step_index = ?4 WHERE id = ?1 AND ended IS NULL",
            [.integer(id), guide.map(SQLValue.text) ?? .null, step.map(SQLValue.text) ?? .null,
                stepIndex.map { .integer(Int64($0)) } ?? .null])
        return database.changes > 0
    }

    /// Ends call `id` as `answered` or `left` unless it already ended; true when this ended it.
    @discardableResult
    public func endCall(_ id: Int64, answered: Bool, at seconds: Int64) throws(SQLiteError) -> Bool {
        try database.query("UPDATE staff_call SET ended = ?2, ended_at = ?3 WHERE id = ?1 AND ended IS NULL",
            [.integer(id), .text(answered ? "answered" : "left"), .integer(seconds)])
        return database.changes > 0
    }

    /// Ends every call still open at `terminal` as left (the kiosk there restarted: nobody waits at it any more).
    public func endOpenCalls(terminal: String, at seconds: Int64) throws(SQLiteError) {
        try database.query("UPDATE staff_call SET ended = 'left', ended_at = ?2 WHERE terminal = ?1 AND ended IS NULL",
            [.text(terminal), .integer(seconds)])
    }

    /// True while call `id` is open (nobody answered it on the board).
    public func isCallOpen(_ id: Int64) throws(SQLiteError) -> Bool {
        try !database.query("SELECT 1 FROM staff_call WHERE id = ? AND ended IS NULL", [.integer(id)]).isEmpty
    }

    /// Every open call, the longest waiting first.
    public func openCalls() throws(SQLiteError) -> [StaffCall] {
        try database.query("""
            SELECT id, terminal, guide, step, step_index, called_at FROM staff_call WHERE ended IS NULL ORDER BY called_at, id
            """).map { row in
            StaffCall(id: row[0].int ?? 0, terminal: row[1].string ?? "", guide: row[2].string, step: row[3].string,
                stepIndex: row[4].int.map { Int($0) }, calledAt: row[5].int ?? 0)
        }
    }
}
