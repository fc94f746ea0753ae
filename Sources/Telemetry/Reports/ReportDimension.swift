/// A column a report can be broken down by.
public enum ReportDimension: String, Sendable, CaseIterable {
    case guide, lang, launchedBy = "launched-by", outcome, terminal, hour, day

    /// The SQL column.
    var column: String { self == .launchedBy ? "launched_by" : rawValue }
}
