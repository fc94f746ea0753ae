import Foundation
import Testing
@testable import Telemetry

/// Report arithmetic on a known fixture, CSV escaping, suppression, purge and merge.
@Suite struct ReportTests {
    /// 10 sessions on 2026-11-20 and 2026-11-21 over two terminals, with a known mix of outcomes.
    func fixture() throws -> (TemporaryDatabase, SessionStore) {
        let file = TemporaryDatabase()
        let store = try SessionStore(path: file.path)
        for _ in 0..<4 { try addSession(store, outcome: .done, steps: ["a", "b", "c"]) }
        try addSession(store, outcome: .staff, steps: ["a", "b"])
        try addSession(store, outcome: .later, steps: ["a"])
        try addSession(store, terminal: "t2", lang: "en", by: .volunteer, outcome: .timeout, steps: ["a", "b"])
        try addSession(store, day: "2026-11-21", guide: "kich-hoat-vneid", outcome: .abandoned, steps: ["x"])
        try addSession(store, day: "2026-11-21", terminal: "t2", guide: "kich-hoat-vneid", by: .volunteer, outcome: .done, steps: ["x"])
        try addSession(store, day: "2026-11-21", guide: "kich-hoat-vneid", outcome: .interrupted, steps: [])
        return (file, store)
    }

    let both = ReportPeriod(from: "2026-11-20", to: "2026-11-21")

    @Test func theKPIAddsUp() throws {
        let (_, store) = try fixture()
        let report = try Reporter(store: store).report(both, by: [])
        #expect(report.kpi == KPI(done: 5, staff: 1, later: 1, lost: 3))
        // The plan's indicator: who did it themselves, of all guided; the other shares of the same base.
        #expect(report.kpi.guided == 10 && report.kpi.selfShare == 0.5)
        #expect(report.kpi.staffShare == 0.1 && report.kpi.laterShare == 0.1 && report.kpi.lostShare == 0.3)
        #expect(report.rows.isEmpty)
        let table = ReportFormat.tableReport(report).split(separator: "\n")
        #expect(table.contains { $0.hasPrefix("self-share ") && $0.hasSuffix(" 50.0%") })
        #expect(table.contains { $0.hasPrefix("lost-share ") && $0.hasSuffix(" 30.0%") })
        #expect(!table.contains("supported"), "the share that counted staff and later as supported is gone")
        let json = ReportFormat.jsonReport(report)
        #expect(json.contains("\"self_share\" : 0.5") && json.contains("\"in_progress\" : 0"))
    }

    @Test func aSessionInProgressIsInNoShareAndOnlyItsOwnTerminalClosesIt() throws {
        let (_, store) = try fixture()
        // Begun on two terminals, not ended: citizens still at the kiosk.
        for terminal in ["t1", "t2"] {
            try store.begin(SessionStart(id: SessionStore.newSessionID(), terminal: terminal, day: "2026-11-21", hour: 10,
                guide: "khai-sinh", language: "vi", launchedBy: .citizen))
        }
        let report = try Reporter(store: store).report(both, by: [])
        #expect(report.kpi.inProgress == 2 && report.kpi.guided == 10 && report.kpi.lost == 3)
        #expect(ReportFormat.tableReport(report).split(separator: "\n").contains { $0.hasPrefix("in-progress ") && $0.hasSuffix(" 2") })
        // Terminal t1 restarting after a crash closes its own open session, never t2's, whose citizen is still there.
        #expect(try store.closeOpenSessions(terminal: "t1") == 1)
        let after = try Reporter(store: store).report(both, by: [])
        #expect(after.kpi.inProgress == 1 && after.kpi.lost == 4)
    }

