import Foundation

extension SessionStore {
    /// Imports a JSON Lines file written by `export`. Every line is checked before anything is written, and the whole
    /// file goes in one transaction. Importing a file again changes nothing:
    /// - a session already here, or already counted in daily totals here (a purged id), is skipped;
    /// - the ids of sessions purged at the source are removed here, since the file's daily totals count them;
    /// - a daily total already here keeps the larger count (a day's totals only grow as its sessions are summed up);
    ///   one that differs is counted in the summary, so staff see it.
    ///
    /// Importing can only add information. Every field is checked before anything is written, and a purge marker
    /// removes a session row here only when the same file counts that session in its daily totals (the session is then
    /// kept as a total, never lost); any other marker for a session here is refused.
    public func importLines(_ text: String, path: String) throws(ExchangeError) -> ImportSummary {
        var parsed: [(line: Int, type: String, values: [SQLValue], events: [[SQLValue]])] = []
        let decoder = JSONDecoder()
        // Lines end at LF (CRLF too); U+2028 and U+2029 are valid inside JSON strings and do not end a line.
        // (Split on scalars: as Characters, "\r\n" is one and would not split at "\n".)
        for (index, scalars) in text.unicodeScalars.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let trimmed = String(String.UnicodeScalarView(scalars)).trimmingCharacters(in: CharacterSet(charactersIn: " \t\r"))
            if trimmed.isEmpty { continue }
            let number = index + 1
            func fail(_ message: String) -> ExchangeError { .line(ImportError(path: path, line: number, message: message)) }
            let data = Data(trimmed.utf8)
            guard let kind = try? decoder.decode(ExchangeLine.Kind.self, from: data) else { throw fail("not a line of a kiosk export") }
            do {
                switch kind.type {
                case "session":
                    let session = try decoder.decode(ExchangeLine.Session.self, from: data)
                    if let problem = session.problem() { throw fail(problem) }
                    let values: [SQLValue] = [.text(session.id), .text(session.terminal), .text(session.day), .integer(Int64(session.hour)),
                        .text(session.guide), .text(session.lang), .text(session.launchedBy), .integer(Int64(session.stepsSeen)),
                        .integer(Int64(session.furthestStep)), .integer(Int64(session.backs)), .integer(Int64(session.helps)),
                        .text(session.outcome), session.duration.map { .integer(Int64($0)) } ?? .null,
                        session.lastGuide.map(SQLValue.text) ?? .null, session.lastStep.map(SQLValue.text) ?? .null,
                        .text(session.communeCode)]
                    let events = session.events.map { [SQLValue.integer(Int64($0.seq)), .text($0.guide), .text($0.step), .text($0.kind)] }
                    parsed.append((number, kind.type, values, events))
                case "daily":
                    let daily = try decoder.decode(ExchangeLine.Daily.self, from: data)
                    if let problem = daily.problem() { throw fail(problem) }
                    parsed.append((number, kind.type, [.text(daily.day), .integer(Int64(daily.hour)), .text(daily.terminal), .text(daily.guide),
                        .text(daily.lang), .text(daily.launchedBy), .text(daily.outcome), .text(daily.communeCode),
                        .integer(Int64(daily.sessions))], []))
                case "daily_step":
                    let step = try decoder.decode(ExchangeLine.DailyStep.self, from: data)
                    if let problem = step.problem() { throw fail(problem) }
                    parsed.append((number, kind.type, [.text(step.day), .text(step.terminal), .text(step.sessionGuide), .text(step.guide),
                        .text(step.step), .text(step.communeCode), .integer(Int64(step.reached)), .integer(Int64(step.leftDone)), .integer(Int64(step.leftStaff)),
                        .integer(Int64(step.leftLater)), .integer(Int64(step.leftLost))], []))
                case "commune":
                    let commune = try decoder.decode(ExchangeLine.Commune.self, from: data)
                    if let problem = commune.problem() { throw fail(problem) }
                    parsed.append((number, kind.type, [.text(commune.code), .text(commune.name), .text(commune.centre)], []))
                case "terminal":
                    let terminal = try decoder.decode(ExchangeLine.Terminal.self, from: data)
                    if let problem = terminal.problem() { throw fail(problem) }
                    parsed.append((number, kind.type, [.text(terminal.terminal), .text(terminal.machine)], []))
                case "purged":
                    let purged = try decoder.decode(ExchangeLine.Purged.self, from: data)
                    if let problem = purged.problem() { throw fail(problem) }
                    parsed.append((number, kind.type, [.text(purged.id), .text(purged.day)], []))
                default:
                    throw fail("unknown line type \"\(ExchangeLine.escape(kind.type))\"")
                }
            } catch let error as ExchangeError {
                throw error
            } catch let error as DecodingError {
                throw fail(Self.explain(error))
            } catch {
                throw fail("not a line of a kiosk export")
            }
        }
        var summary = ImportSummary()
        var failure: ImportError?
        // What the file's own daily totals count, by their key: a purge marker may only turn a session row here into
        // one of these.
        // (A key given twice counts once, as the import keeps the larger of the two.)
        var fileTotals: [[SQLValue]: Int] = [:]
        for item in parsed where item.type == "daily" {
            let key = Array(item.values.prefix(8))
            fileTotals[key] = max(fileTotals[key] ?? 0, Int(item.values[8].int ?? 0))
        }
        var covered: [[SQLValue]: Int] = [:]
        // The totals here before this file: after it, each total must count what was here plus every row it replaced.
        var totalsBefore: [[SQLValue]: Int] = [:]
        for key in fileTotals.keys {
            let here = try? database.query("""
                SELECT sessions FROM daily WHERE day = ? AND hour = ? AND terminal = ? AND guide = ? AND lang = ?
                    AND launched_by = ? AND outcome = ? AND commune_code = ?
                """, key)
            totalsBefore[key] = Int(here?.first?.first?.int ?? 0)
        }
        var purgeLines: [[SQLValue]: Int] = [:]
        var fileTerminals = Set<SQLValue>()
        do throws(SQLiteError) {
            try database.transaction { () throws(SQLiteError) in
                for item in parsed {
                    do throws(SQLiteError) {
                        switch item.type {
                        case "purged":
                            let here = try database.query("""
                                SELECT day, hour, terminal, guide, lang, launched_by, outcome, commune_code FROM session WHERE id = ?
                                """, [item.values[0]])
                            if let row = here.first {
                                // The session is here as a row: it may go only if this file counts it in a daily total of
                                // the same day, hour, terminal, guide, language, launcher and outcome.
                                covered[row, default: 0] += 1
                                purgeLines[row] = item.line
                                guard row[0] == item.values[1], row[6] != .null, covered[row, default: 0] <= fileTotals[row, default: 0] else {
                                    failure = ImportError(path: path, line: item.line, message: "this purge marker names a session that is "
                                        + "here and that the file does not count in its daily totals: importing never removes a session")
                                    throw SQLiteError.foreign("refused purge marker")
                                }
                                try database.query("DELETE FROM session WHERE id = ?", [item.values[0]])
                            }
                            try database.query("INSERT INTO purged_session(id, day) VALUES (?, ?) ON CONFLICT(id) DO NOTHING", item.values)
                            if database.changes == 0 { summary.duplicates += 1 }
                        case "session":
                            let counted = try database.query("SELECT 1 FROM purged_session WHERE id = ?", [item.values[0]])
                            guard counted.isEmpty else {
                                summary.duplicates += 1
                                continue
                            }
                            try database.query("""
                                INSERT INTO session(id, terminal, day, hour, guide, lang, launched_by, steps_seen, furthest_step,
                                    backs, helps, outcome, duration, last_guide, last_step, commune_code)
                                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                                ON CONFLICT(id) DO NOTHING
                                """, item.values)
                            if database.changes == 0 {
                                summary.duplicates += 1
                                continue
                            }
                            summary.sessions += 1
                            for event in item.events {
                                // With the session's guide and day (values 4 and 2 of its line).
                                try database.query("""
                                    INSERT INTO step_event(session, seq, guide, step, kind, session_guide, day) VALUES (?, ?, ?, ?, ?, ?, ?)
                                    """, [item.values[0]] + event + [item.values[4], item.values[2]])
                            }
                        case "commune":
                            // A commune already known keeps its name here: importing only adds.
                            try database.query("INSERT INTO commune(code, name, centre) VALUES (?, ?, ?) ON CONFLICT(code) DO NOTHING",
                                item.values)
                        case "terminal":
                            try database.query("INSERT OR IGNORE INTO terminal_machine(terminal, machine) VALUES (?, ?)", item.values)
                            fileTerminals.insert(item.values[0])
                        case "daily":
                            let existing = try database.query("""
                                SELECT sessions FROM daily WHERE day = ? AND hour = ? AND terminal = ? AND guide = ? AND lang = ?
                                    AND launched_by = ? AND outcome = ? AND commune_code = ?
                                """, Array(item.values.prefix(8)))
                            if existing.first?.first?.int == item.values[8].int {
                                summary.duplicates += 1
                                continue
                            }
                            if !existing.isEmpty { summary.differing += 1 }
                            try database.query("INSERT INTO daily VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) "
                                + "ON CONFLICT DO UPDATE SET sessions = max(sessions, excluded.sessions)", item.values)
                            summary.aggregates += 1
                        default:
                            let existing = try database.query("""
                                SELECT reached, left_done, left_staff, left_later, left_lost FROM daily_step
                                WHERE day = ? AND terminal = ? AND session_guide = ? AND guide = ? AND step = ? AND commune_code = ?
                                """, Array(item.values.prefix(6)))
                            if existing.first == Array(item.values.suffix(5)) {
                                summary.duplicates += 1
                                continue
                            }
                            if !existing.isEmpty { summary.differing += 1 }
                            try database.query("INSERT INTO daily_step VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO UPDATE SET "
                                + "reached = max(reached, excluded.reached), left_done = max(left_done, excluded.left_done), "
                                + "left_staff = max(left_staff, excluded.left_staff), left_later = max(left_later, excluded.left_later), "
                                + "left_lost = max(left_lost, excluded.left_lost)", item.values)
                            summary.aggregates += 1
                        }
                    } catch {
                        if failure == nil, error.isConstraint {
                            failure = ImportError(path: path, line: item.line, message: "a value is not valid for the statistics "
                                + "(ids, codes, dates and counts only)")
                        }
                        throw error
                    }
                }
                // Every session row a purge marker removed is counted in the total that replaced it.
                for (key, removed) in covered {
                    let after = Int(try database.query("""
                        SELECT sessions FROM daily WHERE day = ? AND hour = ? AND terminal = ? AND guide = ? AND lang = ?
                            AND launched_by = ? AND outcome = ? AND commune_code = ?
                        """, key).first?.first?.int ?? 0)
                    if after < (totalsBefore[key] ?? 0) + removed {
                        failure = ImportError(path: path, line: purgeLines[key] ?? 1, message: "the purge markers of this file "
                            + "name sessions that its daily totals do not add to the totals here: importing never removes a session")
                        throw SQLiteError.foreign("refused purge markers")
                    }
                }
            }
        } catch {
            if let failure { throw .line(failure) }
            throw .database(error)
        }
        // Terminal ids of this file that more than one machine uses (here or in the file): said, never refused.
        if let shared = try? sharedTerminals() {
            summary.sharedTerminals = shared.filter { fileTerminals.contains(.text($0.terminal)) }.map(\.terminal)
        }
        return summary
    }

    /// A decoding failure in words for staff: which field is missing or of the wrong kind (never its value).
    static func explain(_ error: DecodingError) -> String {
        func field(_ path: [any CodingKey]) -> String? {
            path.last(where: { $0.intValue == nil })?.stringValue
        }
        let kinds = ["duration": "a whole number or null", "last_guide": "a text or null", "last_step": "a text or null"]
        let numbers: Set<String> = ["hour", "steps_seen", "furthest_step", "backs", "helps", "sessions", "reached", "left_done",
            "left_staff", "left_later", "left_lost"]
        switch error {
        case .keyNotFound(let key, let context):
            let name = field(context.codingPath + [key]) ?? key.stringValue
            return "\"\(name)\" is missing or not \(kinds[name] ?? (numbers.contains(name) ? "a whole number" : "a text"))"
        case .typeMismatch(_, let context), .valueNotFound(_, let context), .dataCorrupted(let context):
            if context.codingPath.contains(where: { $0.stringValue == "events" }) { return "a step event is not [seq, guide, step, kind]" }
            guard let name = field(context.codingPath) else { return "not a line of a kiosk export" }
            return "\"\(name)\" is missing or not \(kinds[name] ?? (numbers.contains(name) ? "a whole number" : "a text"))"
        @unknown default:
            return "not a line of a kiosk export"
        }
    }
}
