/// One line of a report: the values of the chosen dimensions and how many sessions had them.
public struct ReportRow: Sendable, Equatable {
    public let values: [String]
    public let sessions: Int
}
