extension Reporter {
    /// The funnel of sessions started with `guide` in `period`: for each step, how many reached it and how many left there.
    public func funnel(guide: String, period: ReportPeriod) throws(SQLiteError) -> [FunnelStep] {
        var steps: [String: FunnelStep] = [:]
        func entry(_ guide: String, _ step: String) -> String {
            let key = guide + "/" + step
            if steps[key] == nil { steps[key] = FunnelStep(guide: guide, step: step) }
            return key
        }
        let parameters: [SQLValue] = [.text(guide), .text(period.from), .text(period.to)]
        // From the events alone (each carries its session's guide and day): one index range, however many sessions.
        // Sessions still in progress are left out, as everywhere in reports.
        try database.each("""
            SELECT guide, step, COUNT(*) FROM (
                SELECT DISTINCT guide, step, session FROM step_event
                WHERE session_guide = ?1 AND day BETWEEN ?2 AND ?3 AND kind = 'shown'
                    AND session NOT IN (SELECT id FROM session WHERE outcome IS NULL AND day BETWEEN ?2 AND ?3))
            GROUP BY guide, step
            """, parameters) { row in
            guard let g = row[0].string, let s = row[1].string else { return }
            steps[entry(g, s)]?.reached.add(saturating: Int(row[2].int ?? 0))
        }
        try database.each("""
            SELECT last_guide, last_step, outcome, COUNT(*) FROM session
            WHERE guide = ?1 AND day BETWEEN ?2 AND ?3 AND outcome IS NOT NULL AND last_step IS NOT NULL
            GROUP BY outcome, last_guide, last_step
            """, parameters) { row in
            guard let g = row[0].string, let s = row[1].string, let outcome = row[2].string.flatMap(StoredOutcome.init) else { return }
            let key = entry(g, s)
            let count = Int(row[3].int ?? 0)
            switch outcome {
            case .done: steps[key]?.leftDone.add(saturating: count)
            case .staff: steps[key]?.leftStaff.add(saturating: count)
            case .later: steps[key]?.leftLater.add(saturating: count)
            case .abandoned, .timeout, .interrupted: steps[key]?.leftLost.add(saturating: count)
            }
        }
        // The overview (step ""): every session of the guide saw it; those that ended before any step (the citizen
        // chose "not yet", called staff or went away there) left at it.
        try database.each("""
            SELECT outcome, last_step IS NULL, COUNT(*) FROM session
            WHERE guide = ?1 AND day BETWEEN ?2 AND ?3 AND outcome IS NOT NULL GROUP BY outcome, last_step IS NULL
            """, parameters) { row in
            guard let outcome = row[0].string.flatMap(StoredOutcome.init) else { return }
            let key = entry(guide, "")
            let count = Int(row[2].int ?? 0)
            steps[key]?.reached.add(saturating: count)
            guard row[1].int == 1 else { return }
            switch outcome {
            case .done: steps[key]?.leftDone.add(saturating: count)
            case .staff: steps[key]?.leftStaff.add(saturating: count)
            case .later: steps[key]?.leftLater.add(saturating: count)
            case .abandoned, .timeout, .interrupted: steps[key]?.leftLost.add(saturating: count)
            }
        }
        // Purged days keep their funnel in daily_step (the overview as step "").
        try database.each("""
            SELECT guide, step, CAST(TOTAL(reached) AS INTEGER), CAST(TOTAL(left_done) AS INTEGER),
                CAST(TOTAL(left_staff) AS INTEGER), CAST(TOTAL(left_later) AS INTEGER),
                CAST(TOTAL(left_lost) AS INTEGER)
            FROM daily_step WHERE session_guide = ?1 AND day BETWEEN ?2 AND ?3 GROUP BY guide, step
            """, parameters) { row in
            guard let g = row[0].string, let s = row[1].string else { return }
            let key = entry(g, s)
            steps[key]?.reached.add(saturating: Int(row[2].int ?? 0))
            steps[key]?.leftDone.add(saturating: Int(row[3].int ?? 0))
            steps[key]?.leftStaff.add(saturating: Int(row[4].int ?? 0))
            steps[key]?.leftLater.add(saturating: Int(row[5].int ?? 0))
            steps[key]?.leftLost.add(saturating: Int(row[6].int ?? 0))
        }
        return steps.values.sorted { ($0.guide, $0.step) < ($1.guide, $1.step) }
    }
}
