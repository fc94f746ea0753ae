/// A report over a period: rows by the chosen dimensions, and the KPI block.
public struct Report: Sendable {
    let period: ReportPeriod
    let dimensions: [ReportDimension]
    let rows: [ReportRow]
    let kpi: KPI
    /// Rows below `minimumCount`, left out for publication (their sessions still count in the KPI).
    let suppressedRows: Int
    let minimumCount: Int

    /// What was left out for publication, in words; nil when nothing was.
    public var suppressionNote: String? {
        suppressedRows == 0 ? nil : "\(suppressedRows) row(s) with fewer than \(minimumCount) sessions suppressed for publication; "
            + "the indicators are left out too, since totals would reveal the suppressed rows"
    }
}
