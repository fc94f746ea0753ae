/// Merges a template into a language catalog the way `msgmerge --previous` does.
public enum CatalogMerge {
    /// New lines are added empty; lines whose Vietnamese changed keep their translation marked fuzzy with the old
    /// source as `#|`; lines no longer in the template become obsolete (`#~`). Translators' comments are kept.
    public static func merge(template: [POEntry], into existing: POCatalog, header: POEntry) -> POCatalog {
        var byContext: [String: POEntry] = [:]
        for entry in existing.entries where !entry.isHeader { byContext[entry.key] = entry }
        var byKey: [String: POEntry] = [:]
        for entry in existing.entries where !entry.isHeader && !entry.isObsolete { byKey[entry.context ?? entry.id] = entry }
        var merged = POCatalog(entries: [existing.header ?? header])
        var used = Set<String>()
        for source in template {
            let contextKey = source.context ?? source.id
            var entry = source
            entry.strings = [""]
            if let old = byKey[contextKey] ?? byContext.values.first(where: { $0.isObsolete && ($0.context ?? $0.id) == contextKey }) {
                used.insert(contextKey)
                entry.translatorComments = old.translatorComments
                entry.strings = old.strings
                var flags = source.flags
                if old.id != source.id && old.isTranslated {
                    flags.insert("fuzzy", at: 0)
                    entry.previousID = old.id
                } else if old.isFuzzy {
                    flags.insert("fuzzy", at: 0)
                    entry.previousID = old.previousID
                }
                entry.flags = flags
            }
            merged.entries.append(entry)
        }
        for old in existing.entries where !old.isHeader && !used.contains(old.context ?? old.id) {
            var obsolete = old
            obsolete.isObsolete = true
            if obsolete.isTranslated || !obsolete.translatorComments.isEmpty { merged.entries.append(obsolete) }
        }
        return merged
    }
}
