extension Reporter {
    /// The places where most sessions of `period` stopped without being done by the citizen: for each guide the
    /// sessions began with, the steps they last saw (of that guide or one it led to), and its overview when they
    /// left before the first step (step ""). Each with how many of that guide's sessions reached it; at most `limit`,
    /// most left first.
    /// `atLeast` leaves out the places fewer than that many left (for publication).
    public func leavingPlaces(_ period: ReportPeriod, limit: Int, atLeast: Int = 1) throws(SQLiteError) -> [FunnelStep] {
        var places: [String: FunnelStep] = [:]
        func add(_ sessionGuide: String, _ guide: String, _ step: String, staff: Int, later: Int, lost: Int) {
            let key = sessionGuide + "/" + guide + "/" + step
            var place = places[key] ?? FunnelStep(guide: guide, step: step)
            place.sessionGuide = sessionGuide
            place.leftStaff.add(saturating: staff)
            place.leftLater.add(saturating: later)
            place.leftLost.add(saturating: lost)
            places[key] = place
        }
        let range: [SQLValue] = [.text(period.from), .text(period.to)]
        // Where each ended session stopped (the report index covers it), then the purged days' totals.
        try database.each("""
            SELECT guide, COALESCE(last_guide, guide), COALESCE(last_step, ''), outcome, COUNT(*) FROM session
            WHERE day BETWEEN ?1 AND ?2 AND outcome IS NOT NULL AND outcome <> 'done' GROUP BY guide, outcome, last_guide, last_step
            UNION ALL
            SELECT session_guide, guide, step, 'staff', CAST(TOTAL(left_staff) AS INTEGER) FROM daily_step
                WHERE day BETWEEN ?1 AND ?2 GROUP BY 1, 2, 3
            UNION ALL
            SELECT session_guide, guide, step, 'later', CAST(TOTAL(left_later) AS INTEGER) FROM daily_step
                WHERE day BETWEEN ?1 AND ?2 GROUP BY 1, 2, 3
            UNION ALL
            SELECT session_guide, guide, step, 'lost', CAST(TOTAL(left_lost) AS INTEGER) FROM daily_step
                WHERE day BETWEEN ?1 AND ?2 GROUP BY 1, 2, 3
            """, range) { row in
            guard let sessionGuide = row[0].string, let guide = row[1].string, let step = row[2].string,
                let outcome = row[3].string else { return }
            let count = Int(row[4].int ?? 0)
            switch outcome {
            case "staff": add(sessionGuide, guide, step, staff: count, later: 0, lost: 0)
            case "later": add(sessionGuide, guide, step, staff: 0, later: count, lost: 0)
            default: add(sessionGuide, guide, step, staff: 0, later: 0, lost: count)
            }
        }
        let top = places.values.filter { $0.left >= max(1, atLeast) }
            .sorted { ($1.left, $0.sessionGuide, $0.guide, $0.step) < ($0.left, $1.sessionGuide, $1.guide, $1.step) }.prefix(limit)
        var result: [FunnelStep] = []
        for var place in top {
            // How many of the guide's sessions reached it, as its funnel counts them: every one for the overview,
            // those shown the step otherwise; purged days from their funnel totals.
            let sql = place.isOverview
                ? """
                    SELECT COUNT(*) FROM session WHERE guide = ?3 AND day BETWEEN ?1 AND ?2 AND outcome IS NOT NULL
                    UNION ALL SELECT CAST(TOTAL(reached) AS INTEGER) FROM daily_step
                    WHERE session_guide = ?3 AND guide = ?3 AND step = '' AND day BETWEEN ?1 AND ?2
                    """
                : """
                    SELECT COUNT(*) FROM (SELECT DISTINCT session FROM step_event
                    WHERE session_guide = ?3 AND guide = ?4 AND step = ?5 AND day BETWEEN ?1 AND ?2 AND kind = 'shown'
                        AND session NOT IN (SELECT id FROM session WHERE outcome IS NULL AND day BETWEEN ?1 AND ?2))
                    UNION ALL SELECT CAST(TOTAL(reached) AS INTEGER) FROM daily_step
                    WHERE session_guide = ?3 AND guide = ?4 AND step = ?5 AND day BETWEEN ?1 AND ?2
                    """
            let values: [SQLValue] = range + [.text(place.sessionGuide)] + (place.isOverview ? [] : [.text(place.guide), .text(place.step)])
            try database.each(sql, values) { row in
                place.reached.add(saturating: Int(row[0].int ?? 0))
            }
            result.append(place)
        }
        return result
    }
}
