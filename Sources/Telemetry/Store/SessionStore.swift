/// The anonymous session store: writes each session when it starts, at each step, and when it ends.
public final class SessionStore {
    let database: Database
    /// Set after a fault: the files are left exactly as they are (no checkpoint on release).
    private var abandoned = false

    /// Opens (creating if needed) the store at `path`: WAL, `synchronous=FULL`, foreign keys, migrations.
    /// The kiosk uses a short busy timeout so a locked database never keeps a citizen waiting.
    public init(path: String, busyTimeoutMilliseconds: Int32 = 5000) throws(SQLiteError) {
        // A file that is not SQLite at all (a configuration named as the database by mistake) is not the kiosk's:
        // refused before SQLite opens it, unless a WAL beside it shows it was a kiosk database whose header broke.
        if let problem = DatabaseFiles.foreignFileProblem(path) { throw .foreign(problem) }
        database = try Database(path: path, busyTimeoutMilliseconds: busyTimeoutMilliseconds)
        do {
            // Before anything is written (even the journal mode): another program's file is left as it is.
            try Schema.checkOwnership(database)
            try database.execute("PRAGMA journal_mode = WAL")
            try database.execute("PRAGMA synchronous = FULL")
            try database.execute("PRAGMA foreign_keys = ON")
            try Schema.migrate(database)
        } catch {
            // A refused or failing file is left exactly as it is: no checkpoint on release either.
            abandoned = true
            throw error
        }
    }

    /// A read-only store over an existing file (reports, export, status): nothing is created or migrated.
    /// `immutable` reads the main file alone, for an account that may create no `-shm` beside it.
    init(readOnly path: String, immutable: Bool = false) throws(SQLiteError) {
        database = try Database(path: path, readOnly: true, immutable: immutable)
        abandoned = true
    }

    /// A healthy store checkpoints as it goes, so the main file alone holds every committed session.
    deinit {
        if !abandoned { try? database.checkpoint() }
    }

    /// Leaves the files untouched from now on (after a fault: no checkpoint into a damaged file).
    public func abandon() { abandoned = true }

    /// A new random session id: 128 random bits as 32 hex digits, derived from nothing about anyone.
    public static func newSessionID() -> String {
        var generator = SystemRandomNumberGenerator()
        func hex(_ value: UInt64) -> String {
            let digits = String(value, radix: 16)
            return String(repeating: "0", count: 16 - digits.count) + digits
        }
        return hex(generator.next()) + hex(generator.next())
    }

    /// Performs one write of the session log. A retried begin or step whose row is already there (a primary-key
    /// conflict) was written before and succeeds; any other failure, other constraints included, is thrown.
    public func apply(_ write: SessionWrite) throws(SQLiteError) {
        do throws(SQLiteError) {
            switch write {
            case .begin(let start): try begin(start)
            case .step(let session, let seq, let guide, let step, let kind, let counts):
                try self.step(session: session, seq: seq, guide: guide, step: step, kind: kind, counts: counts)
            case .end(let session, let outcome, let seconds, let lastGuide, let lastStep, let counts):
                try end(session: session, outcome: outcome, seconds: seconds, lastGuide: lastGuide, lastStep: lastStep, counts: counts)
                // An end that found no row is not written: the session's row must be re-created first.
                if database.changes == 0 { throw SQLiteError.missingSession() }
            }
        } catch where error.isPrimaryKeyConflict {
            return
        }
    }

    /// Writes the session row (its outcome stays empty until it ends).
    func begin(_ session: SessionStart) throws(SQLiteError) {
        try database.transaction { () throws(SQLiteError) in
            // A session already summed into daily totals (purged) is counted there: never as a row again.
            guard try database.query("SELECT 1 FROM purged_session WHERE id = ?", [.text(session.id)]).isEmpty else { return }
            try database.query("""
                INSERT INTO session(id, terminal, day, hour, guide, lang, launched_by, commune_code) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                """, [.text(session.id), .text(session.terminal), .text(session.day), .integer(Int64(session.hour)),
                    .text(session.guide), .text(session.language), .text(session.launchedBy.rawValue), .text(session.communeCode)])
        }
    }

    /// Records one step event and the session's new counts, in one transaction.
    func step(session: String, seq: Int, guide: String, step: String, kind: StepKind, counts: SessionCounts) throws(SQLiteError) {
        try database.transaction { () throws(SQLiteError) in
            // The session's guide and day come from its row; no row (a database replaced mid-session) writes nothing
            // and is said as a missing session, so the recorder re-creates the row first.
            try database.query("""
                INSERT INTO step_event(session, seq, guide, step, kind, session_guide, day)
                SELECT ?1, ?2, ?3, ?4, ?5, guide, day FROM session WHERE id = ?1
                """, [.text(session), .integer(Int64(seq)), .text(guide), .text(step), .text(kind.rawValue)])
            if database.changes == 0 { throw SQLiteError.missingSession() }
            try database.query("UPDATE session SET steps_seen = ?, furthest_step = ?, backs = ?, helps = ? WHERE id = ?",
                [.integer(Int64(counts.stepsSeen)), .integer(Int64(counts.furthestStep)), .integer(Int64(counts.backs)),
                    .integer(Int64(counts.helps)), .text(session)])
        }
    }

    /// Completes the session: outcome, duration rounded to 10 s, and the step it ended on.
    func end(session: String, outcome: StoredOutcome, seconds: Int?, lastGuide: String?, lastStep: String?,
        counts: SessionCounts) throws(SQLiteError) {
        let rounded = seconds.map { Int64(($0 + 5) / 10 * 10) }
        try database.transaction { () throws(SQLiteError) in
            try database.query("""
                UPDATE session SET outcome = ?, duration = ?, last_guide = ?, last_step = ?,
                    steps_seen = ?, furthest_step = ?, backs = ?, helps = ? WHERE id = ?
                """, [.text(outcome.rawValue), rounded.map(SQLValue.integer) ?? .null, lastGuide.map(SQLValue.text) ?? .null,
                    lastStep.map(SQLValue.text) ?? .null, .integer(Int64(counts.stepsSeen)),
                    .integer(Int64(counts.furthestStep)), .integer(Int64(counts.backs)), .integer(Int64(counts.helps)),
                    .text(session)])
        }
    }

    /// Closes the sessions of `terminal` left open by a crash or a power cut as interrupted; returns how many. Only
    /// that terminal's: another terminal sharing the database may be guiding a citizen right now, and its session is
    /// in progress, not lost. (Nil: every open session, for tools that merge finished databases.)
    @discardableResult
    public func closeOpenSessions(terminal: String? = nil) throws(SQLiteError) -> Int {
        var closed = 0
        try database.transaction { () throws(SQLiteError) in
            try database.query("""
                UPDATE session SET outcome = 'interrupted',
                    last_guide = (SELECT guide FROM step_event e WHERE e.session = session.id AND e.kind = 'shown' ORDER BY seq DESC LIMIT 1),
                    last_step = (SELECT step FROM step_event e WHERE e.session = session.id AND e.kind = 'shown' ORDER BY seq DESC LIMIT 1)
                WHERE outcome IS NULL AND (?1 IS NULL OR terminal = ?1)
                """, [terminal.map(SQLValue.text) ?? .null])
            closed = database.changes
        }
        return closed
    }
}
