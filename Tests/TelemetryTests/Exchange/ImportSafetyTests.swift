import Foundation
import Testing
@testable import Telemetry

/// Importing can only add information: every field is checked before anything is written, a purge marker cannot
/// delete a committed session, and counts stay within what a province can produce, so reports never overflow.
@Suite struct ImportSafetyTests {
    static let session = #"{"type":"session","id":"0123456789abcdef0123456789abcdef","terminal":"t1","day":"2026-11-20","hour":9,"guide":"khai-sinh","lang":"vi","launched_by":"self","steps_seen":2,"furthest_step":2,"backs":0,"helps":0,"outcome":"done","duration":60,"last_guide":"khai-sinh","last_step":"b","events":[[1,"khai-sinh","a","shown"],[2,"khai-sinh","b","shown"]]}"#
    static let daily = #"{"type":"daily","day":"2026-11-20","hour":9,"terminal":"t1","guide":"g","lang":"vi","launched_by":"self","outcome":"done","sessions":2}"#

    func count(_ store: SessionStore) throws -> Int64 {
        try store.database.query("SELECT (SELECT COUNT(*) FROM session) + (SELECT COUNT(*) FROM step_event) + (SELECT COUNT(*) FROM daily) "
            + "+ (SELECT COUNT(*) FROM daily_step) + (SELECT COUNT(*) FROM purged_session)").first?.first?.int ?? -1
    }

    @Test(arguments: [
        ("\"hour\":9", "\"hour\":25", "\"hour\" must be 0 to 23"),
        ("\"backs\":0", "\"backs\":-1", "the counts must be"),
        ("\"guide\":\"khai-sinh\"", "\"guide\":\"khai\\u001b[2J\"", "\"guide\" must be a guide id"),
        ("\"outcome\":\"done\"", "\"outcome\":\"hacked\"", "\"outcome\" must be"),
        ("\"lang\":\"vi\"", "\"lang\":\"english\"", "\"lang\" must be"),
        ("\"day\":\"2026-11-20\"", "\"day\":\"2026-02-30\"", "\"day\" must be a date"),
        ("\"terminal\":\"t1\"", "\"terminal\":\"" + String(repeating: "x", count: 10_000_000) + "\"", "\"terminal\" must be"),
        ("\"hour\":9", "\"hour\":true", "\"hour\" is missing or not a whole number"),
        ("\"events\":[[1,\"khai-sinh\",\"a\",\"shown\"],[2,\"khai-sinh\",\"b\",\"shown\"]]", "\"events\":\"x\"", "step event"),
        ("\"duration\":60", "\"duration\":65", "\"duration\" must be a multiple of 10"),
    ])
    func anInvalidFieldRejectsTheWholeFile(field: String, bad: String, message: String) throws {
        let file = TemporaryDatabase()
        let store = try SessionStore(path: file.path)
        let broken = Self.session.replacingOccurrences(of: field, with: bad)
        #expect(broken != Self.session)
        let text = Self.daily + "\n" + broken + "\n" + Self.daily.replacingOccurrences(of: "\"hour\":9", with: "\"hour\":10") + "\n"
        do {
            _ = try store.importLines(text, path: "bad.jsonl")
            Issue.record("an invalid line was accepted: \(bad.prefix(60))")
        } catch {
            #expect(error.description.hasPrefix("bad.jsonl:2:1: error: ") && error.description.contains(message), "\(error)")
            #expect(!error.description.contains("\u{1B}"))
        }
        #expect(try count(store) == 0, "something of the rejected file was written")
    }

    @Test func aPurgeMarkerCannotDeleteACommittedSession() throws {
        let file = TemporaryDatabase()
        let store = try SessionStore(path: file.path)
        _ = try store.importLines(Self.session, path: "first.jsonl")
        let marker = #"{"type":"purged","id":"0123456789abcdef0123456789abcdef","day":"2026-11-20"}"#
        do {
            _ = try store.importLines(marker, path: "hostile.jsonl")
            Issue.record("the marker was accepted")
        } catch {
            #expect(error.description.hasPrefix("hostile.jsonl:1:1: error: this purge marker names a session that is here"), "\(error)")
        }
        #expect(try store.database.query("SELECT COUNT(*) FROM session").first?.first?.int == 1)
        #expect(try store.database.query("SELECT COUNT(*) FROM step_event").first?.first?.int == 2)
        // With the daily total that counts it (what a real export of a purged day holds), the row becomes that total.
        let total = #"{"type":"daily","day":"2026-11-20","hour":9,"terminal":"t1","guide":"khai-sinh","lang":"vi","launched_by":"self","outcome":"done","sessions":1}"#
        let summary = try store.importLines(total + "\n" + marker, path: "purged.jsonl")
        #expect(summary.aggregates == 1)
        let report = try Reporter(store: store).report(ReportPeriod(from: "2026-11-20", to: "2026-11-20"), by: [])
        #expect(report.kpi.guided == 1 && report.kpi.done == 1, "the session is counted once, as a total")
    }

