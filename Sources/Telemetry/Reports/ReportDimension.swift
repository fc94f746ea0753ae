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

    /// The stored column it is computed from.
    var base: String {
        switch self {
        case .month, .week, .day: return "day"
        case .launchedBy: return "launched_by"
        case .commune: return "commune_code"
        default: return rawValue
        }
    }

    /// The columns of the report index, in its order: a report groups by the shortest prefix holding what it needs,
    /// so SQLite aggregates in the order it reads and sorts only the (few) groups.
    static let indexOrder = ["day", "outcome", "guide", "lang", "launched_by", "commune_code", "terminal", "hour"]

    /// The name of its column in the grouped rows.
    var column: String { "d_" + rawValue.replacingOccurrences(of: "-", with: "_") }
}
