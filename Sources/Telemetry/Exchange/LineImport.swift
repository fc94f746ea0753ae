/// One file being imported, a line at a time, inside one transaction: the state an import keeps between lines is a
/// few counters and two temporary tables, so memory stays the same whatever the file's size.
///
/// Importing a file again changes nothing: a session already here, or already counted in daily totals here (a purged
/// id), is skipped; a daily total already here keeps the larger count (a day's totals only grow), and one that
/// differs is counted in the summary so staff see it. A purge marker removes a session row here only when the same
/// file counts that session in its daily totals; that is checked when the file ends, against the totals the file
/// gave and the totals here before it.
struct LineImport {
    let database: Database
    let path: String
    var summary = ImportSummary()
    /// The file's format version: 1 until a header says otherwise.
    var version = ExchangeHeader.Version(major: 1, minor: 0)
    var fileTerminals = Set<String>()

    init(database: Database, path: String) throws(SQLiteError) {
        (self.database, self.path) = (database, path)
        // What this file's daily totals count, and what was here before them; and the session rows its purge markers
        // removed, by the key of the total that must count them.
        try database.execute("""
            CREATE TEMP TABLE IF NOT EXISTS import_total(day, hour, terminal, guide, lang, launched_by, outcome, commune_code,
                sessions, before, PRIMARY KEY (day, hour, terminal, guide, lang, launched_by, outcome, commune_code));
            CREATE TEMP TABLE IF NOT EXISTS import_cover(day, hour, terminal, guide, lang, launched_by, outcome, commune_code,
                removed, line, PRIMARY KEY (day, hour, terminal, guide, lang, launched_by, outcome, commune_code));
            DELETE FROM import_total;
            DELETE FROM import_cover;
            """)
    }

    private func fail(_ line: Int, _ message: String) -> ExchangeError { .line(ImportError(path: path, line: line, message: message)) }

    /// Reads and writes one line (already trimmed, not empty).
    mutating func consume(_ bytes: UnsafeBufferPointer<UInt8>, line: Int) throws(ExchangeError) {
        let value: JSONValue
        do {
            value = try JSONParser.parse(bytes)
        } catch {
            throw fail(line, error.message == "not valid JSON" ? "not a line of a kiosk export" : "not a line of a kiosk export (\(error.message))")
        }
        guard case .object(let pairs) = value, case .string(let type)? = JSONFields(pairs: pairs).value("type") else {
            throw fail(line, "not a line of a kiosk export")
        }
        let fields = JSONFields(pairs: pairs)
        func read<T>(_ make: (JSONFields) throws(JSONFields.Problem) -> T) throws(ExchangeError) -> T {
            do {
                return try make(fields)
            } catch {
                throw fail(line, error.message)
            }
        }
        switch type {
        case "header": version = try read(ExchangeHeader.read).version
        case "session": try session(try read(ExchangeLine.Session.init), line: line)
        case "daily": try daily(try read(ExchangeLine.Daily.init), line: line)
        case "daily_step": try dailyStep(try read(ExchangeLine.DailyStep.init), line: line)
        case "purged": try purged(try read(ExchangeLine.Purged.init), line: line)
        case "commune":
            let commune = try read(ExchangeLine.Commune.init)
            if let problem = commune.problem() { throw fail(line, problem) }
            // A commune already known keeps its name here: importing only adds.
            try write(line, "INSERT INTO commune(code, name, centre) VALUES (?, ?, ?) ON CONFLICT(code) DO NOTHING",
                [.text(commune.code), .text(commune.name), .text(commune.centre)])
        case "terminal":
            let terminal = try read(ExchangeLine.Terminal.init)
            if let problem = terminal.problem() { throw fail(line, problem) }
            try write(line, "INSERT OR IGNORE INTO terminal_machine(terminal, machine) VALUES (?, ?)",
                [.text(terminal.terminal), .text(terminal.machine)])
            fileTerminals.insert(terminal.terminal)
        default:
            // A newer minor version may add line types, which this kiosk skips and counts; in a version it knows,
            // an unknown type is a damaged file.
            guard version > ExchangeHeader.current else { throw fail(line, "unknown line type \"\(ExchangeLine.escape(type))\"") }
            summary.skipped += 1
        }
    }

