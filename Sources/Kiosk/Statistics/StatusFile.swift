import Foundation
import Guides

/// A small text file next to the database where the running kiosk leaves its last telemetry fault for `kiosk status`.
enum StatusFile {
    static func path(for database: String) -> String { database + ".status" }

    /// Records `message` (nil: everything is fine) with the time; best effort, as the disk may be the problem.
    static func write(for database: String, message: String?) {
        let time = ISO8601DateFormatter().string(from: Date())
        let text = message.map { "fault \(time) \($0)\n" } ?? "ok \(time)\n"
        try? text.write(toFile: path(for: database), atomically: false, encoding: .utf8)
    }

    /// The last line the kiosk wrote, if any.
    static func read(for database: String) -> String? {
        guard case .success(let bytes) = FileBytes.read(path(for: database), limit: 4096) else { return nil }
        return String(decoding: bytes, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
