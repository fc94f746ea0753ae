import Foundation
import Testing
@testable import Telemetry

/// Writes a finished session with `steps` shown (main-path steps a, b, c… on guide g).
func addSession(_ store: SessionStore, day: String = "2026-11-20", hour: Int = 9, terminal: String = "t1", guide: String = "khai-sinh",
    lang: String = "vi", by: StoredLauncher = .citizen, outcome: StoredOutcome, steps: [String] = ["a", "b"], commune: String = "") throws {
    let id = SessionStore.newSessionID()
    try store.begin(SessionStart(id: id, terminal: terminal, day: day, hour: hour, guide: guide, language: lang, launchedBy: by,
        communeCode: commune))
    var counts = SessionCounts()
    for (index, step) in steps.enumerated() {
        counts.stepsSeen += 1
        counts.furthestStep = index + 1
        try store.step(session: id, seq: index + 1, guide: guide, step: step, kind: .shown, counts: counts)
    }
    try store.end(session: id, outcome: outcome, seconds: 63, lastGuide: steps.isEmpty ? nil : guide, lastStep: steps.last, counts: counts)
}

@Suite struct StoreTests {
    @Test func migrationsRunFromEveryEarlierVersionAndKeepTheData() throws {
        for start in 0..<Schema.currentVersion {
            let file = TemporaryDatabase()
            let old = try Database(path: file.path)
            for index in 0..<start {
                try old.execute(Schema.migrations[index])
                try old.execute("PRAGMA user_version = \(index + 1)")
            }
            if start >= 1 {
                try old.query("INSERT INTO session(id, terminal, day, hour, guide, lang, launched_by, outcome, duration) "
                    + "VALUES ('0123456789abcdef0123456789abcdef', 't1', '2026-01-02', 8, 'khai-sinh', 'vi', 'self', 'done', 60)")
                try old.query("INSERT INTO step_event(session, seq, guide, step, kind) "
                    + "VALUES ('0123456789abcdef0123456789abcdef', 1, 'khai-sinh', 'chuan-bi', 'shown')")
            }
            let store = try SessionStore(path: file.path)
            #expect(try Schema.userVersion(store.database) == Schema.currentVersion, "from version \(start)")
            let rows = try store.database.query("SELECT COUNT(*) FROM session")
            #expect(rows.first?.first?.int == (start >= 1 ? 1 : 0))
            // Old step events get their session's guide and day, so the funnel still counts them.
            if start >= 1 {
                #expect(try store.database.query("SELECT session_guide, day FROM step_event").first == [.text("khai-sinh"), .text("2026-01-02")])
                #expect(try Reporter(store: store).funnel(guide: "khai-sinh", period: ReportPeriod(from: "2026-01-01", to: "2026-01-31"))
                    .first { $0.step == "chuan-bi" }?.reached == 1)
            }
            // Opening again changes nothing.
            _ = try SessionStore(path: file.path)
            #expect(try Schema.userVersion(store.database) == Schema.currentVersion)
        }
    }

    @Test func theDatabaseUsesWALAndFullSync() throws {
        let file = TemporaryDatabase()
        let store = try SessionStore(path: file.path)
        #expect(try store.database.query("PRAGMA journal_mode").first?.first?.string == "wal")
        #expect(try store.database.query("PRAGMA synchronous").first?.first?.int == 2)
    }

    @Test func noColumnAcceptsFreeText() throws {
        let file = TemporaryDatabase()
        let store = try SessionStore(path: file.path)
        let bad = [SessionStart(id: "not-hex", terminal: "t1", day: "2026-11-20", hour: 1, guide: "g", language: "vi", launchedBy: .citizen),
            SessionStart(id: SessionStore.newSessionID(), terminal: "Nguyen Van A", day: "2026-11-20", hour: 1, guide: "g",
                language: "vi", launchedBy: .citizen),
            SessionStart(id: SessionStore.newSessionID(), terminal: "t1", day: "2026-11-20", hour: 1, guide: "066190001234 ở đây",
                language: "vi", launchedBy: .citizen)]
        for start in bad { #expect(throws: SQLiteError.self) { try store.begin(start) } }
        #expect(try store.database.query("SELECT COUNT(*) FROM session").first?.first?.int == 0)
    }

    @Test func sessionsLeftOpenAreClosedAsInterrupted() throws {
        let file = TemporaryDatabase()
        let store = try SessionStore(path: file.path)
        let id = SessionStore.newSessionID()
        try store.begin(SessionStart(id: id, terminal: "t1", day: "2026-11-20", hour: 9, guide: "g", language: "vi", launchedBy: .citizen))
        try store.step(session: id, seq: 1, guide: "g", step: "s1", kind: .shown, counts: SessionCounts())
        #expect(try store.closeOpenSessions() == 1)
        let row = try store.database.query("SELECT outcome, last_step FROM session WHERE id = ?", [.text(id)]).first
        #expect(row == [.text("interrupted"), .text("s1")])
        #expect(try store.closeOpenSessions() == 0)
    }

    @Test func durationsAreRoundedToTenSeconds() throws {
        let file = TemporaryDatabase()
        let store = try SessionStore(path: file.path)
        try addSession(store, outcome: .done)
        #expect(try store.database.query("SELECT duration FROM session").first?.first?.int == 60)
    }

    @Test func aLockedDatabaseFailsFastAndWritesAfterwards() throws {
        let file = TemporaryDatabase()
        let store = try SessionStore(path: file.path, busyTimeoutMilliseconds: 100)
        let other = try Database(path: file.path)
        try other.execute("BEGIN EXCLUSIVE")
        let start = Date()
        do {
            try addSession(store, outcome: .done)
            Issue.record("a write succeeded under an exclusive lock")
        } catch let error as SQLiteError {
            #expect(error.isBusy)
        }
        #expect(Date().timeIntervalSince(start) < 2)
        try other.execute("COMMIT")
        try addSession(store, outcome: .done)
    }
}
