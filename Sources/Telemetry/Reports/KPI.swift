/// The figures toward the province's target: every citizen who needs help is guided until they can file themselves.
struct KPI: Sendable, Equatable {
    var sessions = 0
    var done = 0
    var staff = 0
    var later = 0
    /// Abandoned, timed out or interrupted.
    var lost = 0

    /// Sessions that ended with the citizen done, handed to staff or coming back later: the share the 100% target
    /// is measured on (lost sessions are the gap). Nil when there were no sessions.
    var supportedShare: Double? { sessions == 0 ? nil : Double(sessions - lost) / Double(sessions) }
}
