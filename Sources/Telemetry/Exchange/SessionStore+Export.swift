import Foundation

/// Moving statistics between machines as JSON Lines: one object per line, a session with its events or a daily aggregate.
extension SessionStore {
    /// Writes every ended session (with its step events) and every daily aggregate of `period` to `write`, one line each.
    public func export(_ period: ReportPeriod, to write: (String) -> Void) throws(SQLiteError) {
        var events: [String: [[Any]]] = [:]
        try database.each("""
            SELECT e.session, e.seq, e.guide, e.step, e.kind FROM step_event e JOIN session s ON s.id = e.session
            WHERE s.day BETWEEN ?1 AND ?2 AND s.outcome IS NOT NULL ORDER BY e.session, e.seq
            """, [.text(period.from), .text(period.to)]) { row in
            guard let session = row[0].string else { return }
            events[session, default: []].append([row[1].int ?? 0, row[2].string ?? "", row[3].string ?? "", row[4].string ?? ""])
        }
        try database.each("""
            SELECT id, terminal, day, hour, guide, lang, launched_by, steps_seen, furthest_step, backs, helps, outcome,
                duration, last_guide, last_step FROM session WHERE day BETWEEN ?1 AND ?2 AND outcome IS NOT NULL ORDER BY day, id
            """, [.text(period.from), .text(period.to)]) { row in
            let names = ["id", "terminal", "day", "hour", "guide", "lang", "launched_by", "steps_seen", "furthest_step",
                "backs", "helps", "outcome", "duration", "last_guide", "last_step"]
            var object: [String: Any] = ["type": "session"]
            for (name, value) in zip(names, row) { object[name] = Self.json(value) }
            object["events"] = events[row[0].string ?? ""] ?? []
            write(Self.line(object))
        }
        try database.each("""
            SELECT day, hour, terminal, guide, lang, launched_by, outcome, sessions FROM daily WHERE day BETWEEN ?1 AND ?2
            ORDER BY day, hour, terminal, guide, lang, launched_by, outcome
            """, [.text(period.from), .text(period.to)]) { row in
            let names = ["day", "hour", "terminal", "guide", "lang", "launched_by", "outcome", "sessions"]
            var object: [String: Any] = ["type": "daily"]
            for (name, value) in zip(names, row) { object[name] = Self.json(value) }
            write(Self.line(object))
        }
        try database.each("SELECT id, day FROM purged_session WHERE day BETWEEN ?1 AND ?2 ORDER BY day, id",
            [.text(period.from), .text(period.to)]) { row in
            write(Self.line(["type": "purged", "id": Self.json(row[0]), "day": Self.json(row[1])]))
        }
        try database.each("""
            SELECT day, terminal, session_guide, guide, step, reached, left_done, left_staff, left_later, left_lost
            FROM daily_step WHERE day BETWEEN ?1 AND ?2 ORDER BY day, terminal, session_guide, guide, step
            """, [.text(period.from), .text(period.to)]) { row in
            let names = ["day", "terminal", "session_guide", "guide", "step", "reached", "left_done", "left_staff", "left_later", "left_lost"]
            var object: [String: Any] = ["type": "daily_step"]
            for (name, value) in zip(names, row) { object[name] = Self.json(value) }
            write(Self.line(object))
        }
    }

    static func json(_ value: SQLValue) -> Any {
        switch value {
        case .integer(let number): return number
        case .real(let number): return number
        case .text(let text): return text
        case .null: return NSNull()
        }
    }

    static func line(_ object: [String: Any]) -> String {
        guard let data = try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys]) else { return "{}" }
        return String(decoding: data, as: UTF8.self)
    }
}
