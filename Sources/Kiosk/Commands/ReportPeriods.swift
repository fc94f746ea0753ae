import Guides
import Telemetry

/// Calendar arithmetic on report periods: whole months, quarters and years, the period before, and their names.
enum ReportPeriods {
    /// `count` whole months from `first` of `year`; nil for an impossible month.
    static func months(year: Int, first: Int, count: Int) -> ReportPeriod? {
        guard (1000...9999).contains(year), (1...12).contains(first), count >= 1, first + count - 1 <= 12,
            let start = Day(String(format: "%04d-%02d-01", year, first))
        else { return nil }
        let lastMonth = first + count - 1
        guard let end = Day(String(format: "%04d-%02d-%02d", year, lastMonth, Day.daysIn(month: lastMonth, year: year))) else { return nil }
        return ReportPeriod(from: start.description, to: end.description)
    }

    /// What a period is, read from its dates: a whole month, quarter or year, or a range of days.
    enum Shape: Equatable {
        case month(year: Int, month: Int)
        case quarter(year: Int, quarter: Int)
        case year(Int)
        case days(from: Day, to: Day)
    }

    static func shape(of period: ReportPeriod) -> Shape? {
        guard let from = Day(period.from), let to = Day(period.to) else { return nil }
        let wholeMonths = period.from.hasSuffix("-01") && from.year == to.year
            && period.to.hasSuffix(String(format: "-%02d", Day.daysIn(month: to.month, year: to.year)))
        if wholeMonths {
            if from.month == to.month { return .month(year: from.year, month: from.month) }
            if from.month == 1 && to.month == 12 { return .year(from.year) }
            if from.month % 3 == 1 && to.month == from.month + 2 { return .quarter(year: from.year, quarter: (from.month + 2) / 3) }
        }
        return .days(from: from, to: to)
    }

    /// The period just before, of the same kind: the month, quarter or year before, or as many days just before.
    static func previous(_ period: ReportPeriod) -> ReportPeriod? {
        switch shape(of: period) {
        case .month(let year, let month): return month == 1 ? months(year: year - 1, first: 12, count: 1) : months(year: year, first: month - 1, count: 1)
        case .quarter(let year, let quarter):
            return quarter == 1 ? months(year: year - 1, first: 10, count: 3) : months(year: year, first: quarter * 3 - 5, count: 3)
        case .year(let year): return months(year: year - 1, first: 1, count: 12)
        case .days(let from, let to):
            let length = to.daysSinceEpoch - from.daysSinceEpoch + 1
            return ReportPeriod(from: Day(daysSinceEpoch: from.daysSinceEpoch - length).description,
                to: Day(daysSinceEpoch: from.daysSinceEpoch - 1).description)
        case nil: return nil
        }
    }

    /// The period in words for a printed report: "tháng 11/2026", "quý IV/2026", "năm 2026", "01/11/2026 – 15/11/2026".
    /// A day as a report writes it: `dd/mm/yyyy` in Vietnamese, `yyyy-mm-dd` in English.
    static func date(_ day: Day, english: Bool) -> String {
        english ? day.description : String(format: "%02d/%02d/%04d", day.dayOfMonth, day.month, day.year)
    }

    /// `asDays` names it by its first and last day whatever it is.
    static func name(_ period: ReportPeriod, english: Bool, asDays: Bool = false) -> String {
        func date(_ day: Day) -> String { Self.date(day, english: english) }
        let roman = ["I", "II", "III", "IV"]
        if asDays, let from = Day(period.from), let to = Day(period.to) { return from == to ? date(from) : date(from) + " – " + date(to) }
        switch shape(of: period) {
        case .month(let year, let month): return english ? String(format: "%04d-%02d", year, month) : "tháng \(month)/\(year)"
        case .quarter(let year, let quarter): return english ? "\(year) Q\(quarter)" : "quý \(roman[quarter - 1])/\(year)"
        case .year(let year): return english ? "year \(year)" : "năm \(year)"
        case .days(let from, let to): return from == to ? date(from) : date(from) + " – " + date(to)
        case nil: return period.from + " – " + period.to
        }
    }
}
