import Foundation

/// Writes the kiosk could not store before it stopped, kept in a file beside the database (`kiosk.db.spool`, one JSON
/// line per write) and replayed at the next start: nothing held in memory is lost silently.
public enum Spool {
    public static func path(for database: String) -> String { database + ".spool" }

    /// Saves `writes` (replacing any earlier spool); false when the file cannot be written either.
    public static func save(_ writes: [SessionWrite], for database: String) -> Bool {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        var text = ""
        for write in writes {
            guard let line = try? encoder.encode(write) else { return false }
            text += String(decoding: line, as: UTF8.self) + "\n"
        }
        do {
            try text.write(toFile: path(for: database), atomically: true, encoding: .utf8)
            return true
        } catch {
            return false
        }
    }

    /// The writes of an earlier spool, in order (lines that cannot be read are counted, not guessed).
    public static func load(for database: String) -> (writes: [SessionWrite], unreadable: Int)? {
        guard let data = FileManager.default.contents(atPath: path(for: database)) else { return nil }
        let decoder = JSONDecoder()
        var writes: [SessionWrite] = []
        var unreadable = 0
        for line in data.split(separator: 0x0A) where !line.isEmpty {
            if let write = try? decoder.decode(SessionWrite.self, from: Data(line)) { writes.append(write) } else { unreadable += 1 }
        }
        return (writes, unreadable)
    }

    /// Removes the spool once its writes are stored.
    public static func remove(for database: String) {
        try? FileManager.default.removeItem(atPath: path(for: database))
    }
}
