import Foundation
import Guides
import Telemetry

/// The adapter from the engine's events to the statistics, and the queue that keeps guiding whatever happens to the
/// database. Turning events into rows is `SessionLog`'s job (in Telemetry); this keeps only the writes not yet done.
///
/// Writes that fail (disk full, read-only, locked) wait in memory and are retried with the next event; the fault is
/// reported once on stderr and in a status file for `kiosk status`. A damaged file is moved aside with its WAL and
/// a fresh one started.
final class TelemetryRecorder: SessionRecorder {
    /// The most writes kept in memory while the database is unavailable (a few days of a busy kiosk).
    static let pendingLimit = 50_000

    let path: String
    private let terminal: String
    /// The commune, centre and machine this terminal counts for: registered each time the store opens.
    private let place: Place
    private var log: SessionLog
    private var store: SessionStore?
    private(set) var pending: [SessionWrite] = []
    /// The start of every session with writes still pending, so a row missing from the file (a database replaced
    /// mid-session) can be re-created before its steps and end.
    private var starts: [String: SessionStart] = [:]
    private var lastFault: String?
    /// True from a fault until writing works again (`kiosk status` shows the current state).
    private var faulted = false
    /// A spool file may exist (loaded at start, or written at a close): removed once everything is stored.
    private var spooled = false
    /// Writes dropped because memory was full, since the last time writing worked.
    private var droppedTotal = 0
    /// Sessions whose row the database refused: their other writes are left out with them.
    private var refused = Set<String>()

    init(path: String, terminal: String, place: Place = Place()) {
        self.path = path
        self.terminal = terminal
        self.place = place
        log = SessionLog(terminal: terminal, communeCode: place.communeCode)
        if let spool = Spool.load(for: path) {
            spooled = true
            pending = spool.writes
            for case .begin(let start) in spool.writes { starts[start.id] = start }
            report("\(spool.writes.count) statistics write(s) kept in \(Spool.path(for: path)) at the last stop are being stored"
                + (spool.unreadable > 0 ? "; \(spool.unreadable) line(s) of it could not be read" : ""), fault: false)
        }
        openStore()
        if let store {
            do {
                let closed = try store.closeOpenSessions(terminal: terminal)
                if closed > 0 { report("closed \(closed) session(s) left open by a crash or power cut as interrupted", fault: false) }
            } catch {
                fault(error)
            }
        }
        flush()
    }

