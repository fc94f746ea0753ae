@testable import Guides
import Telemetry
import Testing
@testable import Kiosk

/// Report periods as staff type them.
@Suite struct PeriodTests {
    let today = Day("2026-03-01")!

    func period(_ arguments: [String]) throws -> ReportPeriod {
        try StatisticsOptions.period(try Arguments(arguments, options: KioskOptions.period, positionals: 0...0), today: today)
    }

    @Test func daysMonthsAndRanges() throws {
        #expect(try period([]) == ReportPeriod(from: "2026-03-01", to: "2026-03-01"))
        #expect(try period(["--day", "yesterday"]) == ReportPeriod(from: "2026-02-28", to: "2026-02-28"))
        #expect(try period(["--day", "2026-01-15"]) == ReportPeriod(from: "2026-01-15", to: "2026-01-15"))
        #expect(try period(["--month", "2024-02"]) == ReportPeriod(from: "2024-02-01", to: "2024-02-29"))
        #expect(try period(["--from", "2026-01-01", "--to", "today"]) == ReportPeriod(from: "2026-01-01", to: "2026-03-01"))
    }

    @Test func quartersYearsAndThePeriodBefore() throws {
        #expect(try period(["--quarter", "2026-Q4"]) == ReportPeriod(from: "2026-10-01", to: "2026-12-31"))
        #expect(try period(["--quarter", "2024-q1"]) == ReportPeriod(from: "2024-01-01", to: "2024-03-31"))
        #expect(try period(["--year", "2026"]) == ReportPeriod(from: "2026-01-01", to: "2026-12-31"))
        #expect(ReportPeriods.previous(try period(["--month", "2026-01"])) == ReportPeriod(from: "2025-12-01", to: "2025-12-31"))
        #expect(ReportPeriods.previous(try period(["--month", "2024-03"])) == ReportPeriod(from: "2024-02-01", to: "2024-02-29"))
        #expect(ReportPeriods.previous(try period(["--quarter", "2026-Q1"])) == ReportPeriod(from: "2025-10-01", to: "2025-12-31"))
        #expect(ReportPeriods.previous(try period(["--quarter", "2026-Q3"])) == ReportPeriod(from: "2026-04-01", to: "2026-06-30"))
        #expect(ReportPeriods.previous(try period(["--year", "2026"])) == ReportPeriod(from: "2025-01-01", to: "2025-12-31"))
        #expect(ReportPeriods.previous(ReportPeriod(from: "2026-03-01", to: "2026-03-10")) == ReportPeriod(from: "2026-02-19", to: "2026-02-28"))
        #expect(ReportPeriods.name(try period(["--quarter", "2026-Q4"]), english: false) == "quý IV/2026")
        #expect(ReportPeriods.name(try period(["--month", "2026-11"]), english: false) == "tháng 11/2026")
        #expect(ReportPeriods.name(ReportPeriod(from: "2026-03-01", to: "2026-03-10"), english: false) == "01/03/2026 – 10/03/2026")
    }

    @Test(arguments: [["--quarter", "2026-Q5"], ["--quarter", "2026-4"], ["--year", "26"], ["--year", "2026", "--month", "2026-01"],
        ["--month", "2026-1"], ["--day", "2026-02-30"], ["--month", "2026-13"], ["--from", "2026-01-01"], ["--to", "2026-01-01"],
        ["--from", "2026-02-01", "--to", "2026-01-01"], ["--day", "today", "--month", "2026-01"]])
    func mistakesAreUsageErrors(arguments: [String]) {
        #expect(throws: CommandError.self) { try period(arguments) }
    }
}
