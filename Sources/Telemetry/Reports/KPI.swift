/// The figures toward the province's target (plan III.5.2.2): every citizen who needs help is guided until they can
/// do the online filing themselves.
///
/// "Guided" is every ended session: a citizen who opened a guide's overview and did something there (started its
/// steps, said "not yet", called staff or stopped). A guide opened and left straight back is no session at all. The
/// headline is the share of the guided who did it themselves; beside it, the shares handed to staff, coming back
/// later, and lost (left, timed out, interrupted), which add up to 100%. Sessions still in progress are counted
/// apart and are in no share until they end.
public struct KPI: Sendable, Equatable {
    public internal(set) var done = 0
    public internal(set) var staff = 0
    public internal(set) var later = 0
    /// Abandoned, timed out or interrupted.
    public internal(set) var lost = 0
    /// Begun and not ended yet (at the time of the report).
    public internal(set) var inProgress = 0

    /// Ended sessions: the base of every share.
    public var guided: Int {
        var total = done
        for part in [staff, later, lost] { total.add(saturating: part) }
        return total
    }

    /// The plan's indicator: guided citizens who did it themselves, of all guided. Nil when nobody was guided.
    public var selfShare: Double? { share(done) }
    public var staffShare: Double? { share(staff) }
    public var laterShare: Double? { share(later) }
    public var lostShare: Double? { share(lost) }

    /// True when a row may be published under `minimum`: at least that many sessions, and each outcome counted
    /// none or at least that many times (a share of a row would otherwise reveal a small count).
    func isPublishable(_ minimum: Int) -> Bool {
        guard minimum > 0 else { return true }
        return guided >= minimum && [done, staff, later, lost].allSatisfy { $0.isNoneOrAtLeast(minimum) }
    }

    /// True when what withheld rows add up to reveals no small count: each count none or at least `minimum`.
    func isPublishableRemainder(_ minimum: Int) -> Bool {
        [guided, done, staff, later, lost].allSatisfy { $0.isNoneOrAtLeast(minimum) }
    }

    /// Counts `count` sessions that ended with `outcome`.
    mutating func add(_ count: Int, _ outcome: StoredOutcome) {
        switch outcome {
        case .done: done.add(saturating: count)
        case .staff: staff.add(saturating: count)
        case .later: later.add(saturating: count)
        case .abandoned, .timeout, .interrupted: lost.add(saturating: count)
        }
    }

    /// Adds the ended sessions of `other` (not its sessions in progress, which are counted once for a whole report).
    mutating func add(_ other: KPI) {
        done.add(saturating: other.done)
        staff.add(saturating: other.staff)
        later.add(saturating: other.later)
        lost.add(saturating: other.lost)
    }

    private func share(_ part: Int) -> Double? { guided == 0 ? nil : Double(part) / Double(guided) }
}