    @Test func indicatorsOnTooSmallABaseAreWithheldAndTablesAlignAnyColumn() throws {
        let (_, store) = try fixture()
        let small = try Reporter(store: store).report(both, by: [], minimumCount: 30)
        #expect(!ReportFormat.tableReport(small).contains("self-share"))
        #expect(small.suppressionNote == "the indicators are withheld for publication: fewer than 30 sessions, or an outcome of fewer than 30")
        #expect(ReportFormat.jsonReport(small).contains("\"kpi\" : null"))
        // 10 sessions, but one handed to staff: under 10, the total "handed to staff" would point at one person.
        #expect(try Reporter(store: store).report(both, by: [], minimumCount: 10).suppressionNote != nil)
        #expect(try Reporter(store: store).report(both, by: [], minimumCount: 1).suppressionNote == nil)
        // A number column first (--by hour) stays aligned, its header over its figures.
        let table = ReportFormat.table([["hour", "guide", "sessions"], ["09", "khai-sinh", "7"], ["10", "kich-hoat-vneid", "12"]])
        #expect(table == "hour  guide            sessions\n  09  khai-sinh               7\n  10  kich-hoat-vneid        12\n")
    }

    @Test func sharesRoundOneWayEverywhere() {
        #expect(ReportFormat.percent(1.0 / 16) == "6.3%" && ReportFormat.percent(0.0625 * 3) == "18.8%")
        #expect(ReportFormat.percent(nil) == "-" && ReportFormat.percent(1) == "100.0%")
    }

