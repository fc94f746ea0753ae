import Foundation
import Guides

/// A small text file next to the database where the running kiosk leaves, for `kiosk status`, the current state of
/// its statistics writes and, separately, the last fault it saw. Written atomically (a temporary file, then a
/// rename), so a reader never finds it empty or half written.
enum StatusFile {
    /// What the file says.
    struct Contents: Equatable {
        /// `ok <time>` or `fault <time> <message>`: how writing goes now.
        let current: String
        /// `<time> <message>` of the last fault, even after writing works again.
        let lastFault: String?

        var isFault: Bool { current.hasPrefix("fault") }
    }

    static func path(for database: String) -> String { database + ".status" }

    /// One writer at a time in this process: the statistics, the staff caller and the audio player report from their
    /// own threads, and each write keeps the last fault it read.
    private static let lock = NSLock()

    /// Records the current state (`fault` nil: writing works) and keeps the last fault; best effort, as the disk may be
    /// the problem. With `keepState` only the last fault changes: a fault outside the statistics (the audio player)
    /// is shown by `kiosk status` without saying that statistics cannot be written.
    static func write(for database: String, fault: String?, keepState: Bool = false) {
        lock.lock()
        defer { lock.unlock() }
        let time = ISO8601DateFormatter().string(from: Date())
        let before = read(for: database)
        var lastFault = before?.lastFault
        if let fault { lastFault = "\(time) \(fault)" }
        var current = fault.map { "fault \(time) \($0)" } ?? "ok \(time)"
        if keepState { current = before?.current ?? "ok \(time)" }
        let text = current + "\n" + (lastFault.map { "last-fault \($0)\n" } ?? "")
        try? text.write(toFile: path(for: database), atomically: true, encoding: .utf8)
    }

    /// Tells staff: the message on stderr (the journal under systemd) and, as a fault or as the current state, in the
    /// status file `kiosk status` reads.
    static func report(_ message: String, for database: String, fault: Bool = true) {
        Output.err("kiosk: \(message)\n")
        write(for: database, fault: fault ? message : nil)
    }

    /// Tells staff of a fault that comes while a citizen is at the terminal, from another thread (the audio player):
    /// in the status file, and on stderr only when stderr is not the citizen's terminal (the journal, a log file).
    static func note(_ message: String, for database: String) {
        if isatty(2) == 0 { Output.err("kiosk: \(message)\n") }
        write(for: database, fault: message, keepState: true)
    }

    /// What the kiosk last wrote, if anything.
    static func read(for database: String) -> Contents? {
        guard case .success(let bytes) = FileBytes.read(path(for: database), limit: 8192) else { return nil }
        let lines = String(decoding: bytes, as: UTF8.self).split(separator: "\n").map(String.init)
        guard let current = lines.first, !current.isEmpty else { return nil }
        let last = lines.dropFirst().first { $0.hasPrefix("last-fault ") }.map { String($0.dropFirst("last-fault ".count)) }
        return Contents(current: current, lastFault: last)
    }
}
