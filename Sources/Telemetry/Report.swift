/// An inclusive range of days (`YYYY-MM-DD`).
public struct ReportPeriod: Sendable, Equatable {
    public let from: String
    public let to: String

    public init(from: String, to: String) {
        self.from = from
        self.to = to
    }
}

/// A column a report can be broken down by.
public enum ReportDimension: String, Sendable, CaseIterable {
    case guide, lang, launchedBy = "launched-by", outcome, terminal, hour, day

    /// The SQL column.
    var column: String { self == .launchedBy ? "launched_by" : rawValue }
}

/// One line of a report: the values of the chosen dimensions and how many sessions had them.
public struct ReportRow: Sendable, Equatable {
    public let values: [String]
    public let sessions: Int
}

/// The figures toward the province's target: every citizen who needs help is guided until they can file themselves.
public struct KPI: Sendable, Equatable {
    public var sessions = 0
    public var done = 0
    public var staff = 0
    public var later = 0
    /// Abandoned, timed out or interrupted.
    public var lost = 0

    /// Sessions that ended with the citizen done, handed to staff or coming back later: the share the 100% target
    /// is measured on (lost sessions are the gap). Nil when there were no sessions.
    public var supportedShare: Double? { sessions == 0 ? nil : Double(sessions - lost) / Double(sessions) }
}

/// A report over a period: rows by the chosen dimensions, and the KPI block.
public struct Report: Sendable {
    public let period: ReportPeriod
    public let dimensions: [ReportDimension]
    public let rows: [ReportRow]
    public let kpi: KPI
    /// Rows below `minimumCount`, left out for publication (their sessions still count in the KPI).
    public let suppressedRows: Int
    public let minimumCount: Int

    /// What was left out for publication, in words; nil when nothing was.
    public var suppressionNote: String? {
        suppressedRows == 0 ? nil : "\(suppressedRows) row(s) with fewer than \(minimumCount) sessions suppressed for publication; "
            + "the indicators are left out too, since totals would reveal the suppressed rows"
    }
}

/// Reports read from the store: one pass over the ended sessions and the aggregates of purged days.
public struct Reporter {
    let database: Database

    public init(database: Database) {
        self.database = database
    }

    /// Ended sessions, plus the daily aggregates kept for purged days, as (dimensions…, outcome, count) rows.
    static func source(_ columns: String) -> String {
        """
        SELECT \(columns), COUNT(*) AS n FROM session
            WHERE outcome IS NOT NULL AND day BETWEEN ?1 AND ?2 GROUP BY \(columns)
        UNION ALL
        SELECT \(columns), SUM(sessions) AS n FROM daily WHERE day BETWEEN ?1 AND ?2 GROUP BY \(columns)
        """
    }

    /// The report for `period` broken down by `dimensions`; rows under `minimumCount` sessions are suppressed.
    public func report(_ period: ReportPeriod, by dimensions: [ReportDimension], minimumCount: Int = 0) throws(SQLiteError) -> Report {
        // Group by the dimensions and the outcome in SQL (one scan), then roll up here: the KPI needs the outcomes.
        var columns = dimensions.map(\.column)
        if !dimensions.contains(.outcome) { columns.append("outcome") }
        let list = columns.joined(separator: ", ")
        let sql = "SELECT \(list), SUM(n) FROM (\(Self.source(list))) GROUP BY \(list)"
        var kpi = KPI()
        var totals: [[String]: Int] = [:]
        var order: [[String]] = []
        let outcomeIndex = columns.firstIndex(of: "outcome") ?? 0
        try database.each(sql, [.text(period.from), .text(period.to)]) { row in
            let count = Int(row.last?.int ?? 0)
            let outcome = row[outcomeIndex].string.flatMap(StoredOutcome.init) ?? .abandoned
            kpi.sessions += count
            switch outcome {
            case .done: kpi.done += count
            case .staff: kpi.staff += count
            case .later: kpi.later += count
            case .abandoned, .timeout, .interrupted: kpi.lost += count
            }
            let key = dimensions.indices.map { index -> String in
                switch row[index] {
                case .text(let text): return text
                case .integer(let number): return dimensions[index] == .hour && number < 10 ? "0\(number)" : String(number)
                default: return ""
                }
            }
            if totals[key] == nil { order.append(key) }
            totals[key, default: 0] += count
        }
        var rows: [ReportRow] = []
        var suppressed = 0
        for key in order.sorted(by: { $0.lexicographicallyPrecedes($1) }) {
            let count = totals[key] ?? 0
            if dimensions.isEmpty { continue }
            if count < minimumCount {
                suppressed += 1
                continue
            }
            rows.append(ReportRow(values: key, sessions: count))
        }
        return Report(period: period, dimensions: dimensions, rows: rows, kpi: kpi, suppressedRows: suppressed,
            minimumCount: minimumCount)
    }
}
