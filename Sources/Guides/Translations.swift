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

    /// The translation of `key` if it translates `source`.
    public func text(for key: String, source: String) -> String? {
        guard let line = lines[key], line.source == source else { return nil }
        return line.text
    }
}

/// Per-language figures for `kiosk locales status`.
public struct CatalogStatus: Sendable, Equatable {
    public let language: String
    public var translated = 0
    /// Fuzzy, or translated from a Vietnamese text that has since changed.
    public var stale = 0
    public var missing = 0

    public var total: Int { translated + stale + missing }
    public var coverage: Double { total == 0 ? 0 : Double(translated) / Double(total) }

    /// Counts `catalog` against the template's lines.
    public init(language: String, catalog: POCatalog, template: [POEntry]) {
        self.language = language
        var byContext: [String: POEntry] = [:]
        for entry in catalog.entries where !entry.isHeader && !entry.isObsolete { byContext[entry.context ?? entry.id] = entry }
        for line in template {
            guard let entry = byContext[line.context ?? line.id], entry.isTranslated else {
                missing += 1
                continue
            }
            if entry.isFuzzy || entry.id != line.id { stale += 1 } else { translated += 1 }
        }
    }
}
