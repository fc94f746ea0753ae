/// A report over a period: rows by the chosen dimensions, and the KPI block.
public struct Report: Sendable {
    public let period: ReportPeriod
    public let dimensions: [ReportDimension]
    public let rows: [ReportRow]
    public let kpi: KPI
    /// Rows left out for publication (their sessions still count in the KPI): fewer than `minimumCount` sessions, or
    /// an outcome of fewer.
    public let suppressedRows: Int
    public let minimumCount: Int
    /// The commune codes ("" for rows without one) and terminal ids with sessions in the period.
    public let communes: [String]
    public let terminals: [String]
    /// The names and centres of the communes known to the database, by code.
    public var communeNames: [String: CommuneName] = [:]
    /// Which terminals counted for which commune in the period, by commune code.
    public var coverage: [String: [String]] = [:]

    /// What the withheld rows add up to: the indicators stay only if this is nothing a small count can be read from.
    public internal(set) var withheld = KPI()
    /// Set when another part of the same document withholds the indicators (a sheet, a section of the page).
    public internal(set) var indicatorsWithheldElsewhere = false
    /// Set when this part withheld its smallest row only so that it no longer adds up to withheld indicators.
    public internal(set) var withheldSmallestRow = false

    /// The same sessions broken down by `dimensions` (a subset of this report's), rows withheld by the same rule as
    /// `Reporter.report`: one scan of the database serves every breakdown of a printed report.
    public func rolledUp(to dimensions: [ReportDimension], minimumCount: Int) -> Report {
        let indices = dimensions.compactMap { self.dimensions.firstIndex(of: $0) }
        var totals: [[String]: KPI] = [:]
        for row in rows {
            let key = indices.map { row.values[$0] }
            totals[key, default: KPI()].add(row.kpi)
        }
        var kept: [ReportRow] = []
        var suppressed = 0
        var withheld = KPI()
        for key in totals.keys.sorted(by: { $0.lexicographicallyPrecedes($1) }) where !dimensions.isEmpty {
            let outcomes = totals[key] ?? KPI()
            if outcomes.isPublishable(minimumCount) {
                kept.append(ReportRow(values: key, kpi: outcomes))
            } else {
                suppressed += 1
                withheld.add(outcomes)
            }
        }
        var report = Report(period: period, dimensions: dimensions, rows: kept, kpi: kpi, suppressedRows: suppressed,
            minimumCount: minimumCount, communes: communes, terminals: terminals)
        report.communeNames = communeNames
        report.coverage = coverage
        report.withheld = withheld
        return report
    }

    /// True when the indicators may be published: their own counts are each none or at least the threshold, and so
    /// are what the withheld rows add up to (else the total minus the rows shown would reveal a small count), and no
    /// other part of the document withholds them.
    public var showsIndicators: Bool {
        guard minimumCount > 0 else { return true }
        return !indicatorsWithheldElsewhere && kpi.guided >= minimumCount && kpi.isPublishable(minimumCount)
            && kpi.inProgress.isNoneOrAtLeast(minimumCount) && withheld.isPublishableRemainder(minimumCount)
    }

    /// This report as a part of a document whose indicators are withheld: they are withheld here too, and a
    /// breakdown that withheld nothing withholds its smallest row, so that its rows no longer add up to the total.
    public func withholdingIndicators() -> Report {
        var report = self
        report.indicatorsWithheldElsewhere = true
        if minimumCount > 0, suppressedRows == 0, let smallest = rows.indices.min(by: { rows[$0].sessions < rows[$1].sessions }) {
            var kept = rows
            let removed = kept.remove(at: smallest)
            report = Report(period: period, dimensions: dimensions, rows: kept, kpi: kpi, suppressedRows: 1,
                minimumCount: minimumCount, communes: communes, terminals: terminals)
            report.communeNames = communeNames
            report.coverage = coverage
            report.withheld = removed.kpi
            report.indicatorsWithheldElsewhere = true
            report.withheldSmallestRow = true
        }
        return report
    }

    /// The parts of one document (the printed page, the sheets of a workbook): when any of them withholds the
    /// indicators, all of them do.
    public static func disclosed(_ parts: [Report]) -> [Report] {
        parts.allSatisfy(\.showsIndicators) ? parts : parts.map { $0.withholdingIndicators() }
    }

    /// What the parts of one document left out, in words for staff; nil when nothing was.
    public static func suppressionNote(_ parts: [Report]) -> String? {
        let secondary = parts.filter(\.withheldSmallestRow).count
        let primary = parts.reduce(0) { $0 + $1.suppressedRows } - secondary
        let minimum = parts.first?.minimumCount ?? 0
        var words: [String] = []
        if primary > 0 {
            words.append("\(primary) row(s) with fewer than \(minimum) sessions, or with an outcome of fewer than \(minimum), withheld for publication")
        }
        if secondary > 0 { words.append("\(secondary) more so that the withheld indicators cannot be worked out") }
        if !parts.allSatisfy(\.showsIndicators) { words.append(words.isEmpty ? "the indicators are withheld for publication" : "the indicators too") }
        return words.isEmpty ? nil : words.joined(separator: "; ")
    }

    /// What was left out for publication, in words; nil when nothing was. It never says how small a count was.
    public var suppressionNote: String? {
        if suppressedRows > 0 {
            return "\(suppressedRows) row(s) with fewer than \(minimumCount) sessions, or with an outcome of fewer than "
                + "\(minimumCount), withheld for publication" + (showsIndicators ? "" : "; the indicators too, since they would reveal them")
        }
        if !showsIndicators {
            return "the indicators are withheld for publication: fewer than \(minimumCount) sessions, or an outcome of fewer than \(minimumCount)"
        }
        return nil
    }
}
