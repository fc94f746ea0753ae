/// Per-language figures for `kiosk locales status`.
public struct CatalogStatus: Sendable, Equatable {
    let language: String
    public var translated = 0
    /// Fuzzy, or translated from a Vietnamese text that has since changed.
    public var stale = 0
    public var missing = 0

    var total: Int { translated + stale + missing }
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
