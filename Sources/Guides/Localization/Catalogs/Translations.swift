/// The usable translations of one language: translated, not fuzzy, not obsolete, keyed by line identity.
///
/// A translation is used only while its `msgid` still equals the current Vietnamese line, so a source edit makes the
/// line fall back to Vietnamese (and `kiosk locales update` marks it fuzzy for the translator) instead of showing a
/// translation of old words.
public struct Translations: Sendable {
    /// Line identity → (Vietnamese source it translates, translation).
    let lines: [String: (source: String, text: String)]

    public init() {
        lines = [:]
    }

    /// From a parsed catalog.
    public init(_ catalog: POCatalog) {
        var lines: [String: (source: String, text: String)] = [:]
        for entry in catalog.entries where !entry.isHeader && !entry.isObsolete && !entry.isFuzzy && entry.isTranslated {
            guard let context = entry.context, let text = entry.strings.first else { continue }
            lines[context] = (entry.id, text)
        }
        self.lines = lines
    }

    /// True when nothing is translated (the language shows Vietnamese everywhere).
    public var isEmpty: Bool { lines.isEmpty }

    /// The translation of `key` if it translates `source`.
    func text(for key: String, source: String) -> String? {
        guard let line = lines[key], line.source == source else { return nil }
        return line.text
    }
}
