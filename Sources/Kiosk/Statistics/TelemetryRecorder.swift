import Foundation
import Guides
import Telemetry

/// Turns the engine's events into anonymous session rows, and keeps guiding whatever happens to the database.
///
/// Writes that fail (disk full, read-only, locked) wait in memory and are retried with the next event; the fault is
/// reported once on stderr and in a status file for `kiosk status`. A corrupt file is moved aside and a fresh one started.
final class TelemetryRecorder: SessionRecorder {
    /// One write, kept until it succeeds.
    enum Write {
        case begin(SessionStart)
        case step(session: String, seq: Int, guide: String, step: String, kind: StepKind, counts: SessionCounts)
        case end(session: String, outcome: StoredOutcome, seconds: Int?, lastGuide: String?, lastStep: String?, counts: SessionCounts)
    }

    /// The most writes kept in memory while the database is unavailable (a few days of a busy kiosk).
    static let pendingLimit = 50_000

    let path: String
    let terminal: String
    private var store: SessionStore?
    private(set) var pending: [Write] = []
    private var lastFault: String?
    // The open session.
    private var sessionID: String?
    private var seq = 0
    private var counts = SessionCounts()
    private var seen = Set<String>()
    private var started: UInt64 = 0
    private var lastShown: (guide: String, step: String)?

    init(path: String, terminal: String) {
        self.path = path
        self.terminal = terminal
        openStore()
        if let store {
            do {
                let closed = try store.closeOpenSessions()
                if closed > 0 { report("closed \(closed) session(s) left open by a crash or power cut as interrupted", fault: false) }
            } catch {
                fault(error)
            }
        }
    }

    /// The default database file: `$XDG_DATA_HOME/kiosk/kiosk.db` (or ~/.local/share), `/var/lib/kiosk/kiosk.db` as root.
    static func defaultPath() -> String {
        let environment = ProcessInfo.processInfo.environment
        if let state = environment["STATE_DIRECTORY"], !state.isEmpty { return state + "/kiosk.db" }
        if getuid() == 0 { return "/var/lib/kiosk/kiosk.db" }
        let base = environment["XDG_DATA_HOME"].flatMap { $0.isEmpty ? nil : $0 }
            ?? (environment["HOME"] ?? "/tmp") + "/.local/share"
        return base + "/kiosk/kiosk.db"
    }

