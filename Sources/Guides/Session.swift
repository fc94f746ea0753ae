/// Who started a session: the citizen alone, or a volunteer standing beside them.
public enum LaunchedBy: String, Sendable, CaseIterable {
    case citizen = "self"
    case volunteer
}

/// How a session ended, as the engine sees it.
public enum SessionOutcome: String, Sendable, CaseIterable {
    /// The citizen says they submitted it themselves.
    case done
    /// Handed to staff at the counter.
    case staff
    /// The citizen will finish later (papers missing, police visit first…).
    case later
    /// The citizen left the guide.
    case quit
    /// Nobody touched the terminal for too long.
    case timeout
    /// The kiosk was stopped (shut down, restarted) while the citizen was being guided.
    case interrupted
}

/// What the citizen (or the idle timer) did.
public enum SessionInput: Hashable, Sendable {
    case choose(Int)
    case back
    case `repeat`
    case listSteps
    case callStaff
    case quit
    case idle
    /// The program is stopping.
    case terminate
}

/// Facts for telemetry; they carry ids only, never anything a citizen typed.
public enum SessionEvent: Hashable, Sendable {
    case started(guide: String, language: String, launchedBy: LaunchedBy)
    /// A step was shown; `index` is its place on the main path (nil off the main path).
    case stepShown(guide: String, step: String, index: Int?)
    case back(guide: String, step: String)
    case helpAsked(guide: String, step: String?)
    case ended(outcome: SessionOutcome, guide: String, step: String?)
}

/// What one input produced: the screen to draw and the events to record.
public struct SessionOutput: Sendable {
    public let screen: Screen
    public let events: [SessionEvent]
}

/// One citizen's walk through one guide: a pure state machine, `(state, input) → (state, screen, events)`.
public struct Session: Sendable {
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
    public let guideID: String
    public let language: String
    public let launchedBy: LaunchedBy
    let library: Library
    var phase: Phase = .overview
    var frames: [Frame]
    var history: [Position] = []

    /// True once the session has ended; further input only repeats the last screen.
    public var isEnded: Bool { if case .ended = phase { true } else { false } }

    /// Starts `guide` and returns the session with its overview screen and the `started` event.
    public static func start(
        _ guide: Guide, language: String, launchedBy: LaunchedBy, library: Library
    ) -> (Session, SessionOutput) {
        let session = Session(guideID: guide.id, language: language, launchedBy: launchedBy, library: library,
            frames: [Frame(guideID: guide.id, returnStep: nil, mainIndex: 0)])
        let event = SessionEvent.started(guide: guide.id, language: language, launchedBy: launchedBy)
        return (session, SessionOutput(screen: session.screen(), events: [event]))
    }

    /// The guide of the innermost frame.
    var currentGuide: Guide? { frames.last.flatMap { library.guide($0.guideID) } }

    /// The id of the step on screen, if any.
    public var currentStepID: String? {
        switch phase {
        case .step(let id), .stepList(let id): return id
        default: return nil
        }
    }
}
