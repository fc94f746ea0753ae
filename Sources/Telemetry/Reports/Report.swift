/// A report over a period: rows by the chosen dimensions, and the KPI block.
public struct Report: Sendable {
    let period: ReportPeriod
    let dimensions: [ReportDimension]
    let rows: [ReportRow]
    let kpi: KPI
    /// Rows below `minimumCount`, left out for publication (their sessions still count in the KPI).
    let suppressedRows: Int
    let minimumCount: Int

    /// True when the indicators may be published: no row was suppressed (totals would reveal it), and their own base
    /// is at least the threshold.
    var showsIndicators: Bool { suppressedRows == 0 && kpi.guided >= minimumCount }

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
