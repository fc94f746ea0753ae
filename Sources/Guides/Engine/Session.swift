/// One citizen's walk through one guide: a pure state machine, `(state, input) → (state, screen, events)`.
struct Session: Sendable {
    /// A guide on the stack: the outer guide, or one entered by a `guide` choice.
    struct Frame: Hashable, Sendable {
        let guideID: String
        /// The step of the outer guide to return to; nil for the outermost guide.
        let returnStep: String?
        /// The last main-path position shown in this guide (for "step k of n" on branch steps).
        var mainIndex: Int
    }

    /// Where the citizen is.
    enum Phase: Hashable, Sendable {
        case overview
        case step(String)
        case stepList(String)
        case endQuestion
        case ended(SessionOutcome)
    }

    /// A point the citizen can go back to.
    struct Position: Hashable, Sendable {
        let phase: Phase
        let frames: [Frame]
    }

    /// The guide the session was started with (what telemetry counts).
    let guideID: String
    let language: String
    let launchedBy: LaunchedBy
    let library: Library
    var phase: Phase = .overview
    var frames: [Frame]
    var history: [Position] = []

    /// True once the session has ended; further input only repeats the last screen.
    var isEnded: Bool { if case .ended = phase { true } else { false } }

    /// Starts `guide` on its overview, or at main-path step `resumeAt` (1-based, from a resume code such as `21-6`).
    static func start(
        _ guide: Guide, language: String, launchedBy: LaunchedBy, library: Library, resumeAt: Int? = nil
    ) -> (Session, SessionOutput) {
        var session = Session(guideID: guide.id, language: language, launchedBy: launchedBy, library: library,
            frames: [Frame(guideID: guide.id, returnStep: nil, mainIndex: 0)])
        var events: [SessionEvent] = [.started(guide: guide.id, language: language, launchedBy: launchedBy)]
        let path = guide.mainPath
        if let resumeAt, path.indices.contains(resumeAt - 1) {
            session.history = [Position(phase: .overview, frames: session.frames)]
            session.phase = .step(path[resumeAt - 1])
            session.recordShown(path[resumeAt - 1], &events)
        }
        return (session, SessionOutput(screen: session.screen(), events: events))
    }

    /// True on the overview of the guide the session was started with.
    var isOnOverview: Bool { phase == .overview && frames.count == 1 }

    /// What to type at any kiosk's menu to come back to this place: the poster code of the innermost guide that has
    /// one and its main-path step, `21-6`; just `21` before the first step. No person is in it.
    var resumeCode: String? {
        for frame in frames.reversed() {
            guard let guide = library.guide(frame.guideID), !guide.code.isEmpty, guide.status.isShownToCitizens else { continue }
            return frame.mainIndex > 0 ? "\(guide.code)-\(frame.mainIndex)" : guide.code
        }
        return nil
    }

    /// The guide of the innermost frame.
    var currentGuide: Guide? { frames.last.flatMap { library.guide($0.guideID) } }

    /// The id of the step on screen, if any.
    var currentStepID: String? {
        switch phase {
        case .step(let id), .stepList(let id): return id
        default: return nil
        }
    }
}
