/// Checks a translation catalog beyond its syntax: placeholders, the alphabet, and leftovers of legacy 8-bit fonts.
public enum CatalogCheck {
    /// Combining marks used by Vietnamese, Ê Đê, Jrai and M'Nông Latin orthographies.
    static let allowedMarks: Set<UInt32> = [0x300, 0x301, 0x302, 0x303, 0x306, 0x309, 0x30C, 0x31B, 0x323, 0x304, 0x308, 0x327]
    /// Letters with no decomposition that these orthographies use.
    static let extraLetters: Set<Unicode.Scalar> = ["đ", "Đ", "ƀ", "Ƀ"]
    /// ASCII stand-ins that legacy 8-bit fonts left in text (`[on` for ƀôn, `do\` for dŏ, `` `u `` for ñu, `đ^` for đĭ).
    static let legacyMarks: Set<Character> = ["[", "]", "\\", "^", "`", "#"]

    /// Problems of `catalog` (read from `path`): placeholders that differ from the source, letters outside the Latin
    /// orthographies the kiosk serves, and legacy-font leftovers. Each at the entry's `msgid` line.
    public static func check(_ catalog: POCatalog, path: String) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        for entry in catalog.entries where !entry.isHeader && !entry.isObsolete && entry.isTranslated {
            let location = SourceLocation(path: path, line: max(1, entry.line), column: 1)
            let name = entry.context ?? entry.id
            for text in entry.strings {
                if placeholders(text) != placeholders(entry.id) {
                    diagnostics.append(Diagnostic(.error, at: location, "\(Quoted.escape(name)): the placeholders "
                        + "\(placeholders(entry.id).sorted().map { Quoted.escape($0) }) of the source must appear unchanged in the "
                        + "translation (found \(placeholders(text).sorted().map { Quoted.escape($0) }))"))
                }
                if let odd = foreignLetter(text) {
                    diagnostics.append(Diagnostic(.warning, at: location,
                        "\(Quoted.escape(name)): \"\(Quoted.escape(String(odd)))\" (U+\(String(odd.unicodeScalars.first?.value ?? 0, radix: 16, uppercase: true))) is not a letter of the Latin orthographies served here"))
                }
                if let leftover = legacyLeftover(text) {
                    diagnostics.append(Diagnostic(.warning, at: location,
                        "\(Quoted.escape(name)): \"\(Quoted.escape(leftover))\" looks like a leftover of a legacy 8-bit font; type the letter in Unicode"))
                }
            }
        }
        return diagnostics
    }

    /// The `{name}` placeholders of a text.
    static func placeholders(_ text: String) -> Set<String> {
        var found = Set<String>()
        var rest = text[...]
        while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
            found.insert(String(rest[open...close]))
            rest = rest[rest.index(after: close)...]
        }
        return found
    }

    /// The first letter that is not a Latin letter (ASCII, or the precomposed Latin blocks U+00C0–U+024F and
    /// U+1E00–U+1EFF, or ƀ), or a combining mark these orthographies do not use. A scan of scalars, no normalizing.
    static func foreignLetter(_ text: String) -> Character? {
        for scalar in text.unicodeScalars where scalar.value >= 0x80 {
            let value = scalar.value
            switch value {
            case 0xC0...0x24F, 0x1E00...0x1EFF: continue
            case 0x300...0x36F: if allowedMarks.contains(value) { continue }
            default: if !scalar.properties.isAlphabetic { continue }
            }
            return Character(scalar)
        }
        return nil
    }

    /// A word with a legacy-font stand-in glued to a letter, such as `[on` or `do\`.
    static func legacyLeftover(_ text: String) -> String? {
        guard text.unicodeScalars.contains(where: { $0 == "[" || $0 == "]" || $0 == "\\" || $0 == "^" || $0 == "`" || $0 == "#" })
        else { return nil }
        for word in text.split(whereSeparator: { $0 == " " || $0 == "\n" }) {
            let characters = Array(word)
            for (index, character) in characters.enumerated() where legacyMarks.contains(character) {
                let before = index > 0 && characters[index - 1].isLetter
                let after = index + 1 < characters.count && characters[index + 1].isLetter
                if before || after { return String(word) }
            }
        }
        return nil
    }
}
