/// The whole citizen flow at one terminal, as a pure state machine:
/// welcome (language) → menu (poster codes, resume codes, search) → guide session → farewell → reset.
///
/// It also owns the timing policy: `deadline()` says when it next acts by itself and with which input, given the
/// times passed with each input, so the terminal layer is a plain loop that waits, reads and draws.
public struct KioskFlow: Sendable {
    /// The screen under any overlay.
    enum Base: Sendable {
        case welcome
        case menu
        case results([Guide])
        case session(Session)
        case thanks(Farewell)
    }

    /// A call for staff that the terminal placed and that nobody has answered yet.
    struct OpenCall: Sendable {
        let since: UInt64
        let delivered: Bool
    }

    /// The longest line a person may type, in characters (the input layers cut longer ones, unread).
    public static let maximumLineLength = 1000

    let library: Library
    /// Search in every offered language; it also knows every citizen guide's title, so a title completed with Tab
    /// and sent whole opens its guide at once instead of offering search results.
    let search: GuideSearch
    let languages: [Language]
    let defaultLanguage: String
    public let timing: IdleTiming
    /// Some screen has a recorded voice: `+` alone then always listens (see `handle`).
    let voices: Bool
    var base: Base = .welcome
    var overlay: FlowOverlay?
    /// Where a session was opened from: going back from its overview returns there.
    var origin: Base = .menu
    /// The language the citizen chose.
    var language: String
    /// When someone last typed or pressed a key (or the screen last changed by itself).
    var lastActivity: UInt64 = 0
    /// When the idle warning appeared.
    var warnedAt: UInt64 = 0
    /// True from a reset until someone touches the terminal: a clean welcome screen waits without a timer.
    var untouched = true
    /// The call for staff asked for and waiting for its result from the terminal.
    var callPending = false
    var call: OpenCall?
    /// The `started` event of a session still on its overview: a citizen who goes straight back from there opened the
    /// wrong guide, and is no session in the statistics. It is sent with the session's first other event.
    var pendingStart: SessionEvent?

    /// A flow over the citizen guides of `library`, offering `languages` (the first is the default unless named).
    /// `search` is built over the library in the offered languages (Vietnamese only when not given).
    public init(library: Library, languages: [Language], defaultLanguage: String? = nil,
        search: GuideSearch? = nil, timing: IdleTiming = IdleTiming(), voices: Bool = false) {
        self.library = library
        self.voices = voices
        self.search = search ?? GuideSearch(guides: library.guides)
        self.languages = languages
        self.defaultLanguage = defaultLanguage ?? languages.first?.code ?? "vi"
        self.timing = timing
        language = self.defaultLanguage
    }

    /// Every citizen guide, in poster-code order: the menu lists them all (the terminal pages a long list).
    var menuGuides: [Guide] {
        library.citizenGuides.sorted { (Int($0.code) ?? Int.max, $0.code) < (Int($1.code) ?? Int.max, $1.code) }
    }

    /// True while a guide session is open (also behind an idle warning or a leave question).
    var isInSession: Bool { currentSession != nil }

    var currentSession: Session? {
        if case .session(let session) = base { return session }
        return nil
    }

    /// The current screen, without changing anything.
    public func output() -> FlowOutput {
        var output = FlowOutput(view: view())
        if let session = currentSession { output.volunteerSession = session.launchedBy == .volunteer }
        output.language = language
        output.waitingForStaff = call != nil
        output.staffReached = call?.delivered ?? true
        return output
    }

    /// The overlay if one is shown, else the base screen.
    func view() -> FlowView {
        switch overlay {
        case .idleWarning: return .idleWarning
        case .confirmLeave: return .confirmLeave
        case nil: break
        }
        switch base {
        case .welcome: return .welcome(languages)
        case .menu: return .menu(menuGuides)
        case .results(let guides): return .results(guides)
        case .session(let session): return .guide(session.screen())
        case .thanks(let farewell): return .thanks(farewell)
        }
    }

    /// Starts `guide` at once as a volunteer-assisted session (`kiosk guide ID`, or `+code` at the menu).
    public mutating func startVolunteer(_ guide: Guide, language: String? = nil, at now: UInt64 = 0) -> FlowOutput {
        if let language, languages.contains(where: { $0.code == language }) { self.language = language }
        touch(now)
        return start(guide, launchedBy: .volunteer)
    }

    mutating func start(_ guide: Guide, launchedBy: LaunchedBy, resumeAt: Int? = nil) -> FlowOutput {
        let (session, first) = Session.start(guide, language: language, launchedBy: launchedBy, library: library,
            resumeAt: resumeAt)
        switch base {
        case .results, .menu: origin = base
        default: origin = .menu
        }
        base = .session(session)
        overlay = nil
        var output = self.output()
        if resumeAt == nil, first.events.count == 1 {
            pendingStart = first.events.first
        } else {
            pendingStart = nil
            output.events = first.events
        }
        return output
    }

    /// Someone is at the terminal now.
    mutating func touch(_ now: UInt64) {
        lastActivity = now
        untouched = false
    }

    /// When the flow next acts by itself, and how; nil when it waits for a key forever (a clean welcome screen).
    public func deadline() -> FlowDeadline? {
        switch (overlay, base) {
        case (.idleWarning, _):
            return FlowDeadline(at: warnedAt + timing.reset, input: .idleTimeout)
        case (_, .thanks(let farewell)):
            // A "needs staff" summary waits for staff; a resume code stays long enough to copy.
            let wait = call != nil ? timing.staffWait : farewell.resumeCode != nil ? timing.warning : timing.thanks
            return FlowDeadline(at: lastActivity + wait, input: .idleTimeout)
        case (nil, .welcome) where untouched && call == nil:
            return nil
        case (nil, .welcome) where call == nil:
            // Someone touched the welcome screen and left: nothing to ask, just wipe what they typed.
            return FlowDeadline(at: lastActivity + timing.warning, input: .idleTimeout)
        default:
            return FlowDeadline(at: lastActivity + (call != nil ? timing.staffWait : timing.warning), input: .idleWarning)
        }
    }
}
