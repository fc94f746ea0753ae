/// A language the kiosk can show: its code, its name in itself, and its name in Vietnamese.
public struct Language: Hashable, Sendable {
    public let code: String
    public let name: String
    public let vietnameseName: String

    public init(code: String, name: String, vietnameseName: String) {
        self.code = code
        self.name = name
        self.vietnameseName = vietnameseName
    }
}

/// What happened at the terminal, as the flow sees it.
public enum FlowInput: Hashable, Sendable {
    /// A line the person typed (already without its newline).
    case line(String)
    /// No key for the warning time: ask "are you still there?".
    case idleWarning
    /// No key after the warning either: end the session and wipe the terminal.
    case idleTimeout
    /// Ctrl-C, Ctrl-\, Ctrl-Z or Ctrl-D at the kiosk: offer a return to the start.
    case interrupt
    /// End of input in plain line mode: the program ends.
    case endOfInput
    /// SIGTERM or SIGHUP: the program ends.
    case terminate
}

/// A message shown with a flow screen after an input that did not move on.
public enum FlowNotice: Hashable, Sendable {
    case personalDataDropped, noMatch, invalidChoice, volunteerHowTo
}

/// What the terminal must draw.
public enum FlowView: Hashable, Sendable {
    case welcome([Language])
    case menu([Guide])
    case results([Guide])
    case guide(Screen)
    case thanks(SessionOutcome)
    case idleWarning
    case confirmLeave
}

/// The result of one input: what to draw, what to record, and whether the terminal must be wiped first.
public struct FlowOutput: Sendable {
    public var view: FlowView
    public var notice: FlowNotice?
    public var events: [SessionEvent] = []
    /// Wipe the screen, the scrollback and the line history: the next visitor starts clean.
    public var resetTerminal = false
    /// The session on screen was launched by a volunteer: show the "the citizen presses every button" reminder.
    public var volunteerSession = false
    /// The typed line may go into line history (false for dropped personal data and for answers at the kiosk).
    public var keepInHistory = false
    /// The program should end after drawing this.
    public var exit = false
    /// The language to draw in.
    public var language = "vi"

    public init(view: FlowView, notice: FlowNotice? = nil, events: [SessionEvent] = []) {
        self.view = view
        self.notice = notice
        self.events = events
    }
}

/// The whole citizen flow at one terminal, as a pure state machine:
/// welcome (language) → menu (numbers, poster codes, search) → guide session → thanks → reset.
public struct KioskFlow: Sendable {
    /// The letters typed for back, repeat, list, staff and quit on guide screens (from the interface catalog).
    public typealias KeyLetters = [LegendKey: String]

    indirect enum Phase: Sendable {
        case welcome
        case menu
        case results([Guide])
        case session(Session)
        case thanks(SessionOutcome)
        case idleWarning(Phase)
        case confirmLeave(Phase)
    }

    /// The most guides listed by number on the menu.
    public static let menuSize = 9
    /// The most search results offered.
    public static let resultCount = 3

    let library: Library
    let search: GuideSearch
    public let languages: [Language]
    public let defaultLanguage: String
    /// Legend letters by language code (each language's catalog may choose its own).
    let keysByLanguage: [String: KeyLetters]
    /// The legend letters of the current language (the default language's when it has none).
    var keys: KeyLetters { keysByLanguage[language] ?? keysByLanguage[defaultLanguage] ?? [:] }
    var phase: Phase = .welcome
    /// The language the citizen chose.
    public internal(set) var language: String

    /// A flow over the citizen guides of `library`, offering `languages` (the first is the default unless named).
    /// `aliases` gives each guide's translated titles (by guide id) so searches work in every offered language.
    public init(library: Library, languages: [Language], defaultLanguage: String? = nil, keys: KeyLetters,
        keysByLanguage: [String: KeyLetters] = [:], aliases: [String: [String]] = [:]) {
        self.library = library
        search = GuideSearch(guides: library.citizenGuides, aliases: aliases)
        self.languages = languages
        self.defaultLanguage = defaultLanguage ?? languages.first?.code ?? "vi"
        language = self.defaultLanguage
        var letters = keysByLanguage
        letters[self.defaultLanguage] = letters[self.defaultLanguage] ?? keys
        self.keysByLanguage = letters
    }

    /// The guides listed by number on the menu.
    public var menuGuides: [Guide] { Array(library.citizenGuides.prefix(Self.menuSize)) }

    /// True while a guide session is open (also behind an idle warning or a leave question).
    public var isInSession: Bool { currentSession != nil }

    var currentSession: Session? {
        var current = phase
        while true {
            switch current {
            case .session(let session): return session
            case .idleWarning(let inner), .confirmLeave(let inner): current = inner
            default: return nil
            }
        }
    }

    /// The current screen, without changing anything.
    public func output() -> FlowOutput {
        var output = FlowOutput(view: view(of: phase))
        if let session = currentSession { output.volunteerSession = session.launchedBy == .volunteer }
        output.language = language
        return output
    }

    func view(of phase: Phase) -> FlowView {
        switch phase {
        case .welcome: return .welcome(languages)
        case .menu: return .menu(menuGuides)
        case .results(let guides): return .results(guides)
        case .session(let session): return .guide(session.screen())
        case .thanks(let outcome): return .thanks(outcome)
        case .idleWarning: return .idleWarning
        case .confirmLeave: return .confirmLeave
        }
    }

    /// Starts `guide` at once as a volunteer-assisted session (`kiosk guide ID`, or `+code` at the menu).
    public mutating func startVolunteer(_ guide: Guide, language: String? = nil) -> FlowOutput {
        if let language, languages.contains(where: { $0.code == language }) { self.language = language }
        return start(guide, launchedBy: .volunteer)
    }

    mutating func start(_ guide: Guide, launchedBy: LaunchedBy) -> FlowOutput {
        let (session, first) = Session.start(guide, language: language, launchedBy: launchedBy, library: library)
        phase = .session(session)
        var output = FlowOutput(view: .guide(first.screen), events: first.events)
        output.volunteerSession = launchedBy == .volunteer
        output.language = language
        return output
    }
}
