/// Folds the engine's facts into the rows of the statistics: the one place where a session's ids, sequence numbers
/// and counts (steps seen, furthest step, backs, helps) are kept while it runs.
///
/// Pure: the caller passes the time (the day and hour in the centre, and a monotonic clock for durations), so the
/// log is tested without a clock or a database.
public struct SessionLog: Sendable {
    /// When a fact happened.
    public struct Moment: Sendable {
        /// `YYYY-MM-DD` in the centre's time zone.
        let day: String
        let hour: Int
        /// A monotonic clock, for the session's duration.
        let milliseconds: UInt64

        public init(day: String, hour: Int, milliseconds: UInt64) {
            self.day = day
            self.hour = hour
            self.milliseconds = milliseconds
        }
    }

    /// The open session.
    struct Open: Sendable {
        let id: String
        let guide: String
        let started: UInt64
        var seq = 0
        var counts = SessionCounts()
        var seen = Set<String>()
    }

    /// This terminal's id in every row.
    let terminal: String
    /// The commune's official code in every row ("" when not configured).
    let communeCode: String
    private let newID: @Sendable () -> String
    private(set) var open: Open?

    /// A log for `terminal`; `newID` makes session ids (random by default, fixed in tests).
    public init(terminal: String, communeCode: String = "", newID: @escaping @Sendable () -> String = SessionStore.newSessionID) {
        self.terminal = terminal
        self.communeCode = communeCode
        self.newID = newID
    }

    /// True while a session is open.
    var isOpen: Bool { open != nil }

    /// The writes `fact` causes. Facts about no open session (a step before any start) cause none.
    public mutating func fold(_ fact: SessionFact, at moment: Moment) -> [SessionWrite] {
        switch fact {
        case .started(let guide, let language, let launchedBy):
            let id = newID()
            open = Open(id: id, guide: guide, started: moment.milliseconds)
            return [.begin(SessionStart(id: id, terminal: terminal, day: moment.day, hour: moment.hour, guide: guide,
                language: language, launchedBy: launchedBy, communeCode: communeCode))]
        case .shown(let guide, let step, let index):
            guard var session = open else { return [] }
            if session.seen.insert(guide + "/" + step).inserted { session.counts.stepsSeen += 1 }
            // The furthest step counts along the session's own guide: an inner guide has a main path of its own.
            if let index, guide == session.guide { session.counts.furthestStep = max(session.counts.furthestStep, index) }
            return [next(&session, guide, step, .shown)]
        case .back(let guide, let step):
            guard var session = open else { return [] }
            session.counts.backs += 1
            return [next(&session, guide, step, .back)]
        case .help(let guide, let step):
            guard var session = open else { return [] }
            session.counts.helps += 1
            // Help asked on the overview (before any step) is recorded at the pseudo-step "overview".
            return [next(&session, guide, step ?? "overview", .help)]
        case .ended(let outcome, let lastGuide, let lastStep):
            guard let session = open else { return [] }
            open = nil
            let seconds = Int((moment.milliseconds &- session.started) / 1000)
            return [.end(session: session.id, outcome: outcome, seconds: seconds, lastGuide: lastStep == nil ? nil : lastGuide,
                lastStep: lastStep, counts: session.counts)]
        }
    }

    private mutating func next(_ session: inout Open, _ guide: String, _ step: String, _ kind: StepKind) -> SessionWrite {
        session.seq += 1
        open = session
        return .step(session: session.id, seq: session.seq, guide: guide, step: step, kind: kind, counts: session.counts)
    }
}