    @Test func breakdownsCountEverySession() throws {
        let (_, store) = try fixture()
        let reporter = Reporter(store: store)
        let byGuide = try reporter.report(both, by: [.guide, .outcome])
        #expect(byGuide.rows.map { $0.values + [String($0.sessions)] } == [
            ["khai-sinh", "done", "4"], ["khai-sinh", "later", "1"], ["khai-sinh", "staff", "1"], ["khai-sinh", "timeout", "1"],
            ["kich-hoat-vneid", "abandoned", "1"], ["kich-hoat-vneid", "done", "1"], ["kich-hoat-vneid", "interrupted", "1"],
        ])
        let byLauncher = try reporter.report(both, by: [.launchedBy, .terminal])
        #expect(byLauncher.rows.map { $0.values + [String($0.sessions)] } == [["self", "t1", "8"], ["volunteer", "t2", "2"]])
        let oneDay = try reporter.report(ReportPeriod(from: "2026-11-21", to: "2026-11-21"), by: [.lang])
        #expect(oneDay.kpi.guided == 3 && oneDay.rows.map(\.sessions).reduce(0, +) == 3)
        #expect(try reporter.report(both, by: [.hour]).rows.first?.values == ["09"])
    }

    @Test func smallCellsAreSuppressedAndSaidSo() throws {
        let (_, store) = try fixture()
        let report = try Reporter(store: store).report(both, by: [.guide, .outcome], minimumCount: 2)
        #expect(report.rows.map(\.values) == [["khai-sinh", "done"]])
        #expect(report.suppressedRows == 6)
        #expect(report.kpi.guided == 10)
        #expect(ReportFormat.tableReport(report).contains("row(s) with fewer than 2 sessions, or with an outcome of fewer than 2, withheld"))
        #expect(!ReportFormat.tableReport(report).contains("self-share"), "totals would reveal the suppressed rows")
        #expect(report.suppressionNote?.contains("6 row(s)") == true)
    }

    @Test(arguments: [("plain", "plain"), ("a,b", "\"a,b\""), ("say \"hi\"", "\"say \"\"hi\"\"\""), ("two\nlines", "\"two\nlines\""),
        ("Đắk Lắk", "Đắk Lắk"), ("cr\r", "\"cr\r\""), ("Xã Ea H'leo, Đắk Lắk", "\"Xã Ea H'leo, Đắk Lắk\"")])
    func csvFieldsFollowRFC4180(text: String, field: String) {
        #expect(ReportFormat.csvField(text) == field)
    }

    @Test func csvHasCRLFAndExcelGetsABOM() {
        #expect(ReportFormat.csv([["guide", "sessions"], ["khai-sinh", "7"]], excel: false) == "guide,sessions\r\nkhai-sinh,7\r\n")
        #expect(ReportFormat.csv([["guide"]], excel: true) == "\u{FEFF}guide\r\n")
    }

    @Test func rollingUpGivesTheSameCountsAsAScanAndWithholdsAlike() throws {
        let (_, store) = try fixture()
        let reporter = Reporter(store: store)
        let scan = try reporter.report(both, by: [.guide, .lang, .launchedBy, .day])
        for dimensions in [[ReportDimension.guide], [.lang], [.launchedBy, .day], []] {
            let direct = try reporter.report(both, by: dimensions, minimumCount: 2)
            let rolled = scan.rolledUp(to: dimensions, minimumCount: 2)
            #expect(rolled.rows == direct.rows && rolled.suppressedRows == direct.suppressedRows && rolled.kpi == direct.kpi)
        }
    }

    /// Under --min-count K nothing printed lets a count under K be worked out: not a row's own outcome, not a total
    /// minus the rows shown, not another breakdown of the same document that adds up to the total.
    @Test func smallCountsCannotBeWorkedOut() throws {
        let file = TemporaryDatabase()
        let store = try SessionStore(path: file.path)
        for _ in 0..<6 { try addSession(store, guide: "a", outcome: .done) }
        for _ in 0..<3 { try addSession(store, guide: "a", lang: "en", outcome: .staff) }
        for _ in 0..<2 { try addSession(store, guide: "b", outcome: .done) }
        for _ in 0..<2 { try addSession(store, guide: "c", lang: "en", outcome: .done) }
        let reporter = Reporter(store: store)
        // b and c have 2 sessions each: withheld; together they are 4 done, nothing small: the indicators stay.
        let byGuide = try reporter.report(both, by: [.guide], minimumCount: 3)
        #expect(byGuide.rows.map(\.values) == [["a"]] && byGuide.suppressedRows == 2 && byGuide.showsIndicators)
        // One session of c "later": c's row is withheld for its outcome of 1, and so are the indicators (the total
        // "later" would be 1).
        try addSession(store, guide: "c", outcome: .later)
        let again = try reporter.report(both, by: [.guide], minimumCount: 3)
        #expect(again.suppressedRows == 2 && !again.showsIndicators)
        #expect(again.suppressionNote?.contains("1") == false, "the note never says how small")
        // A row with 3 sessions but one "staff" is withheld: its share would reveal the 1.
        let withStaff = try reporter.report(both, by: [.lang], minimumCount: 3)
        #expect(withStaff.rows.allSatisfy { $0.kpi.staff == 0 || $0.kpi.staff >= 3 })
        // In one document, a complete breakdown of a document whose indicators are withheld loses its smallest row,
        // so that it no longer adds up to the total: guide d has one session, so the guides withhold the indicators,
        // while by language every row is fine and would add up to them.
        let other = TemporaryDatabase()
        let document = try SessionStore(path: other.path)
        for _ in 0..<6 { try addSession(document, guide: "a", outcome: .done) }
        for _ in 0..<4 { try addSession(document, guide: "e", lang: "en", outcome: .done) }
        try addSession(document, guide: "d", outcome: .done)
        let scan = try Reporter(store: document).report(both, by: [.guide, .lang])
        let alone = scan.rolledUp(to: [.lang], minimumCount: 3)
        #expect(alone.suppressedRows == 0 && alone.showsIndicators)
        let parts = Report.disclosed([scan.rolledUp(to: [.guide], minimumCount: 3), alone])
        #expect(parts.allSatisfy { !$0.showsIndicators })
        #expect(parts[1].suppressedRows == 1 && parts[1].rows.map(\.values) == [["vi"]])
        // Without a threshold, everything is shown.
        #expect(Report.disclosed([scan.rolledUp(to: [.guide], minimumCount: 0)])[0].rows.count == 3)
        _ = store
    }

    @Test func jsonCarriesRowsAndKPI() throws {
        let (_, store) = try fixture()
        let text = ReportFormat.jsonReport(try Reporter(store: store).report(both, by: [.guide]))
        let object = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        let kpi = try #require(object["kpi"] as? [String: Any])
        #expect(kpi["guided"] as? Int == 10 && kpi["lost"] as? Int == 3 && kpi["self_share"] as? Double == 0.5)
        #expect((object["rows"] as? [[String: Any]])?.count == 2)
    }

    @Test func theFunnelUsesBranchAwareDenominators() throws {
        let (_, store) = try fixture()
        let steps = try Reporter(store: store).funnel(guide: "khai-sinh", period: both)
        let byStep = Dictionary(uniqueKeysWithValues: steps.map { ($0.step, $0) })
        #expect(byStep["a"]?.reached == 7 && byStep["a"]?.left == 1 && byStep["a"]?.leftLater == 1)
        #expect(byStep["b"]?.reached == 6 && byStep["b"]?.leftStaff == 1 && byStep["b"]?.leftLost == 1)
        #expect(byStep["c"]?.reached == 4 && byStep["c"]?.leftDone == 4 && byStep["c"]?.left == 0)
        #expect(byStep["b"]?.dropOff == 2.0 / 6.0)
    }

    @Test func purgeKeepsReportsAndFunnelsAddingUp() throws {
        let (_, store) = try fixture()
        let reporter = Reporter(store: store)
        let before = try reporter.report(both, by: [.guide, .outcome, .terminal, .hour, .lang, .launchedBy])
        let funnelBefore = try reporter.funnel(guide: "khai-sinh", period: both)
        #expect(try store.purge(before: "2026-11-21") == 7)
        #expect(try store.database.query("SELECT COUNT(*) FROM session").first?.first?.int == 3)
        #expect(try store.database.query("SELECT COUNT(*) FROM step_event e JOIN session s ON s.id = e.session WHERE s.day < '2026-11-21'")
            .first?.first?.int == 0)
        let after = try reporter.report(both, by: [.guide, .outcome, .terminal, .hour, .lang, .launchedBy])
        #expect(after.rows == before.rows && after.kpi == before.kpi)
        #expect(try reporter.funnel(guide: "khai-sinh", period: both) == funnelBefore)
    }

    @Test func exportThenImportMergesAndTwiceChangesNothing() throws {
        let (_, store) = try fixture()
        try store.purge(before: "2026-11-21")
        var lines: [String] = []
        try store.export(ReportPeriod(from: "0000-01-01", to: "9999-12-31")) { lines.append($0) }
        let target = TemporaryDatabase()
        let merged = try SessionStore(path: target.path)
        let first = try merged.importLines(lines.joined(separator: "\n"), path: "t1.jsonl")
        #expect(first.sessions == 3 && first.aggregates > 0 && first.duplicates == 0)
        let second = try merged.importLines(lines.joined(separator: "\n"), path: "t1.jsonl")
        // Every line but the header is already here.
        #expect(second.sessions == 0 && second.aggregates == 0 && second.duplicates == lines.count - 1)
        let original = try Reporter(store: store).report(both, by: [.guide, .outcome, .terminal])
        let copy = try Reporter(store: merged).report(both, by: [.guide, .outcome, .terminal])
        #expect(copy.rows == original.rows && copy.kpi == original.kpi)
        #expect(try Reporter(store: merged).funnel(guide: "khai-sinh", period: both)
            == Reporter(store: store).funnel(guide: "khai-sinh", period: both))
    }

    @Test func aBadImportLineChangesNothingAndSaysWhere() throws {
        let target = TemporaryDatabase()
        let store = try SessionStore(path: target.path)
        let good = #"{"type":"daily","day":"2026-11-20","hour":9,"terminal":"t1","guide":"g","lang":"vi","launched_by":"self","outcome":"done","sessions":2}"#
        do {
            _ = try store.importLines(good + "\nnot json\n", path: "x.jsonl")
            Issue.record("a bad line was imported")
        } catch {
            guard case .line = error else { Issue.record("not a line error: \(error)"); return }
            #expect(error.description == "x.jsonl:2:1: error: not a line of a kiosk export")
        }
        #expect(try store.database.query("SELECT COUNT(*) FROM daily").first?.first?.int == 0)
    }

    @Test func importAfterAPurgeOnEitherSideNeitherDoublesNorLoses() throws {
        // The reviewer's two cases: the source purges after a first import; the target purges between two imports.
        let (_, source) = try fixture()
        var before: [String] = []
        try source.export(both) { before.append($0) }
        let target = TemporaryDatabase()
        let merged = try SessionStore(path: target.path)
        _ = try merged.importLines(before.joined(separator: "\n"), path: "before.jsonl")
        try source.purge(before: "2026-11-22")
        var after: [String] = []
        try source.export(both) { after.append($0) }
        _ = try merged.importLines(after.joined(separator: "\n"), path: "after.jsonl")
        let expected = try Reporter(store: source).report(both, by: [.guide, .outcome])
        #expect(try Reporter(store: merged).report(both, by: [.guide, .outcome]).kpi == expected.kpi)
        #expect(try Reporter(store: merged).funnel(guide: "khai-sinh", period: both)
            == Reporter(store: source).funnel(guide: "khai-sinh", period: both))

        let (_, second) = try fixture()
        var all: [String] = []
        try second.export(both) { all.append($0) }
        let partial = TemporaryDatabase()
        let store = try SessionStore(path: partial.path)
        // The header and the first three sessions.
        _ = try store.importLines(all.prefix(4).joined(separator: "\n"), path: "part.jsonl")
        try store.purge(before: "2026-11-22")
        let summary = try store.importLines(all.joined(separator: "\n"), path: "all.jsonl")
        #expect(summary.duplicates == 3 && summary.sessions == 7)
        #expect(try Reporter(store: store).report(both, by: []).kpi.guided == 10)
    }

    @Test(arguments: [#"{"type":"session","id":"0123456789abcdef0123456789abcdef"}"#,
        #"{"type":"daily","day":"2026-11-20","hour":true,"terminal":"t1","guide":"g","lang":"vi","launched_by":"self","outcome":"done","sessions":1}"#,
        #"{"type":"daily","day":"2026-11-20","hour":9,"terminal":"t1","guide":"g","lang":"vi","launched_by":"self","outcome":"done","sessions":"1"}"#,
        #"{"type":"daily","day":"2026-11-20","hour":9.5,"terminal":"t1","guide":"g","lang":"vi","launched_by":"self","outcome":"done","sessions":1}"#,
        #"{"type":"daily","day":"2026-11-20","hour":9,"terminal":"0912 345 678","guide":"g","lang":"vi","launched_by":"self","outcome":"done","sessions":1}"#,
        #"{"type":"daily_step","day":"2026-11-20","terminal":"t1","session_guide":"g","guide":"g","step":"otp 123456","reached":1,"left_done":0,"left_staff":0,"left_later":0,"left_lost":0}"#])
    func badImportLinesAreRefusedWithTheirLine(line: String) throws {
        let target = TemporaryDatabase()
        let store = try SessionStore(path: target.path)
        #expect(throws: (any Error).self) { try store.importLines("\n" + line + "\n", path: "bad.jsonl") }
        do {
            _ = try store.importLines("\n" + line + "\n", path: "bad.jsonl")
        } catch {
            #expect(error.description.hasPrefix("bad.jsonl:2:1: error:"), "\(error)")
        }
        #expect(try store.database.query("SELECT (SELECT COUNT(*) FROM daily) + (SELECT COUNT(*) FROM daily_step) + (SELECT COUNT(*) FROM session)").first?.first?.int == 0)
    }

    @Test func crlfExportsImport() throws {
        let (_, store) = try fixture()
        var lines: [String] = []
        try store.export(both) { lines.append($0) }
        let target = TemporaryDatabase()
        let merged = try SessionStore(path: target.path)
        #expect(try merged.importLines(lines.joined(separator: "\r\n") + "\r\n", path: "crlf.jsonl").sessions == 10)
    }
}
