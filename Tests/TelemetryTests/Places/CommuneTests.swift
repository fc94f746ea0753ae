import Foundation
import Testing
@testable import Telemetry

/// Who counted what: the commune on every row and every export line, reports by commune, a terminal id shared by two
/// machines said at import, and the funnel's overview line, before and after a purge.
@Suite struct CommuneTests {
    // Made-up codes and names: the tests never stand for a real commune.
    static let east = Place(communeCode: "99001", commune: "Xã Thử Đông", centre: "Trung tâm thử Đông", machine: "00000000000000aa")
    static let west = Place(communeCode: "99002", commune: "Phường Thử Tây", centre: "Trung tâm thử Tây", machine: "00000000000000bb")
    let period = ReportPeriod(from: "2026-11-01", to: "2026-11-30")

    func lines(_ store: SessionStore) throws -> [String] {
        var lines: [String] = []
        try store.export(period) { lines.append($0) }
        return lines
    }

    @Test func everyRowAndEveryExportLineCarriesTheCommune() throws {
        let file = TemporaryDatabase()
        let store = try SessionStore(path: file.path)
        try store.register(Self.east, terminal: "t1")
        for _ in 0..<3 { try addSession(store, outcome: .done, commune: "99001") }
        try addSession(store, outcome: .staff, commune: "99001")
        try addSession(store, day: "2026-11-01", outcome: .later, commune: "")
        let report = try Reporter(store: store).report(period, by: [.commune])
        #expect(report.rows.map(\.values) == [[""], ["99001"]] && report.rows.map(\.sessions) == [1, 4])
        #expect(report.rows.last?.kpi == KPI(done: 3, staff: 1) && report.communes == ["", "99001"] && report.terminals == ["t1"])
        #expect(try store.communes()["99001"] == CommuneName(name: "Xã Thử Đông", centre: "Trung tâm thử Đông"))
        let exported = try lines(store)
        #expect(exported.first?.hasPrefix(#"{"type":"header","format":"kiosk-statistics","version":"2.0","#) == true)
        #expect(exported.dropFirst().first == #"{"type":"commune","code":"99001","name":"Xã Thử Đông","centre":"Trung tâm thử Đông"}"#)
        #expect(exported.filter { $0.contains(#""type":"session""#) }.allSatisfy { $0.contains(#""commune_code":"#) })
        #expect(exported.contains(#"{"type":"terminal","terminal":"t1","machine":"00000000000000aa"}"#))
        // A purged month keeps its communes in the daily totals, and so in every report and export.
        try store.purge(before: "2026-12-01")
        #expect(try Reporter(store: store).report(period, by: [.commune]).rows == report.rows)
        #expect(try lines(store).filter { $0.contains(#""type":"daily""#) }.allSatisfy { $0.contains(#""commune_code":"#) })
        // Imported elsewhere, the names come along; a commune already known there keeps its own name.
        let other = TemporaryDatabase()
        let province = try SessionStore(path: other.path)
        try province.register(Place(communeCode: "99001", commune: "Tên đã có", centre: ""), terminal: "x1")
        _ = try province.importLines(try lines(store).joined(separator: "\n"), path: "east.jsonl")
        #expect(try province.communes()["99001"]?.name == "Tên đã có")
        #expect(try Reporter(store: province).report(period, by: [.commune]).rows == report.rows)
    }

