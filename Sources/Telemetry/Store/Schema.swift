/// The statistics schema and its migrations, versioned with `PRAGMA user_version`.
///
/// Every column holds an id, a code from a fixed list, or a number: `CHECK` constraints make free text impossible.
enum Schema {
    /// SQL that upgrades the schema from version `index` to `index + 1`. Never edit a shipped step; append a new one.
    static let migrations: [String] = [
        // 0 → 1: one row per session, and per-step events for the drop-off funnel.
        """
        CREATE TABLE session(
            id TEXT PRIMARY KEY CHECK (length(id) = 32 AND id NOT GLOB '*[^0-9a-f]*'),
            terminal TEXT NOT NULL CHECK (length(terminal) BETWEEN 1 AND 40 AND terminal NOT GLOB '*[^A-Za-z0-9_-]*'),
            day TEXT NOT NULL CHECK (day GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
            hour INTEGER NOT NULL CHECK (hour BETWEEN 0 AND 23),
            guide TEXT NOT NULL CHECK (length(guide) BETWEEN 1 AND 60 AND guide NOT GLOB '*[^a-z0-9-]*'),
            lang TEXT NOT NULL CHECK (length(lang) BETWEEN 2 AND 3 AND lang NOT GLOB '*[^a-z]*'),
            launched_by TEXT NOT NULL CHECK (launched_by IN ('self', 'volunteer')),
            steps_seen INTEGER NOT NULL DEFAULT 0 CHECK (steps_seen >= 0),
            furthest_step INTEGER NOT NULL DEFAULT 0 CHECK (furthest_step >= 0),
            backs INTEGER NOT NULL DEFAULT 0 CHECK (backs >= 0),
            helps INTEGER NOT NULL DEFAULT 0 CHECK (helps >= 0),
            outcome TEXT CHECK (outcome IN ('done', 'staff', 'later', 'abandoned', 'timeout', 'interrupted')),
            duration INTEGER CHECK (duration >= 0 AND duration % 10 = 0)
        ) STRICT;
        CREATE INDEX session_day ON session(day);
        CREATE TABLE step_event(
            session TEXT NOT NULL REFERENCES session(id) ON DELETE CASCADE,
            seq INTEGER NOT NULL CHECK (seq >= 0),
            guide TEXT NOT NULL CHECK (length(guide) BETWEEN 1 AND 60 AND guide NOT GLOB '*[^a-z0-9-]*'),
            step TEXT NOT NULL CHECK (length(step) BETWEEN 1 AND 130 AND step NOT GLOB '*[^a-z0-9.-]*'),
            kind TEXT NOT NULL CHECK (kind IN ('shown', 'back', 'help')),
            PRIMARY KEY (session, seq)
        ) STRICT, WITHOUT ROWID;
        """,
        // 1 → 2: where each session ended (for the funnel), and daily aggregates that survive `kiosk purge`.
        """
        ALTER TABLE session ADD COLUMN last_guide TEXT CHECK (last_guide IS NULL OR
            (length(last_guide) BETWEEN 1 AND 60 AND last_guide NOT GLOB '*[^a-z0-9-]*'));
        ALTER TABLE session ADD COLUMN last_step TEXT CHECK (last_step IS NULL OR
            (length(last_step) BETWEEN 1 AND 130 AND last_step NOT GLOB '*[^a-z0-9.-]*'));
        CREATE TABLE daily(
            day TEXT NOT NULL, hour INTEGER NOT NULL, terminal TEXT NOT NULL, guide TEXT NOT NULL, lang TEXT NOT NULL,
            launched_by TEXT NOT NULL, outcome TEXT NOT NULL, sessions INTEGER NOT NULL CHECK (sessions > 0),
            PRIMARY KEY (day, hour, terminal, guide, lang, launched_by, outcome)
        ) STRICT, WITHOUT ROWID;
        CREATE TABLE daily_step(
            day TEXT NOT NULL, terminal TEXT NOT NULL, session_guide TEXT NOT NULL, guide TEXT NOT NULL, step TEXT NOT NULL,
            reached INTEGER NOT NULL, left_done INTEGER NOT NULL, left_staff INTEGER NOT NULL,
            left_later INTEGER NOT NULL, left_lost INTEGER NOT NULL,
            PRIMARY KEY (day, terminal, session_guide, guide, step)
        ) STRICT, WITHOUT ROWID;
        """,
        // 2 → 3: reports read only this covering index, not the table (a province-year is 10 million rows).
        """
        CREATE INDEX session_report ON session(day, outcome, guide, lang, launched_by, terminal, hour);
        DROP INDEX session_day;
        """,
        // 3 → 4: the daily totals get the same checks as sessions (imports could otherwise carry free text), and the
        // ids of purged sessions are kept so an import can tell an already counted session from a new one.
        """
        CREATE TABLE daily_checked(
            day TEXT NOT NULL CHECK (day GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
            hour INTEGER NOT NULL CHECK (hour BETWEEN 0 AND 23),
            terminal TEXT NOT NULL CHECK (length(terminal) BETWEEN 1 AND 40 AND terminal NOT GLOB '*[^A-Za-z0-9_-]*'),
            guide TEXT NOT NULL CHECK (length(guide) BETWEEN 1 AND 60 AND guide NOT GLOB '*[^a-z0-9-]*'),
            lang TEXT NOT NULL CHECK (length(lang) BETWEEN 2 AND 3 AND lang NOT GLOB '*[^a-z]*'),
            launched_by TEXT NOT NULL CHECK (launched_by IN ('self', 'volunteer')),
            outcome TEXT NOT NULL CHECK (outcome IN ('done', 'staff', 'later', 'abandoned', 'timeout', 'interrupted')),
            sessions INTEGER NOT NULL CHECK (sessions > 0),
            PRIMARY KEY (day, hour, terminal, guide, lang, launched_by, outcome)
        ) STRICT, WITHOUT ROWID;
        INSERT INTO daily_checked SELECT * FROM daily;
        DROP TABLE daily;
        ALTER TABLE daily_checked RENAME TO daily;
        CREATE TABLE daily_step_checked(
            day TEXT NOT NULL CHECK (day GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
            terminal TEXT NOT NULL CHECK (length(terminal) BETWEEN 1 AND 40 AND terminal NOT GLOB '*[^A-Za-z0-9_-]*'),
            session_guide TEXT NOT NULL CHECK (length(session_guide) BETWEEN 1 AND 60 AND session_guide NOT GLOB '*[^a-z0-9-]*'),
            guide TEXT NOT NULL CHECK (length(guide) BETWEEN 1 AND 60 AND guide NOT GLOB '*[^a-z0-9-]*'),
            step TEXT NOT NULL CHECK (length(step) BETWEEN 1 AND 130 AND step NOT GLOB '*[^a-z0-9.-]*'),
            reached INTEGER NOT NULL CHECK (reached >= 0), left_done INTEGER NOT NULL CHECK (left_done >= 0),
            left_staff INTEGER NOT NULL CHECK (left_staff >= 0), left_later INTEGER NOT NULL CHECK (left_later >= 0),
            left_lost INTEGER NOT NULL CHECK (left_lost >= 0),
            PRIMARY KEY (day, terminal, session_guide, guide, step)
        ) STRICT, WITHOUT ROWID;
        INSERT INTO daily_step_checked SELECT * FROM daily_step;
        DROP TABLE daily_step;
        ALTER TABLE daily_step_checked RENAME TO daily_step;
        CREATE TABLE purged_session(
            id TEXT PRIMARY KEY CHECK (length(id) = 32 AND id NOT GLOB '*[^0-9a-f]*'),
            day TEXT NOT NULL CHECK (day GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]')
        ) STRICT, WITHOUT ROWID;
        """,
        // 4 → 5: calls for staff, for the board: which terminal, where in which guide, since when, how it ended.
        // Operational, not statistics: never exported; ended calls go with `kiosk purge`.
        """
        CREATE TABLE staff_call(
            id INTEGER PRIMARY KEY,
            terminal TEXT NOT NULL CHECK (length(terminal) BETWEEN 1 AND 40 AND terminal NOT GLOB '*[^A-Za-z0-9_-]*'),
            guide TEXT CHECK (guide IS NULL OR (length(guide) BETWEEN 1 AND 60 AND guide NOT GLOB '*[^a-z0-9-]*')),
            step TEXT CHECK (step IS NULL OR (length(step) BETWEEN 1 AND 130 AND step NOT GLOB '*[^a-z0-9.-]*')),
            step_index INTEGER CHECK (step_index IS NULL OR step_index > 0),
            called_at INTEGER NOT NULL CHECK (called_at >= 0),
            ended_at INTEGER CHECK (ended_at IS NULL OR ended_at >= 0),
            ended TEXT CHECK (ended IS NULL OR ended IN ('answered', 'left'))
        ) STRICT;
        CREATE INDEX staff_call_open ON staff_call(called_at) WHERE ended IS NULL;
        """,
        // 5 → 6: who counted what. Every session and every daily total carries the commune's official code (five
        // digits; '' for rows written before it was configured); the commune's name and centre are kept once per
        // code. Which machine uses which terminal id (a hash, never the machine id itself), so that an import can
        // tell two machines that share one id. The overview gets a funnel line of its own in the daily totals
        // (step ''), for the citizens who leave there. Each step event carries its session's guide and day (facts of
        // the session that never change), so that funnels and the places people stop are counted from one index over
        // a province-year of events, never by looking up each session; and the report index covers where each
        // session ended.
        """
        ALTER TABLE session ADD COLUMN commune_code TEXT NOT NULL DEFAULT '' CHECK (commune_code = '' OR
            (length(commune_code) = 5 AND commune_code NOT GLOB '*[^0-9]*'));
        CREATE TABLE commune(
            code TEXT PRIMARY KEY CHECK (length(code) = 5 AND code NOT GLOB '*[^0-9]*'),
            name TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 100 AND name NOT GLOB ('*[' || char(1) || '-' || char(31) || char(127) || ']*')),
            centre TEXT NOT NULL CHECK (length(centre) <= 100 AND centre NOT GLOB ('*[' || char(1) || '-' || char(31) || char(127) || ']*'))
        ) STRICT, WITHOUT ROWID;
        CREATE TABLE terminal_machine(
            terminal TEXT NOT NULL CHECK (length(terminal) BETWEEN 1 AND 40 AND terminal NOT GLOB '*[^A-Za-z0-9_-]*'),
            machine TEXT NOT NULL CHECK (length(machine) = 16 AND machine NOT GLOB '*[^0-9a-f]*'),
            PRIMARY KEY (terminal, machine)
        ) STRICT, WITHOUT ROWID;
        CREATE TABLE daily_commune(
            day TEXT NOT NULL CHECK (day GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
            hour INTEGER NOT NULL CHECK (hour BETWEEN 0 AND 23),
            terminal TEXT NOT NULL CHECK (length(terminal) BETWEEN 1 AND 40 AND terminal NOT GLOB '*[^A-Za-z0-9_-]*'),
            guide TEXT NOT NULL CHECK (length(guide) BETWEEN 1 AND 60 AND guide NOT GLOB '*[^a-z0-9-]*'),
            lang TEXT NOT NULL CHECK (length(lang) BETWEEN 2 AND 3 AND lang NOT GLOB '*[^a-z]*'),
            launched_by TEXT NOT NULL CHECK (launched_by IN ('self', 'volunteer')),
            outcome TEXT NOT NULL CHECK (outcome IN ('done', 'staff', 'later', 'abandoned', 'timeout', 'interrupted')),
            commune_code TEXT NOT NULL CHECK (commune_code = '' OR (length(commune_code) = 5 AND commune_code NOT GLOB '*[^0-9]*')),
            sessions INTEGER NOT NULL CHECK (sessions > 0),
            PRIMARY KEY (day, hour, terminal, guide, lang, launched_by, outcome, commune_code)
        ) STRICT, WITHOUT ROWID;
        INSERT INTO daily_commune SELECT day, hour, terminal, guide, lang, launched_by, outcome, '', sessions FROM daily;
        DROP TABLE daily;
        ALTER TABLE daily_commune RENAME TO daily;
        CREATE TABLE daily_step_commune(
            day TEXT NOT NULL CHECK (day GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
            terminal TEXT NOT NULL CHECK (length(terminal) BETWEEN 1 AND 40 AND terminal NOT GLOB '*[^A-Za-z0-9_-]*'),
            session_guide TEXT NOT NULL CHECK (length(session_guide) BETWEEN 1 AND 60 AND session_guide NOT GLOB '*[^a-z0-9-]*'),
            guide TEXT NOT NULL CHECK (length(guide) BETWEEN 1 AND 60 AND guide NOT GLOB '*[^a-z0-9-]*'),
            step TEXT NOT NULL CHECK (step = '' OR (length(step) BETWEEN 1 AND 130 AND step NOT GLOB '*[^a-z0-9.-]*')),
            commune_code TEXT NOT NULL CHECK (commune_code = '' OR (length(commune_code) = 5 AND commune_code NOT GLOB '*[^0-9]*')),
            reached INTEGER NOT NULL CHECK (reached >= 0), left_done INTEGER NOT NULL CHECK (left_done >= 0),
            left_staff INTEGER NOT NULL CHECK (left_staff >= 0), left_later INTEGER NOT NULL CHECK (left_later >= 0),
            left_lost INTEGER NOT NULL CHECK (left_lost >= 0),
            PRIMARY KEY (day, terminal, session_guide, guide, step, commune_code)
        ) STRICT, WITHOUT ROWID;
        INSERT INTO daily_step_commune SELECT day, terminal, session_guide, guide, step, '', reached, left_done, left_staff,
            left_later, left_lost FROM daily_step;
        DROP TABLE daily_step;
        ALTER TABLE daily_step_commune RENAME TO daily_step;
        -- A kiosk without a configured terminal id gets a new one from this release on: sessions its crash left
        -- open under the old id would never be closed by it, so every open session is closed here, as at a restart.
        UPDATE session SET outcome = 'interrupted',
            last_guide = (SELECT guide FROM step_event e WHERE e.session = session.id AND e.kind = 'shown' ORDER BY seq DESC LIMIT 1),
            last_step = (SELECT step FROM step_event e WHERE e.session = session.id AND e.kind = 'shown' ORDER BY seq DESC LIMIT 1)
            WHERE outcome IS NULL;
        ALTER TABLE step_event ADD COLUMN session_guide TEXT NOT NULL DEFAULT '' CHECK (session_guide = '' OR
            (length(session_guide) BETWEEN 1 AND 60 AND session_guide NOT GLOB '*[^a-z0-9-]*'));
        ALTER TABLE step_event ADD COLUMN day TEXT NOT NULL DEFAULT '' CHECK (day = '' OR
            day GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]');
        UPDATE step_event SET (session_guide, day) = (SELECT guide, day FROM session WHERE id = step_event.session);
        -- The report indexes, each read in its own order so that SQLite groups as it reads and never sorts millions
        -- of rows: the breakdowns (day first, for the period), where sessions stopped (guide first), the communes and
        -- terminals a period covers, and the events of one guide's sessions, step by step.
        CREATE INDEX step_event_report ON step_event(session_guide, guide, step, session, day, kind);
        CREATE INDEX session_open ON session(day) WHERE outcome IS NULL;
        DROP INDEX session_report;
        CREATE INDEX session_report ON session(day, outcome, guide, lang, launched_by, commune_code, terminal, hour);
        CREATE INDEX session_stops ON session(guide, outcome, last_guide, last_step, day);
        CREATE INDEX session_place ON session(commune_code, terminal, day);
        """,
    ]

