/// Turns guide lines and interface keys into the words shown in one language, and finds their recorded voices.
///
/// Vietnamese is the source: guide lines carry their Vietnamese text, interface words come from `UICatalog`.
/// Translations (per-line, falling back to Vietnamese) plug in through `translations`, recordings through `voices`.
public struct Localizer: Sendable {
    public let language: String
    let ui: UICatalog
    /// Translated lines; a missing or stale one falls back to Vietnamese, line by line.
    let translations: Translations
    /// The recorded voices of this language.
    public private(set) var voices: Recordings
    /// Guides this language does not cover yet (`covering`): their lines show in Vietnamese, the interface stays
    /// translated.
    private(set) var vietnameseGuides: Set<String> = []
    /// Set on the localizer of one guide in `vietnameseGuides` (`forGuide`): its lines are the Vietnamese ones.
    private var linesInVietnamese = false

    public init(language: String = "vi", ui: UICatalog, translations: Translations = Translations(), voices: Recordings? = nil) {
        self.language = language
        self.ui = ui
        self.translations = translations
        self.voices = voices ?? Recordings(language: language)
    }

    /// The text of a guide line.
    public func text(_ line: Line) -> String { translation(line) ?? line.text }

    /// An interface text, with `{name}` placeholders filled from `values`.
    public func text(_ key: UIText, _ values: [String: String] = [:]) -> String {
        let source = ui.text(key)
        let template = translations.text(for: "ui:" + key.rawValue, source: source) ?? source
        return values.isEmpty ? template : Template.fill(template, values)
    }

    /// The translation of a guide line, nil when it has none (or a stale one, or its guide shows in Vietnamese).
    func translation(_ line: Line) -> String? {
        linesInVietnamese ? nil : translations.text(for: line.key, source: line.text)
    }

    /// The translation of the line `key` whose Vietnamese is `source`, nil when there is none (or a stale one).
    public func translation(key: String, source: String) -> String? { translations.text(for: key, source: source) }

    /// True when this language translates nothing yet (its screens are the Vietnamese ones).
    public var translatesNothing: Bool { translations.isEmpty }

    /// A screen text of either kind.
    public func text(_ text: ScreenText) -> String {
        switch text {
        case .line(let line): return self.text(line)
        case .ui(let key): return self.text(key)
        }
    }

    /// The fresh recording of `text` in this language, if any. An interface text with placeholders has none: its
    /// numbers and names change from screen to screen.
    public func audio(_ text: ScreenText) -> String? {
        switch text {
        case .line(let line): return voices.audio(for: line.key, source: line.text)
        case .ui(let key):
            let source = ui.text(key)
            return source.contains("{") ? nil : voices.audio(for: "ui:" + key.rawValue, source: source)
        }
    }

    /// True when `text` shows in Vietnamese in this language (untranslated, or in a guide shown in Vietnamese).
    public func showsVietnamese(_ text: ScreenText) -> Bool {
        switch text {
        case .line(let line): return language == "vi" || translation(line) == nil
        case .ui(let key): return language == "vi" || translations.text(for: "ui:" + key.rawValue, source: ui.text(key)) == nil
        }
    }

    /// This localizer, with the recordings `voices`.
    public func speaking(_ voices: Recordings) -> Localizer {
        var copy = self
        copy.voices = voices
        return copy
    }

    /// This localizer, showing in Vietnamese every guide of `guides` whose lines it does not all cover: a line is
    /// covered by its translation or by a fresh recording. The guide's search words, never shown, do not count.
    public func covering(_ guides: [Guide]) -> Localizer {
        guard language != "vi" else { return self }
        var copy = self
        copy.vietnameseGuides = Set(guides.filter { guide in
            !CatalogTemplate.lines(of: guide).allSatisfy { line, _, _ in
                line.text.isEmpty || line.key == guide.keywords.key || translation(line) != nil
                    || voices.audio(for: line.key, source: line.text) != nil
            }
        }.map(\.id))
        return copy
    }

    /// True when the guide `id` is shown in Vietnamese in this language (`covering`).
    public func showsInVietnamese(guide id: String) -> Bool { vietnameseGuides.contains(id) }

    /// The localizer for the lines of guide `id`: this one, or its Vietnamese-lined copy when the guide is not covered.
    public func forGuide(_ id: String) -> Localizer {
        guard vietnameseGuides.contains(id) else { return self }
        var copy = self
        copy.linesInVietnamese = true
        return copy
    }
}
