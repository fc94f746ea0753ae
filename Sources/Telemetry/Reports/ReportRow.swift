/// One line of a report: the values of the chosen dimensions, and how its ended sessions ended.
public struct ReportRow: Sendable, Equatable {
    public let values: [String]
    public let kpi: KPI

    /// Ended sessions with these values.
    public var sessions: Int { kpi.guided }
}
