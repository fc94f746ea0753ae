import Foundation
import Testing
@testable import Telemetry

/// Power cuts and crashes: the kiosk itself, killed with SIGKILL a hundred times while citizens finish guides, loses
/// no session it had shown as finished, and the file is never damaged.
@Suite struct CrashTests {
    /// One citizen through guide 11 to "done" and back to the welcome screen, in plain line mode.
    static let oneSession = ["", "11"] + Array(repeating: "1", count: 14) + [""]
    /// What the kiosk shows once the session's end has been written.
    static let thanks = "Cảm ơn bạn. Chúc bạn một ngày tốt lành."

    /// The kiosk on `database` with `sessions` citizens queued on its input.
    static func start(_ database: String, sessions: Int, sandbox: TestSandbox) throws -> InteractiveKiosk {
        let kiosk = try InteractiveKiosk(["run", "--db", database, "--guides", "guides", "--locales", "locales"], sandbox: sandbox)
        kiosk.type(Array(repeating: oneSession, count: sessions).flatMap { $0 })
        return kiosk
    }

    @Test func aHundredKillsLoseNoFinishedSessionAndNeverDamageTheFile() throws {
        let sandbox = try TestSandbox()
        let database = sandbox.path("kiosk.db")
        var generator = SeededGenerator(seed: 20261201)
        var acknowledged = 0
        for _ in 0..<100 {
            let kiosk = try Self.start(database, sessions: 40, sandbox: sandbox)
            // A random moment: after a random number of finished sessions (none, sometimes: the kill may come before
            // the kiosk has even loaded its guides), then a random few milliseconds into the next one.
            let count = Int.random(in: 0...3, using: &generator)
            if count > 0 { kiosk.waitFor(Self.thanks, count: count) }
            Thread.sleep(forTimeInterval: Double(UInt64.random(in: 0...15, using: &generator)) / 1000)
            acknowledged += kiosk.kill().components(separatedBy: Self.thanks).count - 1
        }
        #expect(acknowledged > 100, "the kiosk should finish many sessions across 100 runs")
        #expect(try sandbox.sqlite(database, "PRAGMA integrity_check;") == "ok\n")
        let stored = Int(try sandbox.sqlite(database, "SELECT COUNT(*) FROM session WHERE outcome = 'done';")
            .trimmingCharacters(in: .whitespacesAndNewlines)) ?? -1
        #expect(stored >= acknowledged, "\(acknowledged - stored) finished sessions are missing")
        // The next start closes what the kills left open, as interrupted.
        _ = try KioskProcess.run(["run", "--db", database], sandbox: sandbox)
        #expect(try sandbox.sqlite(database, "SELECT COUNT(*) FROM session WHERE outcome IS NULL;") == "0\n")
    }

    @Test func aReaderRunsReportsWhileTheKioskWrites() throws {
        let sandbox = try TestSandbox()
        let database = sandbox.path("kiosk.db")
        _ = try SessionStore(path: database)
        let kiosk = try Self.start(database, sessions: 200, sandbox: sandbox)
        defer { _ = kiosk.kill() }
        let reader = try SessionStore.openExisting(path: database)
        let day = try sandbox.sqlite(database, "SELECT date('now', '+7 hours');").trimmingCharacters(in: .whitespacesAndNewlines)
        let period = ReportPeriod(from: day, to: day)
        var last = 0
        let deadline = Date().addingTimeInterval(3)
        var reports = 0
        while Date() < deadline {
            let report = try Reporter(store: reader).report(period, by: [.guide, .hour])
            #expect(report.kpi.guided >= last, "counts went backwards")
            #expect(report.rows.map(\.sessions).reduce(0, +) == report.kpi.guided)
            last = report.kpi.guided
            reports += 1
        }
        #expect(last > 0 && reports > 5)
    }
}
