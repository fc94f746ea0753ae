import Telemetry

/// One cell of a report sheet, typed so that each format writes it right: a spreadsheet gets numbers as numbers,
/// shares as numbers with a percent format, and days as dates.
enum ReportCell: Equatable {
    case text(String)
    case number(Int)
    /// A share from 0 to 1; nil when its base is zero.
    case share(Double?)
    /// A day, `YYYY-MM-DD`.
    case date(String)
    case empty

    /// The cell in a CSV file: shares as percent numbers with one decimal and a point (the header says "%"), days
    /// as `YYYY-MM-DD`.
    var csv: String {
        switch self {
        case .text(let text): return text
        case .number(let value): return String(value)
        case .share(let share): return share.map { String(format: "%.1f", ReportFormat.rounded($0) * 100) } ?? ""
        case .date(let day): return day
        case .empty: return ""
        }
    }
}
