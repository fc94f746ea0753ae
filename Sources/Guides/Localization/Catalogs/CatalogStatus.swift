/// Per-language figures for `kiosk locales status`.
public struct CatalogStatus: Sendable, Equatable {
    let language: String
    public var translated = 0
    /// Fuzzy, or translated from a Vietnamese text that has since changed.
    public var stale = 0
    public var missing = 0

    var total: Int { translated + stale + missing }

    /// The interface lines a screen shows that `entries` does not translate (or only fuzzily): while there is one,
    /// the language is not offered (the kiosk's own rule, `POCoverage.translatesInterface`).
    public static func interfaceToDo(in entries: [String: POEntry]) -> Int {
        let translated = entries.compactMap { context, entry in
            context.hasPrefix("ui:") && entry.isTranslated && !entry.isFuzzy ? String(context.dropFirst(3)) : nil
        }
        return UIText.missingToOffer(translated: Set(translated))
    }

    /// How one line stands in a catalog.
    public enum State: Sendable { case translated, stale, missing }

    /// The state of line `key`, whose Vietnamese is `vietnamese` now, among `entries` (`POCatalog.byContext`): stale
    /// when fuzzy or translated from other words.
    public static func state(of key: String, vietnamese: String, in entries: [String: POEntry]) -> State {
        guard let entry = entries[key], entry.isTranslated else { return .missing }
        return entry.isFuzzy || entry.id != vietnamese ? .stale : .translated
    }
    public var coverage: Double { total == 0 ? 0 : Double(translated) / Double(total) }

    /// Counts `catalog` against the template's lines, or only those whose identity is in `keys`.
    public init(language: String, catalog: POCatalog, template: [POEntry], keys: Set<String>? = nil) {
        self.language = language
        var byContext: [String: POEntry] = [:]
        for entry in catalog.entries where !entry.isHeader && !entry.isObsolete { byContext[entry.context ?? entry.id] = entry }
        for line in template where keys.map({ $0.contains(line.context ?? line.id) }) ?? true {
            guard let entry = byContext[line.context ?? line.id], entry.isTranslated else {
                missing += 1
                continue
            }
            if entry.isFuzzy || entry.id != line.id { stale += 1 } else { translated += 1 }
        }
    }

    /// Coverage of the interface and of each guide (its own and its shared steps' lines, by poster code), in each
    /// of `catalogs`: what a translator finishes first, and what a language can already offer.
    public static func byPart(library: Library, template: [POEntry], catalogs: [(language: String, catalog: POCatalog)])
        -> [(name: String, lines: Int, coverage: [Double])] {
        let interface = Set(template.compactMap(\.context).filter { $0.hasPrefix("ui:") })
        let guides = library.guides.sorted { (Int($0.code) ?? .max, $0.code) < (Int($1.code) ?? .max, $1.code) }
        let parts = [("interface", interface)] + guides.map { ("\($0.code) \($0.id)", Set(CatalogTemplate.lineKeys(of: $0))) }
        return parts.map { name, keys in
            (name, template.count { keys.contains($0.context ?? $0.id) },
                catalogs.map { CatalogStatus(language: $0.language, catalog: $0.catalog, template: template, keys: keys).coverage })
        }
    }
}
