/// The whole citizen flow at one terminal, as a pure state machine:
/// welcome (language) → menu (numbers, poster codes, search) → guide session → thanks → reset.
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
        case thanks(SessionOutcome)
    }

    /// The most guides listed by number on the menu.
    static let menuSize = 9
    /// The longest line a person may type, in characters (the input layers cut longer ones, unread).
    public static let maximumLineLength = 1000
    /// The most search results offered.
    static let resultCount = 3

    let library: Library
    let search: GuideSearch
    let languages: [Language]
    let defaultLanguage: String
    public let timing: IdleTiming
    /// Legend letters by language code (each language's catalog may choose its own).
    let keysByLanguage: [String: LegendLetters]
    /// The legend letters of the current language (the default language's when it has none).
    /// (A language whose catalog has no letters of its own uses the Vietnamese ones, as its screens do.)
    var keys: LegendLetters { keysByLanguage[language] ?? keysByLanguage["vi"] ?? [:] }
    var base: Base = .welcome
    var overlay: FlowOverlay?
    /// The language the citizen chose.
    var language: String
    /// When someone last typed or pressed a key (or the screen last changed by itself).
    var lastActivity: UInt64 = 0
    /// When the idle warning appeared.
    var warnedAt: UInt64 = 0
    /// True from a reset until someone touches the terminal: a clean welcome screen waits without a timer.
    var untouched = true

    /// A flow over the citizen guides of `library`, offering `languages` (the first is the default unless named).
    /// `aliases` gives each guide's translated titles (by guide id) so searches work in every offered language.
    public init(library: Library, languages: [Language], defaultLanguage: String? = nil, keys: LegendLetters,
        keysByLanguage: [String: LegendLetters] = [:], aliases: [String: [String]] = [:], timing: IdleTiming = IdleTiming()) {
        self.library = library
        search = GuideSearch(guides: library.citizenGuides, aliases: aliases)
        self.languages = languages
        self.defaultLanguage = defaultLanguage ?? languages.first?.code ?? "vi"
        self.timing = timing
        language = self.defaultLanguage
        // `keys` are the Vietnamese (source) letters, whatever the default language is.
        var letters = keysByLanguage
        letters["vi"] = keys
        self.keysByLanguage = letters
    }

    /// The guides listed by number on the menu.
    var menuGuides: [Guide] { Array(library.citizenGuides.prefix(Self.menuSize)) }

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
        case .thanks(let outcome): return .thanks(outcome)
        }
    }

    /// Starts `guide` at once as a volunteer-assisted session (`kiosk guide ID`, or `+code` at the menu).
    public mutating func startVolunteer(_ guide: Guide, language: String? = nil, at now: UInt64 = 0) -> FlowOutput {
        if let language, languages.contains(where: { $0.code == language }) { self.language = language }
        touch(now)
        return start(guide, launchedBy: .volunteer)
    }

    mutating func start(_ guide: Guide, launchedBy: LaunchedBy) -> FlowOutput {
        let (session, first) = Session.start(guide, language: language, launchedBy: launchedBy, library: library)
        base = .session(session)
        overlay = nil
        var output = FlowOutput(view: .guide(first.screen), events: first.events)
        output.volunteerSession = launchedBy == .volunteer
        output.language = language
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
        case (_, .thanks):
            return FlowDeadline(at: lastActivity + timing.thanks, input: .idleTimeout)
        case (nil, .welcome) where untouched:
            return nil
        case (nil, .welcome):
            // Someone touched the welcome screen and left: nothing to ask, just wipe what they typed.
            return FlowDeadline(at: lastActivity + timing.warning, input: .idleTimeout)
        default:
            return FlowDeadline(at: lastActivity + timing.warning, input: .idleWarning)
        }
    }
}
