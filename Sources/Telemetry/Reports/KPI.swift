/// The figures toward the province's target (plan III.5.2.2): every citizen who needs help is guided until they can
/// do the online filing themselves.
///
/// "Guided" is every ended session: a citizen who opened a guide's overview and did something there (started its
/// steps, said "not yet", called staff or stopped). A guide opened and left straight back is no session at all. The
/// headline is the share of the guided who did it themselves; beside it, the shares handed to staff, coming back
/// later, and lost (left, timed out, interrupted), which add up to 100%. Sessions still in progress are counted
/// apart and are in no share until they end.
struct KPI: Sendable, Equatable {
    var done = 0
    var staff = 0
    var later = 0
    /// Abandoned, timed out or interrupted.
    var lost = 0
    /// Begun and not ended yet (at the time of the report).
    var inProgress = 0

    /// Ended sessions: the base of every share.
    var guided: Int {
        var total = done
        for part in [staff, later, lost] { total.add(saturating: part) }
        return total
    }

    /// The plan's indicator: guided citizens who did it themselves, of all guided. Nil when nobody was guided.
    var selfShare: Double? { share(done) }
    var staffShare: Double? { share(staff) }
    var laterShare: Double? { share(later) }
    var lostShare: Double? { share(lost) }

    private func share(_ part: Int) -> Double? { guided == 0 ? nil : Double(part) / Double(guided) }
}
