import Foundation

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
                    diagnostics.append(Diagnostic(.error, at: location, "\(name): the placeholders \(placeholders(entry.id).sorted()) "
                        + "of the source must appear unchanged in the translation (found \(placeholders(text).sorted()))"))
                }
                if let odd = foreignLetter(text) {
                    diagnostics.append(Diagnostic(.warning, at: location,
                        "\(name): \"\(odd)\" (U+\(String(odd.unicodeScalars.first?.value ?? 0, radix: 16, uppercase: true))) is not a letter of the Latin orthographies served here"))
                }
                if let leftover = legacyLeftover(text) {
                    diagnostics.append(Diagnostic(.warning, at: location,
                        "\(name): \"\(leftover)\" looks like a leftover of a legacy 8-bit font; type the letter in Unicode"))
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

    /// The first letter that is not a Latin letter with an allowed mark.
    static func foreignLetter(_ text: String) -> Character? {
        for character in text where character.isLetter {
            let scalars = String(character).decomposedStringWithCanonicalMapping.unicodeScalars
            guard let base = scalars.first else { continue }
            let baseOK = (base.isASCII && base.properties.isAlphabetic) || extraLetters.contains(base)
            let marksOK = scalars.dropFirst().allSatisfy { allowedMarks.contains($0.value) }
            if !baseOK || !marksOK { return character }
        }
        return nil
    }

    /// A word with a legacy-font stand-in glued to a letter, such as `[on` or `do\`.
    static func legacyLeftover(_ text: String) -> String? {
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
