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

/// What an import did.
public struct ImportSummary: Sendable, Equatable {
    public var sessions = 0
    public var aggregates = 0
    /// Lines already present (imported before): skipped, so importing a file twice changes nothing.
    public var duplicates = 0
}

/// A line of an import file that could not be used, with its place.
public struct ImportError: Error, Sendable, CustomStringConvertible {
    public let path: String
    public let line: Int
    public let message: String
    public var description: String { "\(path):\(line):1: error: \(message)" }
}

extension SessionStore {
    /// Imports a JSON Lines file written by `export`. Everything is checked before anything is written; the whole file
    /// goes in one transaction. Sessions already present, or of days already purged into aggregates, are skipped.
    public func importLines(_ text: String, path: String) throws -> ImportSummary {
        var objects: [(line: Int, object: [String: Any])] = []
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let trimmed = line.trimmingCharacters(in: .whitespacesAndNewlines)
            if trimmed.isEmpty { continue }
            guard let object = (try? JSONSerialization.jsonObject(with: Data(trimmed.utf8))) as? [String: Any],
                let type = object["type"] as? String, ["session", "daily", "daily_step"].contains(type)
            else { throw ImportError(path: path, line: index + 1, message: "not a line of a kiosk export") }
            objects.append((index + 1, object))
        }
        var summary = ImportSummary()
        func value(_ object: [String: Any], _ key: String) -> SQLValue {
            switch object[key] {
            case let number as Int: return .integer(Int64(number))
            case let number as Int64: return .integer(number)
            case let text as String: return .text(text)
            default: return .null
            }
        }
        try database.transaction { () throws(SQLiteError) in
            for (lineNumber, object) in objects {
                do throws(SQLiteError) {
                    switch object["type"] as? String {
                    case "session":
                        let purged = try database.query("SELECT 1 FROM daily WHERE day = ? AND terminal = ? LIMIT 1",
                            [value(object, "day"), value(object, "terminal")])
                        let names = ["id", "terminal", "day", "hour", "guide", "lang", "launched_by", "steps_seen", "furthest_step",
                            "backs", "helps", "outcome", "duration", "last_guide", "last_step"]
                        guard purged.isEmpty else {
                            summary.duplicates += 1
                            continue
                        }
                        try database.query("INSERT OR IGNORE INTO session(\(names.joined(separator: ", "))) VALUES ("
                            + names.map { _ in "?" }.joined(separator: ", ") + ")", names.map { value(object, $0) })
                        if database.changes == 0 {
                            summary.duplicates += 1
                            continue
                        }
                        summary.sessions += 1
                        for event in object["events"] as? [[Any]] ?? [] where event.count == 4 {
                            try database.query("INSERT INTO step_event(session, seq, guide, step, kind) VALUES (?, ?, ?, ?, ?)",
                                [value(object, "id"), .integer(Int64(event[0] as? Int ?? 0)), .text(event[1] as? String ?? ""),
                                    .text(event[2] as? String ?? ""), .text(event[3] as? String ?? "")])
                        }
                    case "daily":
                        let names = ["day", "hour", "terminal", "guide", "lang", "launched_by", "outcome", "sessions"]
                        try database.query("INSERT OR IGNORE INTO daily(\(names.joined(separator: ", "))) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                            names.map { value(object, $0) })
                        if database.changes == 0 { summary.duplicates += 1 } else { summary.aggregates += 1 }
                    default:
                        let names = ["day", "terminal", "session_guide", "guide", "step", "reached", "left_done", "left_staff",
                            "left_later", "left_lost"]
                        try database.query("INSERT OR IGNORE INTO daily_step(\(names.joined(separator: ", "))) VALUES ("
                            + names.map { _ in "?" }.joined(separator: ", ") + ")", names.map { value(object, $0) })
                        if database.changes == 0 { summary.duplicates += 1 } else { summary.aggregates += 1 }
                    }
                } catch {
                    if error.code == 19 {
                        throw SQLiteError(code: 19, message: "line \(lineNumber): a value is not valid for the statistics "
                            + "(\(error.message))", context: "importing \(path)")
                    }
                    throw error
                }
            }
        }
        return summary
    }
}