    /// The default database file: `$STATE_DIRECTORY/kiosk.db` under systemd, `/var/lib/kiosk/kiosk.db` as root,
    /// else `$XDG_DATA_HOME/kiosk/kiosk.db` (or ~/.local/share).
    static func defaultPath(environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
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
            Self.repairCompanionModes(of: path)
            let opened = try SessionStore(path: path, busyTimeoutMilliseconds: 200)
            store = opened
            // The names are for reports: a failure here never keeps sessions from being counted.
            do {
                try opened.register(place, terminal: terminal)
            } catch {
                report("the commune and machine of this terminal could not be recorded: \(error.description)", fault: false)
            }
        } catch {
            store = nil
            fault(error)
        }
    }

    /// SQLite creates `-wal` and `-shm` with the database's mode: after a read-only spell (`chmod 444`, then 644) they
    /// stay read-only and every new connection with them. When the database can be written again and the kiosk owns
    /// them, they get the database's mode back.
    static func repairCompanionModes(of path: String) {
        let manager = FileManager.default
        guard manager.isWritableFile(atPath: path), let mode = (try? manager.attributesOfItem(atPath: path))?[.posixPermissions] else { return }
        for suffix in ["-wal", "-shm"] where manager.fileExists(atPath: path + suffix) && !manager.isWritableFile(atPath: path + suffix) {
            try? manager.setAttributes([.posixPermissions: mode], ofItemAtPath: path + suffix)
        }
    }

    func record(_ events: [SessionEvent]) {
        guard !events.isEmpty else { return }
        let now = Self.moment()
        for event in events {
            let writes = log.fold(Self.fact(event), at: now)
            for case .begin(let start) in writes { starts[start.id] = start }
            pending += writes
        }
        if pending.count > Self.pendingLimit {
            let dropped = pending.count - Self.pendingLimit
            pending.removeFirst(dropped)
            droppedTotal += dropped
            // Said once when dropping starts (and every 1,000 more), not at every event.
            if droppedTotal == dropped || droppedTotal / 1000 != (droppedTotal - dropped) / 1000 {
                report("statistics are kept in memory only and the oldest \(droppedTotal) write(s) were dropped; "
                    + "free the database (kiosk status)", fault: true)
            }
        }
        flush()
    }

    /// The open store (tests use it to simulate a full disk).
    var currentStore: SessionStore? { store }

    /// Writes what it can; what is still held in memory goes to the spool, or, if that fails too, is counted for staff.
    func close() {
        flush()
        store = nil
        guard !pending.isEmpty else { return }
        if Spool.save(pending, for: path) {
            spooled = true
            report("\(pending.count) statistics write(s) could not be stored; they are kept in \(Spool.path(for: path)) "
                + "and stored at the next start", fault: true)
        } else {
            Output.err("kiosk: \(pending.count) statistics write(s) could not be stored nor kept in \(Spool.path(for: path)); "
                + "they are lost. Check the disk and the permissions of \(path)\n")
        }
    }

    /// The engine's event as a fact of the session log: the same fields, in Telemetry's own types.
    static func fact(_ event: SessionEvent) -> SessionFact {
        switch event {
        case .started(let guide, let language, let launchedBy):
            return .started(guide: guide, language: language, launchedBy: launchedBy == .volunteer ? .volunteer : .citizen)
        case .stepShown(let guide, let step, let index): return .shown(guide: guide, step: step, mainIndex: index)
        case .back(let guide, let step): return .back(guide: guide, step: step)
        case .helpAsked(let guide, let step): return .help(guide: guide, step: step)
        case .ended(let outcome, _, let step, let stepGuide): return .ended(outcome: stored(outcome), lastGuide: stepGuide, lastStep: step)
        }
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

    /// Now: the day and hour in UTC+7 (every centre in Vietnam), and the monotonic clock.
    static func moment(now: Date = Date()) -> SessionLog.Moment {
        let seconds = Int(now.timeIntervalSince1970) + 7 * 3600
        return SessionLog.Moment(day: Day(daysSinceEpoch: seconds / 86400).description, hour: seconds % 86400 / 3600,
            milliseconds: Monotonic.milliseconds())
    }

    /// Writes what is pending, in order, stopping at the first failure that may clear by itself.
    private func flush() {
        if store == nil { openStore() }
        guard let store else { return }
        var recreated = Set<String>()
        while let write = pending.first {
            // The rest of a session whose first row was refused cannot be written either (already reported).
            if refused.contains(write.session) {
                pending.removeFirst()
                continue
            }
            do {
                try store.apply(write)
                pending.removeFirst()
                if case .end(let session, _, _, _, _, _) = write { starts[session] = nil }
            } catch where error.isMissingSession {
                // The file was replaced under this session (a damaged one moved aside): its row is made again first.
                if let start = starts[write.session], recreated.insert(write.session).inserted {
                    pending.insert(.begin(start), at: 0)
                } else {
                    pending.removeFirst()
                    report("a statistics write for a session no longer in the file was left out (\(error.description))", fault: true)
                }
            } catch where error.isConstraint {
                // A row the schema refuses will never be written, and must not hold back every later session.
                pending.removeFirst()
                if case .begin = write { refused.insert(write.session) }
                report("a statistics row was refused by the database and left out (\(error.description)); "
                    + "check the terminal id in the configuration", fault: true)
            } catch {
                fault(error)
                return
            }
        }
        // Everything is stored: an earlier spool must not be replayed again after a crash.
        if spooled {
            Spool.remove(for: path)
            spooled = false
        }
        droppedTotal = 0
        if faulted {
            faulted = false
            lastFault = nil
            report("statistics are being written again", fault: false)
        }
    }

    /// Reports a database fault once; a damaged file is moved aside with its WAL, and a fresh one started.
    private func fault(_ error: SQLiteError) {
        faulted = true
        if error.isCorrupt {
            store?.abandon()
            store = nil
            if let aside = DatabaseFiles.moveAside(path, stamp: String(Int(Date().timeIntervalSince1970))) {
                report("the statistics database was damaged; it was moved to \(aside) (with its -wal and -shm files) "
                    + "and a new one started", fault: true)
                openStore()
                return
            }
        }
        let message = error.isForeign ? "\(path) is not a kiosk statistics database (\(error.message)); statistics wait in memory: "
                + "set `database` in the configuration to a file of the kiosk's own"
            : error.isFull || (error.code == 10 && Self.diskIsNearlyFull(at: path))
                ? "the disk is full: statistics wait in memory until space is freed"
            : error.isReadOnly ? "the statistics database cannot be written (read-only or no permission): \(path)"
            : error.isBusy ? "the statistics database is locked by another program; retrying with the next event"
            : "statistics cannot be written: \(error.description)"
        if message != lastFault { report(message, fault: true) }
        lastFault = message
        // A read-only or failing connection stays so even when the cause is fixed: the next write opens a new one.
        if error.isReadOnly || error.isCorrupt || error.isForeign || error.isIOError {
            store?.abandon()
            store = nil
        }
    }

    /// True when the file system holding `path` has less than 1 MB free: SQLite then reports some failed writes as a
    /// plain "disk I/O error", which staff must read as a full disk.
    static func diskIsNearlyFull(at path: String) -> Bool {
        let directory = (path as NSString).deletingLastPathComponent
        guard let free = (try? FileManager.default.attributesOfFileSystem(forPath: directory.isEmpty ? "." : directory))?[.systemFreeSize]
            as? NSNumber else { return false }
        return free.int64Value < 1 << 20
    }

    /// Tells staff: a line on stderr and the status file read by `kiosk status`.
    private func report(_ message: String, fault: Bool) {
        StatusFile.report(message, for: path, fault: fault)
    }
}
