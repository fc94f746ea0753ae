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
