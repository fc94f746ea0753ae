/// One write of the session log to the store; kept by the kiosk until it succeeds.
public enum SessionWrite: Sendable, Equatable, Codable {
    /// The session row, without an outcome yet.
    case begin(SessionStart)
    /// A step event and the session's counts after it.
    case step(session: String, seq: Int, guide: String, step: String, kind: StepKind, counts: SessionCounts)
    /// The outcome, duration and the step the session ended on, with its final counts.
    case end(session: String, outcome: StoredOutcome, seconds: Int?, lastGuide: String?, lastStep: String?, counts: SessionCounts)

    /// The session the write belongs to.
    public var session: String {
        switch self {
        case .begin(let start): return start.id
        case .step(let session, _, _, _, _, _), .end(let session, _, _, _, _, _): return session
        }
    }
}
