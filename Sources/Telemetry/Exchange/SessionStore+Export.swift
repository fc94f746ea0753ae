/// Moving statistics between machines as JSON Lines (docs/exchange.md): a header, then one object per line. An export
/// streams: each line is written as its rows are read, in chunks of 64 KB, so memory stays the same whatever the period.
extension SessionStore {
    /// The size of the chunks handed to the sink.
    static let exportChunk = 1 << 16

    /// The ended sessions of a period with their events, one row per event (a session without events has one row of
    /// NULL event columns), in the order written: the outer loop reads the report index by day and sorts one day at
    /// a time, the inner one reads each session's events by key.
    static let sessionRows = """
        SELECT s.id, s.terminal, s.day, s.hour, s.guide, s.lang, s.launched_by, s.steps_seen, s.furthest_step, s.backs, s.helps,
            s.outcome, s.duration, s.last_guide, s.last_step, s.commune_code, e.seq, e.guide, e.step, e.kind
        FROM session s LEFT JOIN step_event e ON e.session = s.id
        WHERE s.day BETWEEN ?1 AND ?2 AND s.outcome IS NOT NULL ORDER BY s.day, s.id, e.seq
        """

    /// Writes the header, then every commune and terminal, every ended session of `period` with its step events, every
    /// daily total, purge marker and daily funnel total, handing the bytes to `sink` in chunks.
    public func export(_ period: ReportPeriod, header: ExchangeHeader, progress: ((ExchangeProgress) -> Void)? = nil,
        to sink: ([UInt8]) -> Void) throws(ExchangeError) {
        var out = JSONLineWriter(capacity: Self.exportChunk)
        var lines = 0
        func endLine() {
            out.endLine()
            lines += 1
            if out.count >= Self.exportChunk { out.flush(sink) }
        }
        let range: [SQLValue] = [.text(period.from), .text(period.to)]
        do throws(SQLiteError) {
            let total = progress == nil ? 0 : Int(try database.query(
                "SELECT count(*) FROM session WHERE day BETWEEN ?1 AND ?2 AND outcome IS NOT NULL", range).first?.first?.int ?? 0)
            header.write(to: &out)
            lines += 1
            // The names of the communes and the machines of the terminals first: small, and what the rest refers to.
            try database.scan("SELECT code, name, centre FROM commune ORDER BY code") { row in
                out.beginObject()
                out.field("type", "commune")
                out.field("code", utf8: row.text(0))
                out.field("name", utf8: row.text(1))
                out.field("centre", utf8: row.text(2))
                out.endObject()
                endLine()
            }
            try database.scan("SELECT terminal, machine FROM terminal_machine ORDER BY terminal, machine") { row in
                out.beginObject()
                out.field("type", "terminal")
                out.field("terminal", utf8: row.text(0))
                out.field("machine", utf8: row.text(1))
                out.endObject()
                endLine()
            }
            var current: [UInt8] = []
            var sessions = 0
            func closeSession() {
                guard !current.isEmpty else { return }
                out.endArray()
                out.endObject()
                endLine()
                sessions += 1
                if let progress, sessions % 10_000 == 0 { progress(ExchangeProgress(lines: lines, done: sessions, total: total)) }
            }
            try database.scan(Self.sessionRows, range) { row in
                guard let id = row.text(0) else { return }
                if !id.elementsEqual(current) {
                    closeSession()
                    current = Array(id)
                    out.beginObject()
                    out.field("type", "session")
                    out.field("id", utf8: id)
                    out.field("terminal", utf8: row.text(1))
                    out.field("day", utf8: row.text(2))
                    out.field("hour", row.integer(3) ?? 0)
                    out.field("guide", utf8: row.text(4))
                    out.field("lang", utf8: row.text(5))
                    out.field("launched_by", utf8: row.text(6))
                    out.field("steps_seen", row.integer(7) ?? 0)
                    out.field("furthest_step", row.integer(8) ?? 0)
                    out.field("backs", row.integer(9) ?? 0)
                    out.field("helps", row.integer(10) ?? 0)
                    out.field("outcome", utf8: row.text(11))
                    out.field("duration", row.integer(12))
                    out.field("last_guide", utf8: row.text(13))
                    out.field("last_step", utf8: row.text(14))
                    out.field("commune_code", utf8: row.text(15))
                    out.beginArray("events")
                }
                guard let seq = row.integer(16) else { return }
                out.beginObject()
                out.field("seq", seq)
                out.field("guide", utf8: row.text(17))
                out.field("step", utf8: row.text(18))
                out.field("kind", utf8: row.text(19))
                out.endObject()
            }
            closeSession()
            try database.scan("""
                SELECT day, hour, terminal, guide, lang, launched_by, outcome, commune_code, sessions FROM daily
                WHERE day BETWEEN ?1 AND ?2 ORDER BY day, hour, terminal, guide, lang, launched_by, outcome, commune_code
                """, range) { row in
                out.beginObject()
                out.field("type", "daily")
                out.field("day", utf8: row.text(0))
                out.field("hour", row.integer(1) ?? 0)
                out.field("terminal", utf8: row.text(2))
                out.field("guide", utf8: row.text(3))
                out.field("lang", utf8: row.text(4))
                out.field("launched_by", utf8: row.text(5))
                out.field("outcome", utf8: row.text(6))
                out.field("commune_code", utf8: row.text(7))
                out.field("sessions", row.integer(8) ?? 0)
                out.endObject()
                endLine()
            }
            try database.scan("SELECT id, day FROM purged_session WHERE day BETWEEN ?1 AND ?2 ORDER BY day, id", range) { row in
                out.beginObject()
                out.field("type", "purged")
                out.field("id", utf8: row.text(0))
                out.field("day", utf8: row.text(1))
                out.endObject()
                endLine()
            }
            try database.scan("""
                SELECT day, terminal, session_guide, guide, step, commune_code, reached, left_done, left_staff, left_later, left_lost
                FROM daily_step WHERE day BETWEEN ?1 AND ?2 ORDER BY day, terminal, session_guide, guide, step, commune_code
                """, range) { row in
                out.beginObject()
                out.field("type", "daily_step")
                out.field("day", utf8: row.text(0))
                out.field("terminal", utf8: row.text(1))
                out.field("session_guide", utf8: row.text(2))
                out.field("guide", utf8: row.text(3))
                out.field("step", utf8: row.text(4))
                out.field("commune_code", utf8: row.text(5))
                out.field("reached", row.integer(6) ?? 0)
                out.field("left_done", row.integer(7) ?? 0)
                out.field("left_staff", row.integer(8) ?? 0)
                out.field("left_later", row.integer(9) ?? 0)
                out.field("left_lost", row.integer(10) ?? 0)
                out.endObject()
                endLine()
            }
            progress?(ExchangeProgress(lines: lines, done: total, total: total))
        } catch {
            out.flush(sink)
            throw .database(error)
        }
        out.flush(sink)
    }

    /// The export as lines of text, without their line breaks (for tests and the fuzzing harness).
    func export(_ period: ReportPeriod, header: ExchangeHeader = .testing, to write: (String) -> Void) throws(ExchangeError) {
        var pending: [UInt8] = []
        try export(period, header: header) { chunk in
            pending += chunk
            while let end = pending.firstIndex(of: 0x0A) {
                write(String(decoding: pending[..<end], as: UTF8.self))
                pending.removeSubrange(...end)
            }
        }
    }
}

extension ExchangeHeader {
    /// A header for exports made in tests.
    static let testing = ExchangeHeader(kiosk: "0.0.0", communeCode: "", commune: "", centre: "", from: nil, to: nil,
        exportedAt: "2026-12-01T00:00:00Z")
}
