extension Reporter {
    /// The places where most sessions of `period` stopped without being done by the citizen, over every guide: the
    /// steps they last saw, and the overviews of guides left before the first step (step ""). Each with how many
    /// reached it; at most `limit`, most left first.
    public func leavingPlaces(_ period: ReportPeriod, limit: Int) throws(SQLiteError) -> [FunnelStep] {
        var places: [String: FunnelStep] = [:]
        func key(_ guide: String, _ step: String) -> String { guide + "/" + step }
        func add(_ guide: String, _ step: String, staff: Int, later: Int, lost: Int) {
            var place = places[key(guide, step)] ?? FunnelStep(guide: guide, step: step)
            place.leftStaff.add(saturating: staff)
            place.leftLater.add(saturating: later)
            place.leftLost.add(saturating: lost)
            places[key(guide, step)] = place
        }
        let range: [SQLValue] = [.text(period.from), .text(period.to)]
        // Where each ended session stopped: its last step, or its guide's overview.
        try database.each("""
            SELECT COALESCE(last_guide, guide), COALESCE(last_step, ''), outcome, COUNT(*) FROM session
            WHERE day BETWEEN ?1 AND ?2 AND outcome IS NOT NULL AND outcome <> 'done' GROUP BY 1, 2, 3
            UNION ALL
            SELECT guide, step, 'staff', CAST(TOTAL(left_staff) AS INTEGER) FROM daily_step WHERE day BETWEEN ?1 AND ?2 GROUP BY 1, 2
            UNION ALL
            SELECT guide, step, 'later', CAST(TOTAL(left_later) AS INTEGER) FROM daily_step WHERE day BETWEEN ?1 AND ?2 GROUP BY 1, 2
            UNION ALL
            SELECT guide, step, 'lost', CAST(TOTAL(left_lost) AS INTEGER) FROM daily_step WHERE day BETWEEN ?1 AND ?2 GROUP BY 1, 2
            """, range) { row in
            guard let guide = row[0].string, let step = row[1].string, let outcome = row[2].string else { return }
            let count = Int(row[3].int ?? 0)
            switch outcome {
            case "staff": add(guide, step, staff: count, later: 0, lost: 0)
            case "later": add(guide, step, staff: 0, later: count, lost: 0)
            default: add(guide, step, staff: 0, later: 0, lost: count)
            }
        }
        let top = places.values.filter { $0.left > 0 }
            .sorted { ($1.left, $0.guide, $0.step) < ($0.left, $1.guide, $1.step) }.prefix(limit)
        var result: [FunnelStep] = []
        for var place in top {
            // How many reached it: every session of the guide for an overview; those shown the step otherwise.
            let sql = place.isOverview
                ? """
                    SELECT COUNT(*) FROM session WHERE guide = ?3 AND day BETWEEN ?1 AND ?2 AND outcome IS NOT NULL
                    UNION ALL SELECT CAST(TOTAL(sessions) AS INTEGER) FROM daily WHERE guide = ?3 AND day BETWEEN ?1 AND ?2
                    """
                : """
                    SELECT COUNT(DISTINCT e.session) FROM session s JOIN step_event e ON e.session = s.id
                    WHERE s.day BETWEEN ?1 AND ?2 AND s.outcome IS NOT NULL AND e.guide = ?3 AND e.step = ?4 AND e.kind = 'shown'
                    UNION ALL SELECT CAST(TOTAL(reached) AS INTEGER) FROM daily_step
                    WHERE guide = ?3 AND step = ?4 AND day BETWEEN ?1 AND ?2
                    """
            try database.each(sql, range + [.text(place.guide)] + (place.isOverview ? [] : [.text(place.step)])) { row in
                place.reached.add(saturating: Int(row[0].int ?? 0))
            }
            result.append(place)
        }
        return result
    }
}
