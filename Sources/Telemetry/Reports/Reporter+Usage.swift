extension Reporter {
    /// The usage of guides and steps from `period.from` to `period.to`, open sessions included (a session in progress
    /// has met its screens), purged days from their daily totals.
    public func usage(_ period: ReportPeriod) throws(SQLiteError) -> Usage {
        var usage = Usage()
        let parameters: [SQLValue] = [.text(period.from), .text(period.to)]
        try database.each("""
            SELECT guide, COUNT(*) FROM session WHERE day BETWEEN ?1 AND ?2 GROUP BY guide
            UNION ALL
            SELECT guide, CAST(TOTAL(sessions) AS INTEGER) FROM daily WHERE day BETWEEN ?1 AND ?2 GROUP BY guide
            """, parameters) { row in
            guard let guide = row[0].string else { return }
            usage.sessions[guide, default: 0].add(saturating: Int(row[1].int ?? 0))
        }
        try database.each("""
            SELECT e.guide, e.step, COUNT(DISTINCT e.session) FROM step_event e JOIN session s ON s.id = e.session
            WHERE s.day BETWEEN ?1 AND ?2 AND e.kind = 'shown' GROUP BY e.guide, e.step
            UNION ALL
            SELECT guide, step, CAST(TOTAL(reached) AS INTEGER) FROM daily_step WHERE day BETWEEN ?1 AND ?2 GROUP BY guide, step
            """, parameters) { row in
            guard let guide = row[0].string, let step = row[1].string else { return }
            usage.reached[guide + "/" + step, default: 0].add(saturating: Int(row[2].int ?? 0))
        }
        return usage
    }
}
