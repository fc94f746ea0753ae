import Foundation

/// Moving statistics between machines as JSON Lines: one object per line, a session with its events or a daily aggregate.
extension SessionStore {
    /// The encoder of every exported line: sorted keys, slashes as they are.
    static func lineEncoder() -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }

    /// Writes every ended session (with its step events) and every daily aggregate of `period` to `write`, one line each.
    public func export(_ period: ReportPeriod, to write: (String) -> Void) throws(ExchangeError) {
        let encoder = Self.lineEncoder()
        var failure: ExchangeError?
        func emit(_ line: some Encodable) {
            guard failure == nil else { return }
            do {
                write(String(decoding: try encoder.encode(line), as: UTF8.self))
            } catch {
                failure = .encoding(String(describing: error))
            }
        }
        let range: [SQLValue] = [.text(period.from), .text(period.to)]
        do {
            // The names of the communes and the machines of the terminals first: small, and what the rest refers to.
            try database.each("SELECT code, name, centre FROM commune ORDER BY code", []) { row in
                emit(ExchangeLine.Commune(code: row[0].string ?? "", name: row[1].string ?? "", centre: row[2].string ?? ""))
            }
            try database.each("SELECT terminal, machine FROM terminal_machine ORDER BY terminal, machine", []) { row in
                emit(ExchangeLine.Terminal(terminal: row[0].string ?? "", machine: row[1].string ?? ""))
            }
            var events: [String: [ExchangeLine.Event]] = [:]
            try database.each("""
                SELECT e.session, e.seq, e.guide, e.step, e.kind FROM step_event e JOIN session s ON s.id = e.session
                WHERE s.day BETWEEN ?1 AND ?2 AND s.outcome IS NOT NULL ORDER BY e.session, e.seq
                """, range) { row in
                guard let session = row[0].string else { return }
                events[session, default: []].append(ExchangeLine.Event(seq: Self.int(row[1]), guide: row[2].string ?? "",
                    step: row[3].string ?? "", kind: row[4].string ?? ""))
            }
            try database.each("""
                SELECT id, terminal, day, hour, guide, lang, launched_by, steps_seen, furthest_step, backs, helps, outcome,
                    duration, last_guide, last_step, commune_code FROM session WHERE day BETWEEN ?1 AND ?2 AND outcome IS NOT NULL ORDER BY day, id
                """, range) { row in
                let id = row[0].string ?? ""
                emit(ExchangeLine.Session(id: id, terminal: row[1].string ?? "", day: row[2].string ?? "", hour: Self.int(row[3]),
                    guide: row[4].string ?? "", lang: row[5].string ?? "", launchedBy: row[6].string ?? "", stepsSeen: Self.int(row[7]),
                    furthestStep: Self.int(row[8]), backs: Self.int(row[9]), helps: Self.int(row[10]), outcome: row[11].string ?? "",
                    duration: row[12].int.map { Int($0) }, lastGuide: row[13].string, lastStep: row[14].string,
                    communeCode: row[15].string ?? "", events: events[id] ?? []))
            }
            try database.each("""
                SELECT day, hour, terminal, guide, lang, launched_by, outcome, commune_code, sessions FROM daily
                WHERE day BETWEEN ?1 AND ?2 ORDER BY day, hour, terminal, guide, lang, launched_by, outcome, commune_code
                """, range) { row in
                emit(ExchangeLine.Daily(day: row[0].string ?? "", hour: Self.int(row[1]), terminal: row[2].string ?? "",
                    guide: row[3].string ?? "", lang: row[4].string ?? "", launchedBy: row[5].string ?? "", outcome: row[6].string ?? "",
                    communeCode: row[7].string ?? "", sessions: Self.int(row[8])))
            }
            try database.each("SELECT id, day FROM purged_session WHERE day BETWEEN ?1 AND ?2 ORDER BY day, id", range) { row in
                emit(ExchangeLine.Purged(id: row[0].string ?? "", day: row[1].string ?? ""))
            }
            try database.each("""
                SELECT day, terminal, session_guide, guide, step, commune_code, reached, left_done, left_staff, left_later, left_lost
                FROM daily_step WHERE day BETWEEN ?1 AND ?2 ORDER BY day, terminal, session_guide, guide, step, commune_code
                """, range) { row in
                emit(ExchangeLine.DailyStep(day: row[0].string ?? "", terminal: row[1].string ?? "", sessionGuide: row[2].string ?? "",
                    guide: row[3].string ?? "", step: row[4].string ?? "", communeCode: row[5].string ?? "", reached: Self.int(row[6]),
                    leftDone: Self.int(row[7]), leftStaff: Self.int(row[8]), leftLater: Self.int(row[9]), leftLost: Self.int(row[10])))
            }
        } catch {
            throw .database(error)
        }
        if let failure { throw failure }
    }

    private static func int(_ value: SQLValue) -> Int { Int(value.int ?? 0) }
}
