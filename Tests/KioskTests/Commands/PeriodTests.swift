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

    @Test(arguments: [["--day", "2026-02-30"], ["--month", "2026-13"], ["--from", "2026-01-01"], ["--to", "2026-01-01"],
        ["--from", "2026-02-01", "--to", "2026-01-01"], ["--day", "today", "--month", "2026-01"]])
    func mistakesAreUsageErrors(arguments: [String]) {
        #expect(throws: CommandError.self) { try period(arguments) }
    }
}
