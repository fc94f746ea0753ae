import Foundation

/// Folding of Vietnamese (and Ê Đê, Jrai, M'Nông) text for search: no accents, no case, đ→d, ƀ→b.
public enum TextFolding {
    /// Lowercase ASCII-ish tokens: accents and other combining marks dropped, đ/ƀ mapped, apostrophes kept,
    /// punctuation split. Precomposed and decomposed (NFD) input fold alike.
    public static func tokens(_ text: String) -> [String] {
        fold(text, phrases: false).first ?? []
    }

    /// The phrases of `text` as token lists: commas, full stops, brackets, quotes and line breaks end a phrase, so
    /// two words count as side by side only within one.
    static func phrases(_ text: String) -> [[String]] {
        fold(text, phrases: true)
    }

    /// Scalars that end a phrase.
    static let phraseBreaks: Set<UInt32> = Set(",.;:!?()[]\"\n\u{201C}\u{201D}\u{AB}\u{BB}\u{2026}/\u{2013}\u{2014}".unicodeScalars.map(\.value))

    /// The tokens of `text`, all in one list, or cut into phrases.
    private static func fold(_ text: String, phrases: Bool) -> [[String]] {
        var result: [[String]] = []
        var tokens: [String] = []
        var current = String.UnicodeScalarView()
        func flush() {
            if !current.isEmpty { tokens.append(String(current)) }
            current = String.UnicodeScalarView()
        }
        for scalar in text.unicodeScalars {
            let value = scalar.value
            // ASCII letters and digits, most of what is typed, without building a String per character.
            if value < 0x80 {
                if (0x61...0x7A).contains(value) || (0x30...0x39).contains(value) {
                    current.append(scalar)
                } else if (0x41...0x5A).contains(value), let lower = Unicode.Scalar(value + 0x20) {
                    current.append(lower)
                } else if value == 0x27 || value == 0x60 {
                    current.append("'")
                } else {
                    flush()
                    if phrases, phraseBreaks.contains(value), !tokens.isEmpty {
                        result.append(tokens)
                        tokens = []
                    }
                }
                continue
            }
            // A Vietnamese (or other Latin) letter with its marks: its folded form, looked up.
            if let folded = latin[value] {
                current.append(contentsOf: folded)
                continue
            }
            if scalar.properties.generalCategory == .nonspacingMark { continue }
            switch scalar {
            case "\u{2019}", "\u{2018}", "\u{02BC}": current.append("'")
            default:
                if scalar.properties.isAlphabetic || scalar.properties.numericType != nil {
                    current.append(contentsOf: scalar.properties.lowercaseMapping.unicodeScalars)
                } else {
                    flush()
                    if phrases, phraseBreaks.contains(value), !tokens.isEmpty {
                        result.append(tokens)
                        tokens = []
                    }
                }
            }
        }
        flush()
        if !tokens.isEmpty || !phrases { result.append(tokens) }
        return result
    }

    /// The folded form of every letter of Latin-1, Latin Extended-A and -B and Latin Extended Additional (where the
    /// Vietnamese letters with tone marks are): its canonical decomposition without marks, lowercased; `đ` is `d`
    /// and `ƀ` is `b`. Built once, so folding never decomposes a whole text through Foundation.
    static let latin: [UInt32: [Unicode.Scalar]] = {
        var table: [UInt32: [Unicode.Scalar]] = [:]
        for value in Array(UInt32(0xC0)...0x24F) + Array(UInt32(0x1E00)...0x1EFF) {
            guard let scalar = Unicode.Scalar(value), scalar.properties.isAlphabetic else { continue }
            switch scalar {
            case "đ", "Đ": table[value] = ["d"]
            case "ƀ", "Ƀ": table[value] = ["b"]
            default:
                let base = String(scalar).decomposedStringWithCanonicalMapping.unicodeScalars
                    .filter { $0.properties.generalCategory != .nonspacingMark }
                table[value] = base.flatMap { Array($0.properties.lowercaseMapping.unicodeScalars) }
            }
        }
        return table
    }()

    /// True when `text` begins with what was `typed`, compared as search compares words (`Đăng ký` continues `dang ki`).
    public static func continues(_ text: String, _ typed: String) -> Bool {
        tokens(text).map(searchKey).joined(separator: " ").hasPrefix(tokens(typed).map(searchKey).joined(separator: " "))
    }

    /// A folded token as search compares it: `y` is `i` (people write `ki`, `li` as often as `ký`, `lý`) and
    /// apostrophes go (`baby's`, `M'gar`), on both the typed and the indexed side.
    static func searchKey(_ token: String) -> String {
        guard token.utf8.contains(where: { $0 == UInt8(ascii: "y") || $0 == UInt8(ascii: "'") }) else { return token }
        var scalars = String.UnicodeScalarView()
        for scalar in token.unicodeScalars where scalar != "'" { scalars.append(scalar == "y" ? "i" : scalar) }
        return String(scalars)
    }

    /// A folded token with Telex and VNI typing leftovers removed (`ddawng`→`dang`, `kys`→`ky`, `d9a8ng`→`dang`).
    ///
    /// Safe for Vietnamese words, which never contain `w`, `dd`, `aa`, `ee`, `oo` or digits and never end in s, f, r, x, j.
    static func untyped(_ token: String) -> String {
        var chars = Array(token.unicodeScalars).filter { !("0"..."9").contains($0) }
        guard !chars.isEmpty else { return token }
        var out: [Unicode.Scalar] = []
        var i = 0
        while i < chars.count {
            let c = chars[i]
            let next = i + 1 < chars.count ? chars[i + 1] : nil
            if let next, next == c, c == "d" || c == "a" || c == "e" || c == "o" {
                out.append(c)
                i += 2
                continue
            }
            if c == "w" {
                i += 1
                continue
            }
            out.append(c)
            i += 1
        }
        chars = out
        // A tone key typed after the vowel: at the end, or before the final consonants.
        let toneKeys: Set<Unicode.Scalar> = ["s", "f", "r", "x", "j", "z"]
        let finals = ["", "c", "ch", "m", "n", "ng", "nh", "p", "t"]
        for index in chars.indices.reversed() where index > 0 && toneKeys.contains(chars[index]) {
            let tail = String(String.UnicodeScalarView(chars[(index + 1)...]))
            let afterVowel = isVowel(chars[index - 1])
            guard finals.contains(tail), afterVowel || tail.isEmpty, chars[..<index].contains(where: isVowel) else { continue }
            chars.remove(at: index)
            break
        }
        return String(String.UnicodeScalarView(chars))
    }

    static func isVowel(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case "a", "e", "i", "o", "u", "y": return true
        default: return false
        }
    }
}