    /// The version a fully migrated database has.
    static var currentVersion: Int { migrations.count }

    /// Applies every pending migration, each in its own `BEGIN IMMEDIATE` transaction with its new `user_version`.
    static func migrate(_ db: Database) throws(SQLiteError) {
        let version = try userVersion(db)
        guard version <= currentVersion else {
            throw SQLiteError.foreign("the database is from a newer kiosk (schema \(version), this kiosk knows \(currentVersion))")
        }
        for index in version..<currentVersion {
            try db.execute("BEGIN IMMEDIATE")
            do {
                // Another kiosk process may have migrated while this one waited for the lock.
                if try userVersion(db) > index {
                    try db.execute("COMMIT")
                    continue
                }
                try db.execute(migrations[index])
                try db.execute("PRAGMA user_version = \(index + 1)")
                try db.execute("COMMIT")
            } catch {
                try? db.execute("ROLLBACK")
                throw error
            }
        }
    }

    /// The kiosk's mark in the database header (`PRAGMA application_id`): "KIOS".
    static let applicationID: Int64 = 0x4B49_4F53

    /// Refuses a file that is not the kiosk's: another application's id, or tables without the kiosk's schema
    /// version and `session` table. A new, empty file or a kiosk file of an older release is the kiosk's; it gets
    /// the mark, so it is recognised from then on.
    static func checkOwnership(_ db: Database) throws(SQLiteError) {
        let id = try db.query("PRAGMA application_id").first?.first?.int ?? 0
        let version = try userVersion(db)
        // A newer kiosk's file is refused before anything is written to it, the mark included.
        if version > currentVersion {
            throw .foreign("the database is from a newer kiosk (schema \(version), this kiosk knows \(currentVersion))")
        }
        if id == applicationID { return }
        if id != 0 { throw .foreign("another program's SQLite database (application id \(id)); it was left untouched") }
        let tables = try db.query("SELECT name FROM sqlite_master WHERE type = 'table'").compactMap { $0.first?.string }
        let columns = tables.contains("session")
            ? Set(try db.query("SELECT name FROM pragma_table_info('session')").compactMap { $0.first?.string }) : []
        let kiosk = version >= 1 && tables.contains("step_event")
            && ["id", "terminal", "day", "hour", "guide", "lang", "launched_by", "outcome"].allSatisfy(columns.contains)
        if !tables.isEmpty && !kiosk {
            throw .foreign("another program's SQLite database (its tables are not the kiosk's); it was left untouched")
        }
        // Marking may fail on a read-only file; the file is the kiosk's either way.
        try? db.execute("PRAGMA application_id = \(applicationID)")
    }

    static func userVersion(_ db: Database) throws(SQLiteError) -> Int {
        Int(try db.query("PRAGMA user_version").first?.first?.int ?? 0)
    }
}