    @Test func twoMachinesUnderOneTerminalIdAreSaidAtImport() throws {
        let a = TemporaryDatabase(), b = TemporaryDatabase()
        let first = try SessionStore(path: a.path), second = try SessionStore(path: b.path)
        try first.register(Self.east, terminal: "kiosk-1")
        try second.register(Self.west, terminal: "kiosk-1")
        try addSession(first, terminal: "kiosk-1", outcome: .done, commune: "99001")
        try addSession(second, terminal: "kiosk-1", outcome: .done, commune: "99002")
        let summary = try first.importLines(try lines(second).joined(separator: "\n"), path: "west.jsonl")
        #expect(summary.sessions == 1 && summary.sharedTerminals == ["kiosk-1"])
        // Both sessions are kept: the warning is for staff, nothing is refused.
        #expect(try Reporter(store: first).report(period, by: [.commune]).rows.map(\.sessions) == [1, 1])
        // One machine's own terminal id is no warning.
        let c = TemporaryDatabase()
        let third = try SessionStore(path: c.path)
        try third.register(Self.east, terminal: "kiosk-1")
        #expect(try third.importLines(try lines(first).filter { !$0.contains("00000000000000bb") }.joined(separator: "\n"),
            path: "east.jsonl").sharedTerminals.isEmpty)
    }

    @Test func aFileWithoutCommunesStillImports() throws {
        let file = TemporaryDatabase()
        let store = try SessionStore(path: file.path)
        let old = """
            {"backs":0,"day":"2026-11-20","duration":60,"events":[[1,"g","a","shown"]],"furthest_step":1,"guide":"g","helps":0,"hour":9,"id":"0123456789abcdef0123456789abcdef","lang":"vi","last_guide":"g","last_step":"a","launched_by":"self","outcome":"done","steps_seen":1,"terminal":"t1","type":"session"}
            {"day":"2026-11-19","guide":"g","hour":9,"lang":"vi","launched_by":"self","outcome":"done","sessions":2,"terminal":"t1","type":"daily"}
            {"day":"2026-11-19","guide":"g","left_done":2,"left_later":0,"left_lost":0,"left_staff":0,"reached":2,"session_guide":"g","step":"a","terminal":"t1","type":"daily_step"}
            """
        let summary = try store.importLines(old, path: "old.jsonl")
        #expect(summary.sessions == 1 && summary.aggregates == 2)
        #expect(try Reporter(store: store).report(period, by: [.commune]).rows.map(\.sessions) == [3])
    }

    @Test func peopleWhoLeaveAtTheOverviewAreInTheFunnelBeforeAndAfterAPurge() throws {
        let file = TemporaryDatabase()
        let store = try SessionStore(path: file.path)
        // "Chưa, để lúc khác" on the overview: a session with no step.
        try addSession(store, outcome: .later, steps: [])
        try addSession(store, outcome: .later, steps: [])
        try addSession(store, outcome: .staff, steps: [])
        try addSession(store, outcome: .done, steps: ["a", "b"])
        func overview() throws -> FunnelStep? {
            try Reporter(store: store).funnel(guide: "khai-sinh", period: period).first { $0.isOverview }
        }
        let before = try #require(try overview())
        #expect(before.reached == 4 && before.leftLater == 2 && before.leftStaff == 1 && before.left == 3)
        #expect(before.dropOff == 0.75)
        try store.purge(before: "2026-12-01")
        #expect(try overview() == before)
        // And it travels: the overview line of the daily totals imports elsewhere.
        let other = TemporaryDatabase()
        let province = try SessionStore(path: other.path)
        _ = try province.importLines(try lines(store).joined(separator: "\n"), path: "x.jsonl")
        #expect(try Reporter(store: province).funnel(guide: "khai-sinh", period: period).first { $0.isOverview } == before)
    }

    @Test func breakdownsByMonthAndWeekCountEverySession() throws {
        let file = TemporaryDatabase()
        let store = try SessionStore(path: file.path)
        // 2026-11-29 is a Sunday, 2026-11-30 a Monday: two weeks, named by their Mondays.
        for day in ["2026-11-23", "2026-11-29", "2026-11-30", "2026-12-01"] { try addSession(store, day: day, outcome: .done) }
        let all = ReportPeriod(from: "2026-11-01", to: "2026-12-31")
        let months = try Reporter(store: store).report(all, by: [.month]).rows
        #expect(months.map(\.values) == [["2026-11"], ["2026-12"]] && months.map(\.sessions) == [3, 1])
        let weeks = try Reporter(store: store).report(all, by: [.week]).rows
        #expect(weeks.map(\.values) == [["2026-11-23"], ["2026-11-30"]] && weeks.map(\.sessions) == [2, 2])
    }
}
