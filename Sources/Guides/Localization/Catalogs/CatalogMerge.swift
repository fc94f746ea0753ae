/// Merges a template into a language catalog the way `msgmerge --previous` does.
public enum CatalogMerge {
    /// New lines are added empty; lines whose Vietnamese changed keep their translation marked fuzzy with the old
    /// source as `#|`; lines no longer in the template become obsolete (`#~`). Translators' comments are kept.
    ///
    /// A line whose identity changed (an item that got its own id, a renamed answer id) keeps its translation when an
    /// entry that is no longer in the template has the same place (`guide:bring.`, `owner/step:choice.`) and the very
    /// same Vietnamese text: that is the same line under its new name, so nothing a translator wrote is lost.
    public static func merge(template: [POEntry], into existing: POCatalog, header: POEntry) -> POCatalog {
        let current = Set(template.map { $0.context ?? $0.id })
        var retired: [String: [POEntry]] = [:]
        for entry in existing.entries where !entry.isHeader && entry.isTranslated {
            guard let context = entry.context, !current.contains(context), let place = place(of: context) else { continue }
            retired[place + "\u{04}" + entry.id, default: []].append(entry)
        }
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
            var renamed: POEntry?
            if byKey[contextKey] == nil, let place = place(of: contextKey), var candidates = retired[place + "\u{04}" + source.id],
                !candidates.isEmpty {
                renamed = candidates.removeFirst()
                retired[place + "\u{04}" + source.id] = candidates
            }
            if let old = byKey[contextKey] ?? renamed
                ?? byContext.values.first(where: { $0.isObsolete && ($0.context ?? $0.id) == contextKey }) {
                used.insert(old.context ?? old.id)
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

    /// The place part of a line identity: everything up to the item id (`khai-sinh:bring.`, `khai-sinh/dang-nhap:choice.`),
    /// or nil for identities without items (`khai-sinh:title`).
    static func place(of context: String) -> String? {
        guard let colon = context.lastIndex(of: ":"), let dot = context[colon...].firstIndex(of: ".") else { return nil }
        return String(context[...dot])
    }
}
