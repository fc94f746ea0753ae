/// Turns guide lines and interface keys into the words shown in one language.
///
/// Vietnamese is the source: guide lines carry their Vietnamese text, interface words come from `UICatalog`.
/// Translations (per-line, falling back to Vietnamese) plug in through `translations`.
public struct Localizer: Sendable {
    public let language: String
    let ui: UICatalog
    /// Translated lines; a missing or stale one falls back to Vietnamese, line by line.
    let translations: Translations

    public init(language: String = "vi", ui: UICatalog, translations: Translations = Translations()) {
        self.language = language
        self.ui = ui
        self.translations = translations
    }

    /// The text of a guide line.
    public func text(_ line: Line) -> String { translations.text(for: line.key, source: line.text) ?? line.text }

    /// An interface text, with `{name}` placeholders filled from `values`.
    public func text(_ key: UIText, _ values: [String: String] = [:]) -> String {
        let source = ui.text(key)
        let template = translations.text(for: "ui:" + key.rawValue, source: source) ?? source
        return values.isEmpty ? template : Template.fill(template, values)
    }

    /// The translation of a guide line, nil when it has none (or a stale one).
    func translation(_ line: Line) -> String? { translations.text(for: line.key, source: line.text) }

    /// True when this language translates nothing yet (its screens are the Vietnamese ones).
    public var translatesNothing: Bool { translations.isEmpty }

    /// A screen text of either kind.
    public func text(_ text: ScreenText) -> String {
        switch text {
        case .line(let line): return self.text(line)
        case .ui(let key): return self.text(key)
        }
    }
}
