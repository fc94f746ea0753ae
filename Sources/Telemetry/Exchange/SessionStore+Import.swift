import Foundation

extension SessionStore {
    /// Imports a JSON Lines file written by `export`. Every line is checked before anything is written, and the whole
    /// file goes in one transaction. Importing a file again changes nothing:
    /// - a session already here, or already counted in daily totals here (a purged id), is skipped;
    /// - the ids of sessions purged at the source are removed here, since the file's daily totals count them;
    /// - a daily total already here keeps the larger count (a day's totals only grow as its sessions are summed up).
    public func importLines(_ text: String, path: String) throws -> ImportSummary {
        typealias Field = (name: String, kind: FieldKind)
        let sessionFields: [Field] = [("id", .text), ("terminal", .text), ("day", .text), ("hour", .integer), ("guide", .text),
            ("lang", .text), ("launched_by", .text), ("steps_seen", .integer), ("furthest_step", .integer), ("backs", .integer),
            ("helps", .integer), ("outcome", .text), ("duration", .optionalInteger), ("last_guide", .optionalText),
            ("last_step", .optionalText)]
        let dailyFields: [Field] = [("day", .text), ("hour", .integer), ("terminal", .text), ("guide", .text), ("lang", .text),
            ("launched_by", .text), ("outcome", .text), ("sessions", .integer)]
        let stepFields: [Field] = [("day", .text), ("terminal", .text), ("session_guide", .text), ("guide", .text), ("step", .text),
            ("reached", .integer), ("left_done", .integer), ("left_staff", .integer), ("left_later", .integer), ("left_lost", .integer)]
        let purgedFields: [Field] = [("id", .text), ("day", .text)]
        var parsed: [(line: Int, type: String, values: [SQLValue], events: [[SQLValue]])] = []
        for (index, line) in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).enumerated() {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.isEmpty { continue }
            let number = index + 1
            guard let object = (try? JSONSerialization.jsonObject(with: Data(trimmed.utf8))) as? [String: Any],
                let type = object["type"] as? String
            else { throw ImportError(path: path, line: number, message: "not a line of a kiosk export") }
            let fields: [Field]
            switch type {
            case "session": fields = sessionFields
            case "daily": fields = dailyFields
            case "daily_step": fields = stepFields
            case "purged": fields = purgedFields
            default: throw ImportError(path: path, line: number, message: "unknown line type \"\(type.prefix(20))\"")
            }
            var values: [SQLValue] = []
            for field in fields {
                guard let value = Self.value(object[field.name], field.kind) else {
                    throw ImportError(path: path, line: number, message: "\"\(field.name)\" is missing or not \(field.kind.description)")
                }
                values.append(value)
            }
            var events: [[SQLValue]] = []
            if type == "session" {
                for event in object["events"] as? [[Any]] ?? [] {
                    guard event.count == 4, let seq = Self.value(event[0], .integer), let guide = Self.value(event[1], .text),
                        let step = Self.value(event[2], .text), let kind = Self.value(event[3], .text)
                    else { throw ImportError(path: path, line: number, message: "a step event is not [seq, guide, step, kind]") }
                    events.append([seq, guide, step, kind])
                }
            }
            parsed.append((number, type, values, events))
        }
        var summary = ImportSummary()
        var failure: ImportError?
        do {
            try database.transaction { () throws(SQLiteError) in
                for item in parsed {
                    do throws(SQLiteError) {
                        switch item.type {
                        case "purged":
                            try database.query("INSERT OR IGNORE INTO purged_session(id, day) VALUES (?, ?)", item.values)
                            if database.changes == 0 { summary.duplicates += 1 }
                            // The file's daily totals count this session: it must not also be counted as a row here.
                            try database.query("DELETE FROM session WHERE id = ?", [item.values[0]])
                        case "session":
                            let counted = try database.query("SELECT 1 FROM purged_session WHERE id = ?", [item.values[0]])
                            guard counted.isEmpty else {
                                summary.duplicates += 1
                                continue
                            }
                            try database.query("INSERT OR IGNORE INTO session(\(sessionFields.map(\.name).joined(separator: ", "))) VALUES ("
                                + sessionFields.map { _ in "?" }.joined(separator: ", ") + ")", item.values)
                            if database.changes == 0 {
                                summary.duplicates += 1
                                continue
                            }
                            summary.sessions += 1
                            for event in item.events {
                                try database.query("INSERT INTO step_event(session, seq, guide, step, kind) VALUES (?, ?, ?, ?, ?)",
                                    [item.values[0]] + event)
                            }
                        case "daily":
                            let existing = try database.query("""
                                SELECT sessions FROM daily WHERE day = ? AND hour = ? AND terminal = ? AND guide = ? AND lang = ?
                                    AND launched_by = ? AND outcome = ?
                                """, Array(item.values.prefix(7)))
                            if existing.first?.first?.int == item.values[7].int {
                                summary.duplicates += 1
                                continue
                            }
                            try database.query("INSERT INTO daily VALUES (?, ?, ?, ?, ?, ?, ?, ?) "
                                + "ON CONFLICT DO UPDATE SET sessions = max(sessions, excluded.sessions)", item.values)
                            summary.aggregates += 1
                        default:
                            let existing = try database.query("""
                                SELECT reached, left_done, left_staff, left_later, left_lost FROM daily_step
                                WHERE day = ? AND terminal = ? AND session_guide = ? AND guide = ? AND step = ?
                                """, Array(item.values.prefix(5)))
                            if existing.first == Array(item.values.suffix(5)) {
                                summary.duplicates += 1
                                continue
                            }
                            try database.query("INSERT INTO daily_step VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO UPDATE SET "
                                + "reached = max(reached, excluded.reached), left_done = max(left_done, excluded.left_done), "
                                + "left_staff = max(left_staff, excluded.left_staff), left_later = max(left_later, excluded.left_later), "
                                + "left_lost = max(left_lost, excluded.left_lost)", item.values)
                            summary.aggregates += 1
                        }
                    } catch {
                        if error.code == 19 {
                            failure = ImportError(path: path, line: item.line, message: "a value is not valid for the statistics "
                                + "(ids, codes, dates and counts only)")
                        }
                        throw error
                    }
                }
            }
        } catch {
            if let failure { throw failure }
            throw error
        }
        return summary
    }

    /// What a field of an import line must hold.
    enum FieldKind: CustomStringConvertible {
        case text, integer, optionalText, optionalInteger

        var description: String {
            switch self {
            case .text: return "a text"
            case .integer: return "a whole number"
            case .optionalText: return "a text or null"
            case .optionalInteger: return "a whole number or null"
            }
        }
    }

    /// A JSON value as an SQL value of the expected kind; nil when it is not of that kind.
    static func value(_ json: Any?, _ kind: FieldKind) -> SQLValue? {
        switch (json, kind) {
        case (let text as String, .text), (let text as String, .optionalText): return .text(text)
        case (is NSNull, .optionalText), (is NSNull, .optionalInteger), (nil, .optionalText), (nil, .optionalInteger): return .null
        case (let number as NSNumber, .integer), (let number as NSNumber, .optionalInteger):
            // Whole numbers only (JSONSerialization gives NSNumber for both 9 and 9.5).
            let double = number.doubleValue
            guard double.rounded() == double, abs(double) < 9.0e15 else { return nil }
            return .integer(number.int64Value)
        default: return nil
        }
    }
}
