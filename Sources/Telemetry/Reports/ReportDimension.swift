/// A column a report can be broken down by.
public enum ReportDimension: String, Sendable, CaseIterable {
    case guide, lang, launchedBy = "launched-by", outcome, commune, terminal, month, week, day, hour

    /// The SQL expression over `session` or `daily`, both of which have these columns.
    var expression: String {
        switch self {
        case .launchedBy: return "launched_by"
        case .commune: return "commune_code"
        case .month: return "substr(day, 1, 7)"
        // A week is named by its Monday (weeks run Monday to Sunday, as in Vietnam's calendar).
        case .week: return "date(day, 'weekday 0', '-6 days')"
        default: return rawValue
        }
    }

    /// The name of its column in the grouped rows.
    var column: String { "d_" + rawValue.replacingOccurrences(of: "-", with: "_") }
}
