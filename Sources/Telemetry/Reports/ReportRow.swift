/// One line of a report: the values of the chosen dimensions and how many sessions had them.
struct ReportRow: Sendable, Equatable {
    let values: [String]
    let sessions: Int
}
