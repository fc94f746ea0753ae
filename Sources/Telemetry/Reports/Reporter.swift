/// Reports read from the store: one pass over the ended sessions and the aggregates of purged days.
public struct Reporter {
    let database: Database

    /// Reports over the sessions of `store`.
    public init(store: SessionStore) {
        database = store.database
    }

    /// Ended sessions, plus the daily aggregates kept for purged days, grouped by `prefix` (a prefix of the report
    /// index, so SQLite groups as it reads), then by the dimensions and the outcome.
    static func source(_ dimensions: [ReportDimension]) -> String {
        let needed = Set(dimensions.map(\.base) + ["day", "outcome"])
        let last = ReportDimension.indexOrder.lastIndex { needed.contains($0) } ?? 1
        let prefix = ReportDimension.indexOrder[...last].joined(separator: ", ")
        let select = (dimensions.map { "\($0.expression) AS \($0.column)" } + ["outcome AS d_outcome_"]).joined(separator: ", ")
        let group = (dimensions.map(\.column) + ["d_outcome_"]).joined(separator: ", ")
        return """
            SELECT \(select), CAST(TOTAL(n) AS INTEGER) FROM (
                SELECT \(prefix), COUNT(*) AS n FROM session
                    WHERE outcome IS NOT NULL AND day BETWEEN ?1 AND ?2 GROUP BY \(prefix)
                UNION ALL
                SELECT \(prefix), TOTAL(sessions) AS n FROM daily WHERE day BETWEEN ?1 AND ?2 GROUP BY \(prefix)
            ) GROUP BY \(group)
            """
    }

    /// The report for `period` broken down by `dimensions`; rows that could point at fewer than `minimumCount`
    /// people (fewer sessions, or an outcome of fewer) are withheld.
    public func report(_ period: ReportPeriod, by dimensions: [ReportDimension], minimumCount: Int = 0) throws(SQLiteError) -> Report {
        // One scan grouped by the dimensions and the outcome, rolled up here: the KPI needs the outcomes.
        // TOTAL sums as a real and never overflows; the cast clamps to the largest integer.
        let sql = Self.source(dimensions)
        var kpi = KPI()
        var totals: [[String]: KPI] = [:]
        var order: [[String]] = []
        let outcomeIndex = dimensions.count
        try database.each(sql, [.text(period.from), .text(period.to)]) { row in
            let count = Int(row.last?.int ?? 0)
            let outcome = row[outcomeIndex].string.flatMap(StoredOutcome.init) ?? .abandoned
            kpi.add(count, outcome)
            let key = dimensions.indices.map { index -> String in
                switch row[index] {
                case .text(let text): return text
                case .integer(let number): return dimensions[index] == .hour && number < 10 ? "0\(number)" : String(number)
                default: return ""
                }
            }
            if totals[key] == nil { order.append(key) }
            totals[key, default: KPI()].add(count, outcome)
        }
        // Sessions of the period still in progress: shown apart, in no share until they end.
        try database.each("SELECT COUNT(*) FROM session WHERE outcome IS NULL AND day BETWEEN ?1 AND ?2",
            [.text(period.from), .text(period.to)]) { row in kpi.inProgress = Int(row[0].int ?? 0) }
        var rows: [ReportRow] = []
        var suppressed = 0
        var withheld = KPI()
        for key in order.sorted(by: { $0.lexicographicallyPrecedes($1) }) {
            let outcomes = totals[key] ?? KPI()
            if dimensions.isEmpty { continue }
            if !outcomes.isPublishable(minimumCount) {
                suppressed += 1
                withheld.add(outcomes)
                continue
            }
            rows.append(ReportRow(values: key, kpi: outcomes))
        }
        // What the period covers: every commune and terminal with a session, for the header of a printed report
        // and the columns of a spreadsheet.
        var communes = Set<String>(), terminals = Set<String>()
        var coverage: [String: [String]] = [:]
        // Each (commune, terminal) pair in the file, found by skipping through its index, then kept if it has a
        // session in the period: a few thousand lookups, not a pass over a province-year.
        try database.each("""
            WITH RECURSIVE
                codes(code) AS (SELECT MIN(commune_code) FROM session
                    UNION ALL SELECT (SELECT MIN(commune_code) FROM session WHERE commune_code > codes.code)
                    FROM codes WHERE codes.code IS NOT NULL),
                pair(code, terminal) AS (SELECT code, (SELECT MIN(terminal) FROM session WHERE commune_code = codes.code)
                    FROM codes WHERE codes.code IS NOT NULL
                    UNION ALL SELECT pair.code, (SELECT MIN(terminal) FROM session WHERE commune_code = pair.code AND terminal > pair.terminal)
                    FROM pair WHERE pair.terminal IS NOT NULL)
            SELECT code, terminal FROM pair WHERE terminal IS NOT NULL
                AND EXISTS (SELECT 1 FROM session WHERE commune_code = pair.code AND terminal = pair.terminal AND day BETWEEN ?1 AND ?2)
            UNION SELECT DISTINCT commune_code, terminal FROM daily WHERE day BETWEEN ?1 AND ?2
            ORDER BY 1, 2
            """, [.text(period.from), .text(period.to)]) { row in
            let commune = row[0].string ?? "", terminal = row[1].string ?? ""
            communes.insert(commune)
            terminals.insert(terminal)
            coverage[commune, default: []].append(terminal)
        }
        var report = Report(period: period, dimensions: dimensions, rows: rows, kpi: kpi, suppressedRows: suppressed,
            minimumCount: minimumCount, communes: communes.sorted(), terminals: terminals.sorted())
        report.coverage = coverage
        report.withheld = withheld
        report.communeNames = try CommuneName.all(in: database)
        return report
    }
}
