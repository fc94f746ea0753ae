/// A report over a period: rows by the chosen dimensions, and the KPI block.
public struct Report: Sendable {
    public let period: ReportPeriod
    public let dimensions: [ReportDimension]
    public let rows: [ReportRow]
    public let kpi: KPI
    /// Rows below `minimumCount`, left out for publication (their sessions still count in the KPI).
    public let suppressedRows: Int
    public let minimumCount: Int
    /// The commune codes ("" for rows without one) and terminal ids with sessions in the period.
    public let communes: [String]
    public let terminals: [String]
    /// The names and centres of the communes known to the database, by code.
    public var communeNames: [String: CommuneName] = [:]

    /// This report with `rows` more rows withheld elsewhere (another sheet of the same workbook): its indicators are
    /// then withheld too, since they would reveal those rows.
    public func withholding(rows: Int) -> Report {
        guard rows > suppressedRows else { return self }
        var report = Report(period: period, dimensions: dimensions, rows: self.rows, kpi: kpi, suppressedRows: rows,
            minimumCount: minimumCount, communes: communes, terminals: terminals)
        report.communeNames = communeNames
        return report
    }

    /// The same sessions broken down by `dimensions` (a subset of this report's), rows under `minimumCount`
    /// suppressed: one scan of the database serves every breakdown of a printed report.
    public func rolledUp(to dimensions: [ReportDimension], minimumCount: Int) -> Report {
        let indices = dimensions.compactMap { self.dimensions.firstIndex(of: $0) }
        var totals: [[String]: KPI] = [:]
        for row in rows {
            let key = indices.map { row.values[$0] }
            totals[key, default: KPI()].add(row.kpi)
        }
        var kept: [ReportRow] = []
        var suppressed = 0
        for key in totals.keys.sorted(by: { $0.lexicographicallyPrecedes($1) }) where !dimensions.isEmpty {
            let outcomes = totals[key] ?? KPI()
            if outcomes.guided < minimumCount { suppressed += 1 } else { kept.append(ReportRow(values: key, kpi: outcomes)) }
        }
        var report = Report(period: period, dimensions: dimensions, rows: kept, kpi: kpi, suppressedRows: suppressed,
            minimumCount: minimumCount, communes: communes, terminals: terminals)
        report.communeNames = communeNames
        return report
    }

    /// True when the indicators may be published: no row was suppressed (totals would reveal it), and their own base
    /// is at least the threshold.
    public var showsIndicators: Bool { suppressedRows == 0 && kpi.guided >= minimumCount }

    /// What was left out for publication, in words; nil when nothing was.
    public var suppressionNote: String? {
        if suppressedRows > 0 {
            return "\(suppressedRows) row(s) with fewer than \(minimumCount) sessions suppressed for publication; "
                + "the indicators are left out too, since totals would reveal the suppressed rows"
        }
        if !showsIndicators {
            return "the indicators are left out for publication: \(kpi.guided) guided session(s), fewer than \(minimumCount)"
        }
        return nil
    }
}