    private func openStore() {
        do {
            let directory = (path as NSString).deletingLastPathComponent
            if !directory.isEmpty { try? FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true) }
            store = try SessionStore(path: path, busyTimeoutMilliseconds: 200)
        } catch {
            store = nil
            fault(error)
        }
    }

    func record(_ events: [SessionEvent]) {
        guard !events.isEmpty else { return }
        for event in events { pending += writes(for: event) }
        if pending.count > Self.pendingLimit {
            pending.removeFirst(pending.count - Self.pendingLimit)
            report("statistics are kept in memory only and the oldest were dropped; free the database (kiosk status)", fault: true)
        }
        flush()
    }

    /// The open connection (tests use it to simulate a full disk).
    var database: Database? { store?.database }

    func close() {
        flush()
        store = nil
    }

    /// The writes one event causes, updating the open session's counts.
    private func writes(for event: SessionEvent) -> [Write] {
        switch event {
        case .started(let guide, let language, let launchedBy):
            let id = SessionStore.newSessionID()
            sessionID = id
            seq = 0
            counts = SessionCounts()
            seen = []
            lastShown = nil
            sessionGuide = guide
            started = Monotonic.milliseconds()
            let now = Self.centreTime()
            return [.begin(SessionStart(id: id, terminal: terminal, day: now.day, hour: now.hour, guide: guide,
                language: language, launchedBy: launchedBy == .volunteer ? .volunteer : .citizen))]
        case .stepShown(let guide, let step, let index):
            guard let id = sessionID else { return [] }
            if seen.insert(guide + "/" + step).inserted { counts.stepsSeen += 1 }
            if let index, guide == sessionGuide { counts.furthestStep = max(counts.furthestStep, index) }
            lastShown = (guide, step)
            return [nextStep(id, guide, step, .shown)]
        case .back(let guide, let step):
            guard let id = sessionID else { return [] }
            counts.backs += 1
            return [nextStep(id, guide, step, .back)]
        case .helpAsked(let guide, let step):
            guard let id = sessionID else { return [] }
            counts.helps += 1
            // Help asked on the overview (before any step) is recorded at the pseudo-step "overview".
            return [nextStep(id, guide, step ?? "overview", .help)]
        case .ended(let outcome, let guide, let step):
            guard let id = sessionID else { return [] }
            sessionID = nil
            let seconds = Int((Monotonic.milliseconds() - started) / 1000)
            // Where the engine says the citizen was (nil: on the overview); the step's own guide after a jump.
            let lastGuide = step.map { step in lastShown.flatMap { $0.step == step ? $0.guide : nil } ?? guide }
            return [.end(session: id, outcome: Self.stored(outcome), seconds: seconds, lastGuide: lastGuide,
                lastStep: step, counts: counts)]
        }
    }

    /// The guide the open session was started with (the furthest step counts along its main path only).
    private var sessionGuide: String?

    private func nextStep(_ id: String, _ guide: String, _ step: String, _ kind: StepKind) -> Write {
        seq += 1
        return .step(session: id, seq: seq, guide: guide, step: step, kind: kind, counts: counts)
    }

    static func stored(_ outcome: SessionOutcome) -> StoredOutcome {
        switch outcome {
        case .done: return .done
        case .staff: return .staff
        case .later: return .later
        case .quit: return .abandoned
        case .timeout: return .timeout
        case .interrupted: return .interrupted
        }
    }

    /// Today's date and hour in UTC+7.
    static func centreTime(now: Date = Date()) -> (day: String, hour: Int) {
        let seconds = Int(now.timeIntervalSince1970) + 7 * 3600
        return (Day(daysSinceEpoch: seconds / 86400).description, seconds % 86400 / 3600)
    }

    /// Writes what is pending, in order, stopping at the first failure.
    private func flush() {
        if store == nil { openStore() }
        guard let store else { return }
        var written = 0
        for write in pending {
            do {
                switch write {
                case .begin(let start):
                    try store.begin(start)
                case .step(let session, let seq, let guide, let step, let kind, let counts):
                    try store.step(session: session, seq: seq, guide: guide, step: step, kind: kind, counts: counts)
                case .end(let session, let outcome, let seconds, let lastGuide, let lastStep, let counts):
                    try store.end(session: session, outcome: outcome, seconds: seconds, lastGuide: lastGuide, lastStep: lastStep,
                        counts: counts)
                }
                written += 1
            } catch {
                if error.code == 19 {   // SQLITE_CONSTRAINT: already written before a retry; never block the queue on it
                    written += 1
                    continue
                }
                pending.removeFirst(written)
                fault(error)
                return
            }
        }
        pending.removeAll()
        if lastFault != nil {
            lastFault = nil
            report("statistics are being written again", fault: false)
        }
    }

    /// Reports a database fault once; a corrupt file is moved aside and a fresh one started.
    private func fault(_ error: SQLiteError) {
        if error.isCorrupt {
            let aside = path + ".corrupt-" + String(Int(Date().timeIntervalSince1970))
            store = nil
            for suffix in ["-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
            if (try? FileManager.default.moveItem(atPath: path, toPath: aside)) != nil {
                report("the statistics database was damaged; it was moved to \(aside) and a new one started", fault: true)
                openStore()
                return
            }
        }
        let message = error.isFull ? "the disk is full: statistics wait in memory until space is freed"
            : error.isReadOnly ? "the statistics database cannot be written (read-only or no permission): \(path)"
            : error.isBusy ? "the statistics database is locked by another program; retrying with the next event"
            : "statistics cannot be written: \(error.description)"
        if message != lastFault { report(message, fault: true) }
        lastFault = message
        if error.isReadOnly || error.isCorrupt { store = nil }
    }

    /// Tells staff: a line on stderr and the status file read by `kiosk status`.
    private func report(_ message: String, fault: Bool) {
        Output.err("kiosk: \(message)\n")
        StatusFile.write(for: path, message: fault ? message : nil)
    }
}