    @Test func countsBeyondWhatAProvinceProducesAreRefusedAndReportsNeverOverflow() throws {
        let file = TemporaryDatabase()
        let store = try SessionStore(path: file.path)
        let huge = Self.daily.replacingOccurrences(of: "\"sessions\":2", with: "\"sessions\":8999999999999999")
        #expect(throws: ExchangeError.self) { try store.importLines(huge, path: "huge.jsonl") }
        // A database filled with such totals before this check (or by hand) still reports.
        try store.database.execute("""
            WITH RECURSIVE k(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM k WHERE i < 1099)
            INSERT INTO daily SELECT '2026-11-20', i % 24, 't' || i, 'g', 'vi', 'self', 'done', '', 8999999999999999 FROM k
            """)
        let report = try Reporter(store: store).report(ReportPeriod(from: "2026-11-20", to: "2026-11-20"), by: [.guide])
        #expect(report.kpi.guided == Int.max && report.rows.first?.sessions == Int.max)
    }

    @Test func aLineSeparatorInsideAStringIsJSONNotANewLine() throws {
        let file = TemporaryDatabase()
        let store = try SessionStore(path: file.path)
        let line = Self.daily.replacingOccurrences(of: "\"type\":\"daily\"", with: "\"type\":\"daily\",\"note\":\"a\u{2028}b\u{2029}c\"")
        #expect(try store.importLines(line + "\r\n", path: "ls.jsonl").aggregates == 1)
    }

    @Test func aDifferingDailyTotalIsCountedNotHidden() throws {
        let file = TemporaryDatabase()
        let store = try SessionStore(path: file.path)
        _ = try store.importLines(Self.daily, path: "a.jsonl")
        let summary = try store.importLines(Self.daily.replacingOccurrences(of: "\"sessions\":2", with: "\"sessions\":5"), path: "b.jsonl")
        #expect(summary.differing == 1)
        let older = try store.importLines(Self.daily, path: "a.jsonl")
        #expect(older.differing == 1 && older.aggregates == 1)
        #expect(try store.database.query("SELECT sessions FROM daily").first?.first?.int == 5, "totals only grow")
    }

    /// Purge markers must be paid for by the totals: duplicate total lines count once, and totals already here count.
    @Test func purgeMarkersCannotRemoveMoreThanTheTotalsAdd() throws {
        let file = TemporaryDatabase()
        let store = try SessionStore(path: file.path)
        let second = Self.session.replacingOccurrences(of: "0123456789abcdef0123456789abcdef", with: "fedcba9876543210fedcba9876543210")
        _ = try store.importLines(Self.session + "\n" + second, path: "rows.jsonl")
        let total = #"{"type":"daily","day":"2026-11-20","hour":9,"terminal":"t1","guide":"khai-sinh","lang":"vi","launched_by":"self","outcome":"done","sessions":1}"#
        let markers = #"{"type":"purged","id":"0123456789abcdef0123456789abcdef","day":"2026-11-20"}"# + "\n"
            + #"{"type":"purged","id":"fedcba9876543210fedcba9876543210","day":"2026-11-20"}"#
        // The same total of one session twice cannot pay for two rows.
        #expect(throws: ExchangeError.self) { try store.importLines(total + "\n" + total + "\n" + markers, path: "twice.jsonl") }
        #expect(try store.database.query("SELECT COUNT(*) FROM session").first?.first?.int == 2)
        // A total already here does not pay for a row either.
        try store.database.execute("INSERT INTO daily VALUES ('2026-11-20', 9, 't1', 'khai-sinh', 'vi', 'self', 'done', '', 3)")
        let four = total.replacingOccurrences(of: "\"sessions\":1", with: "\"sessions\":4")
        #expect(throws: ExchangeError.self) { try store.importLines(four + "\n" + markers, path: "old.jsonl") }
        #expect(try store.database.query("SELECT COUNT(*) FROM session").first?.first?.int == 2)
        let five = total.replacingOccurrences(of: "\"sessions\":1", with: "\"sessions\":5")
        _ = try store.importLines(five + "\n" + markers, path: "right.jsonl")
        let report = try Reporter(store: store).report(ReportPeriod(from: "2026-11-20", to: "2026-11-20"), by: [])
        #expect(report.kpi.guided == 5, "3 here and the 2 rows, now counted once in the total")
    }
}