    private func write(_ line: Int, _ sql: String, _ values: [SQLValue]) throws(ExchangeError) {
        do {
            try database.query(sql, values)
        } catch {
            throw constraintOr(error, line)
        }
    }

    private mutating func session(_ session: ExchangeLine.Session, line: Int) throws(ExchangeError) {
        if let problem = session.problem() { throw fail(line, problem) }
        do throws(SQLiteError) {
            let id = SQLValue.text(session.id)
            guard try database.query("SELECT 1 FROM purged_session WHERE id = ?", [id]).isEmpty else {
                summary.duplicates += 1
                return
            }
            try database.query("""
                INSERT INTO session(id, terminal, day, hour, guide, lang, launched_by, steps_seen, furthest_step,
                    backs, helps, outcome, duration, last_guide, last_step, commune_code)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT(id) DO NOTHING
                """, [id, .text(session.terminal), .text(session.day), .integer(Int64(session.hour)), .text(session.guide),
                    .text(session.lang), .text(session.launchedBy), .integer(Int64(session.stepsSeen)),
                    .integer(Int64(session.furthestStep)), .integer(Int64(session.backs)), .integer(Int64(session.helps)),
                    .text(session.outcome), session.duration.map { .integer(Int64($0)) } ?? .null,
                    session.lastGuide.map(SQLValue.text) ?? .null, session.lastStep.map(SQLValue.text) ?? .null,
                    .text(session.communeCode)])
            guard database.changes > 0 else {
                summary.duplicates += 1
                return
            }
            summary.sessions += 1
            let guide = SQLValue.text(session.guide), day = SQLValue.text(session.day)
            for event in session.events {
                // With the session's guide and day, which the funnel reads from the event's own index.
                try database.query("INSERT INTO step_event(session, seq, guide, step, kind, session_guide, day) VALUES (?, ?, ?, ?, ?, ?, ?)",
                    [id, .integer(Int64(event.seq)), .text(event.guide), .text(event.step), .text(event.kind), guide, day])
            }
        } catch {
            throw constraintOr(error, line)
        }
    }

    private func constraintOr(_ error: SQLiteError, _ line: Int) -> ExchangeError {
        error.isConstraint ? fail(line, "a value is not valid for the statistics (ids, codes, dates and counts only)") : .database(error)
    }

    private static let dailyKey = "day = ? AND hour = ? AND terminal = ? AND guide = ? AND lang = ? AND launched_by = ? AND outcome = ? AND commune_code = ?"

    private mutating func daily(_ daily: ExchangeLine.Daily, line: Int) throws(ExchangeError) {
        if let problem = daily.problem() { throw fail(line, problem) }
        let key: [SQLValue] = [.text(daily.day), .integer(Int64(daily.hour)), .text(daily.terminal), .text(daily.guide), .text(daily.lang),
            .text(daily.launchedBy), .text(daily.outcome), .text(daily.communeCode)]
        let sessions = SQLValue.integer(Int64(daily.sessions))
        do throws(SQLiteError) {
            let existing = try database.query("SELECT sessions FROM daily WHERE " + Self.dailyKey, key).first?.first
            // The file's total, and (the first time the file names this key) what was here before it.
            try database.query("INSERT INTO import_total VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
                + "ON CONFLICT DO UPDATE SET sessions = max(sessions, excluded.sessions)", key + [sessions, existing ?? .integer(0)])
            if existing == sessions {
                summary.duplicates += 1
                return
            }
            if existing != nil { summary.differing += 1 }
            try database.query("INSERT INTO daily VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO UPDATE SET sessions = max(sessions, excluded.sessions)",
                key + [sessions])
            summary.aggregates += 1
        } catch {
            throw constraintOr(error, line)
        }
    }

