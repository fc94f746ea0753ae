extension SessionStore {
    /// Deletes session rows and step events of days before `day`, first adding them to the daily aggregates,
    /// so reports and funnels for those days still add up. Returns how many sessions were purged.
    @discardableResult
    public func purge(before day: String) throws(SQLiteError) -> Int {
        // Only sessions of the purged days are closed: a citizen may be in the middle of one today.
        try database.query("UPDATE session SET outcome = 'interrupted' WHERE outcome IS NULL AND day < ?", [.text(day)])
        var purged = 0
        try database.transaction { () throws(SQLiteError) in
            try database.query("""
                INSERT INTO daily(day, hour, terminal, guide, lang, launched_by, outcome, commune_code, sessions)
                SELECT day, hour, terminal, guide, lang, launched_by, outcome, commune_code, COUNT(*) FROM session
                WHERE day < ?1 AND outcome IS NOT NULL GROUP BY day, hour, terminal, guide, lang, launched_by, outcome, commune_code
                ON CONFLICT DO UPDATE SET sessions = sessions + excluded.sessions
                """, [.text(day)])
            try database.query("""
                INSERT INTO daily_step(day, terminal, session_guide, guide, step, commune_code, reached, left_done, left_staff,
                    left_later, left_lost)
                SELECT s.day, s.terminal, s.guide, x.guide, x.step, s.commune_code,
                    SUM(x.reached), SUM(x.done), SUM(x.staff), SUM(x.later), SUM(x.lost)
                FROM (
                    SELECT session, guide, step, 1 AS reached, 0 AS done, 0 AS staff, 0 AS later, 0 AS lost
                        FROM step_event WHERE kind = 'shown' GROUP BY session, guide, step
                    UNION ALL
                    SELECT id, last_guide, last_step, 0, outcome = 'done', outcome = 'staff', outcome = 'later',
                        outcome IN ('abandoned', 'timeout', 'interrupted')
                        FROM session WHERE last_step IS NOT NULL
                    UNION ALL
                    -- The overview (step ''): every session saw it; those that ended with no step left there.
                    SELECT id, guide, '', 1, 0, last_step IS NULL AND outcome = 'staff', last_step IS NULL AND outcome = 'later',
                        last_step IS NULL AND outcome IN ('abandoned', 'timeout', 'interrupted')
                        FROM session
                ) x JOIN session s ON s.id = x.session
                WHERE s.day < ?1 AND s.outcome IS NOT NULL
                GROUP BY s.day, s.terminal, s.guide, x.guide, x.step, s.commune_code
                ON CONFLICT DO UPDATE SET reached = reached + excluded.reached, left_done = left_done + excluded.left_done,
                    left_staff = left_staff + excluded.left_staff, left_later = left_later + excluded.left_later,
                    left_lost = left_lost + excluded.left_lost
                """, [.text(day)])
            try database.query("INSERT OR IGNORE INTO purged_session(id, day) SELECT id, day FROM session WHERE day < ? AND outcome IS NOT NULL",
                [.text(day)])
            try database.query("DELETE FROM session WHERE day < ? AND outcome IS NOT NULL", [.text(day)])
            purged = database.changes
            // Calls for staff are not statistics: ended ones of the purged days just go (days are UTC+7, as everywhere).
            try database.query("""
                DELETE FROM staff_call WHERE ended IS NOT NULL AND called_at < CAST(strftime('%s', ?) AS INTEGER) - 25200
                """, [.text(day)])
        }
        return purged
    }
}
