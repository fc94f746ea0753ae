import Foundation
import Guides

/// Plays a screen's recordings one after another with the configured `audio-player`, on a thread of its own, so the
/// guide never waits for a voice; `stop` (a new screen) cuts it off at once.
///
/// The player's output never reaches the citizen's screen. A player that cannot be found or started, or that fails,
/// is a fault for staff (the status file `kiosk status` reads, and stderr when it is not the citizen's terminal: the
/// journal), reported once until playing works again; the citizen only hears nothing.
final class AudioPlayer: @unchecked Sendable {
    /// The program and its first arguments; each file is added as the last argument.
    let command: [String]
    private let report: @Sendable (String) -> Void
    private let lock = NSLock()
    /// Bumped by every `play` and `stop`: a playing thread whose number is no longer current stops.
    private var generation = 0
    /// The player process running now, if any: `stop` ends it before anything else plays, so two voices never
    /// overlap (and a player holding an exclusive ALSA device has let go of it).
    private var current: Process?
    private var lastReported: String?
    /// How often a playing thread looks whether it must stop, in microseconds.
    static let poll: UInt32 = 5_000

    init(command: [String], report: @escaping @Sendable (String) -> Void) {
        self.command = command
        self.report = report
    }

    /// The player of a kiosk whose faults go to staff beside the statistics database.
    convenience init(command: [String], database: String) {
        self.init(command: command) { StatusFile.note($0, for: database) }
    }

    /// Stops what is playing and plays `files` in order (nothing for none).
    func play(_ files: [String]) {
        let number = stopCurrent()
        guard !files.isEmpty else { return }
        Thread.detachNewThread { [self] in
            Signals.unblockAllOnThisThread()
            for file in files where !playOne(file, while: number) { return }
        }
    }

    /// Stops what is playing, and waits (briefly) until the player has ended.
    func stop() { _ = stopCurrent() }

    /// Makes every playing thread stale, ends the running player (SIGTERM, then SIGKILL after 0.3 s) and returns
    /// the new generation.
    private func stopCurrent() -> Int {
        let (number, running) = lock.withLock { () -> (Int, Process?) in
            generation += 1
            defer { current = nil }
            return (generation, current)
        }
        if let running, running.isRunning {
            Self.signal(running, SIGTERM)
            let deadline = Date().addingTimeInterval(0.3)
            while running.isRunning && Date() < deadline { usleep(Self.poll) }
            if running.isRunning {
                Self.signal(running, SIGKILL)
                running.waitUntilExit()
            }
        }
        return number
    }

    private func isCurrent(_ number: Int) -> Bool { lock.withLock { generation == number } }

    /// Sends `signal` to `process` and to what it started: each child begins its own process group, so a player
    /// that is a script stops with the program it runs.
    static func signal(_ process: Process, _ signal: Int32) {
        let pid = process.processIdentifier
        guard pid > 0 else { return }
        if kill(-pid, signal) != 0 { kill(pid, signal) }
    }

    /// Plays one file while `number` is current; false when the rest must not play (stopped, or a fault).
    private func playOne(_ file: String, while number: Int) -> Bool {
        guard isCurrent(number) else { return false }
        guard let program = command.first, let executable = Self.find(program) else {
            fault("audio-player \"\(command.first ?? "")\" was not found (install Debian's alsa-utils for aplay, or set "
                + "audio-player in the configuration); citizens hear nothing")
            return false
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = Array(command.dropFirst()) + [file]
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = FileHandle.nullDevice
        // Its complaints go to a file, read once it has ended: a pipe could fill, or stay open in a child it left.
        let errorsPath = NSTemporaryDirectory() + "kiosk-player-\(getpid())-\(number).txt"
        _ = FileManager.default.createFile(atPath: errorsPath, contents: nil)
        defer { try? FileManager.default.removeItem(atPath: errorsPath) }
        let errors = FileHandle(forWritingAtPath: errorsPath)
        // Closed here, not left to the process object: Foundation keeps finished processes (and what they hold)
        // alive, and a kiosk that leaked one descriptor a voice failed after a day of voices.
        defer { try? errors?.close() }
        process.standardError = errors ?? FileHandle.nullDevice
        // Started and made current under the lock, so a `stop` either comes first (and nothing starts) or sees it.
        let started: Result<Void, Error> = lock.withLock {
            guard generation == number else { return .success(()) }
            do {
                try process.run()
                current = process
                return .success(())
            } catch {
                return .failure(error)
            }
        }
        if case .failure(let error) = started {
            fault("audio-player \(executable) could not be started (\(error.localizedDescription)); citizens hear nothing")
            return false
        }
        guard process.processIdentifier != 0 else { return false }
        while process.isRunning {
            if !isCurrent(number) {
                // `stop` ends it; this thread only stops waiting.
                return false
            }
            usleep(Self.poll)
        }
        lock.withLock { if current === process { current = nil } }
        let said = FileBytes.head(errorsPath, limit: 300).map { String(decoding: $0.bytes, as: UTF8.self) } ?? ""
        guard process.terminationStatus == 0, process.terminationReason == .exit else {
            // A player stopped by `stop` ends by a signal; one that ended so while still current failed.
            guard isCurrent(number) else { return false }
            let first = said.split(separator: "\n").first.map { ": " + TextLayout.sanitize(String($0)) } ?? ""
            fault("audio-player \(executable) failed with status \(process.terminationStatus) on "
                + "\(URL(fileURLWithPath: file).lastPathComponent)\(first); citizens hear nothing")
            return false
        }
        lock.withLock { lastReported = nil }
        return true
    }

    /// Reports `message` to staff unless it is the one reported last (a missing player would otherwise be reported
    /// at every press of the listen key).
    private func fault(_ message: String) {
        let fresh = lock.withLock {
            guard lastReported != message else { return false }
            lastReported = message
            return true
        }
        if fresh { report(message) }
    }

    /// The path of `program`: itself when it names a path, else the first executable of that name on `PATH`.
    static func find(_ program: String, path: String = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin") -> String? {
        if program.contains("/") { return FileManager.default.isExecutableFile(atPath: program) ? program : nil }
        for folder in path.split(separator: ":") where !folder.isEmpty {
            let candidate = folder + "/" + program
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return nil
    }
}