    private mutating func dailyStep(_ step: ExchangeLine.DailyStep, line: Int) throws(ExchangeError) {
        if let problem = step.problem() { throw fail(line, problem) }
        let key: [SQLValue] = [.text(step.day), .text(step.terminal), .text(step.sessionGuide), .text(step.guide), .text(step.step),
            .text(step.communeCode)]
        let counts: [SQLValue] = [step.reached, step.leftDone, step.leftStaff, step.leftLater, step.leftLost].map { .integer(Int64($0)) }
        do throws(SQLiteError) {
            let existing = try database.query("""
                SELECT reached, left_done, left_staff, left_later, left_lost FROM daily_step
                WHERE day = ? AND terminal = ? AND session_guide = ? AND guide = ? AND step = ? AND commune_code = ?
                """, key)
            if existing.first == counts {
                summary.duplicates += 1
                return
            }
            if !existing.isEmpty { summary.differing += 1 }
            try database.query("INSERT INTO daily_step VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO UPDATE SET "
                + "reached = max(reached, excluded.reached), left_done = max(left_done, excluded.left_done), "
                + "left_staff = max(left_staff, excluded.left_staff), left_later = max(left_later, excluded.left_later), "
                + "left_lost = max(left_lost, excluded.left_lost)", key + counts)
            summary.aggregates += 1
        } catch {
            throw constraintOr(error, line)
        }
    }

    private static let refusedMarker = "this purge marker names a session that is here and that the file does not count in its daily "
        + "totals: importing never removes a session"

    private mutating func purged(_ purged: ExchangeLine.Purged, line: Int) throws(ExchangeError) {
        if let problem = purged.problem() { throw fail(line, problem) }
        let id = SQLValue.text(purged.id)
        let here: [SQLValue]?
        do {
            here = try database.query("""
                SELECT day, hour, terminal, guide, lang, launched_by, outcome, commune_code FROM session WHERE id = ?
                """, [id]).first
        } catch {
            throw constraintOr(error, line)
        }
        if let row = here {
            // The session is here as a row: it may go only if this file counts it in a daily total of the same day, hour,
            // terminal, guide, language, launcher and outcome (checked when the file ends).
            guard row[0] == .text(purged.day), row[6] != .null else { throw fail(line, Self.refusedMarker) }
            try write(line, "INSERT INTO import_cover VALUES (?, ?, ?, ?, ?, ?, ?, ?, 1, ?) "
                + "ON CONFLICT DO UPDATE SET removed = removed + 1, line = excluded.line", row + [.integer(Int64(line))])
            try write(line, "DELETE FROM session WHERE id = ?", [id])
        }
        try write(line, "INSERT INTO purged_session(id, day) VALUES (?, ?) ON CONFLICT(id) DO NOTHING", [id, .text(purged.day)])
        if database.changes == 0 { summary.duplicates += 1 }
    }

    /// Checks, when the file has ended, that every session row a purge marker removed is counted by the file's totals
    /// and in the total that replaced it here.
    func finish() throws(ExchangeError) {
        let rows: [[SQLValue]]
        do {
            rows = try database.query("""
                SELECT c.removed, c.line, coalesce(t.sessions, 0), coalesce(t.before, d.sessions, 0) + c.removed, coalesce(d.sessions, 0)
                FROM import_cover c
                LEFT JOIN import_total t USING (day, hour, terminal, guide, lang, launched_by, outcome, commune_code)
                LEFT JOIN daily d USING (day, hour, terminal, guide, lang, launched_by, outcome, commune_code)
                ORDER BY c.line
                """)
        } catch {
            throw .database(error)
        }
        for row in rows {
            let (removed, line, fileTotal, needed, after) = (row[0].int ?? 0, Int(row[1].int ?? 1), row[2].int ?? 0, row[3].int ?? 0, row[4].int ?? 0)
            if removed > fileTotal { throw fail(line, Self.refusedMarker) }
            if after < needed {
                throw fail(line, "the purge markers of this file name sessions that its daily totals do not add to the totals "
                    + "here: importing never removes a session")
            }
        }
        do {
            try database.execute("DELETE FROM import_total; DELETE FROM import_cover;")
        } catch {
            throw .database(error)
        }
    }
}
