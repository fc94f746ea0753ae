import Foundation

/// Folding of Vietnamese (and Ê Đê, Jrai, M'Nông) text for search: no accents, no case, đ→d, ƀ→b.
public enum TextFolding {
    /// Lowercase ASCII-ish tokens: NFD, combining marks dropped, đ/ƀ mapped, apostrophes kept, punctuation split.
    public static func tokens(_ text: String) -> [String] {
        var tokens: [String] = []
        var current = String.UnicodeScalarView()
        func flush() {
            if !current.isEmpty { tokens.append(String(current)) }
            current = String.UnicodeScalarView()
        }
        let decomposed = text.unicodeScalars.allSatisfy(\.isASCII) ? text : text.decomposedStringWithCanonicalMapping
        for scalar in decomposed.unicodeScalars {
            // ASCII letters and digits, most of what is typed, without building a String per character.
            if scalar.isASCII {
                let value = scalar.value
                if (0x61...0x7A).contains(value) || (0x30...0x39).contains(value) {
                    current.append(scalar)
                    continue
                }
                if (0x41...0x5A).contains(value), let lower = Unicode.Scalar(value + 0x20) {
                    current.append(lower)
                    continue
                }
            }
            if scalar.properties.generalCategory == .nonspacingMark { continue }
            switch scalar {
            case "đ", "Đ": current.append("d")
            case "ƀ", "Ƀ": current.append("b")
            case "\u{2019}", "\u{2018}", "\u{02BC}", "`", "'": current.append("'")
            default:
                if scalar.properties.isAlphabetic || scalar.properties.numericType != nil {
                    current.append(contentsOf: scalar.properties.lowercaseMapping.unicodeScalars)
                } else {
                    flush()
                }
            }
        }
        flush()
        return tokens
    }

    /// A folded token as search compares it: `y` is `i` (people write `ki`, `li` as often as `ký`, `lý`) and
    /// apostrophes go (`baby's`, `M'gar`), on both the typed and the indexed side.
    static func searchKey(_ token: String) -> String {
        guard token.utf8.contains(where: { $0 == UInt8(ascii: "y") || $0 == UInt8(ascii: "'") }) else { return token }
        var scalars = String.UnicodeScalarView()
        for scalar in token.unicodeScalars where scalar != "'" { scalars.append(scalar == "y" ? "i" : scalar) }
        return String(scalars)
    }

    /// The phrases of `text` as token lists: commas, full stops, brackets, quotes and line breaks end a phrase, so
    /// two words count as side by side only within one.
    static func phrases(_ text: String) -> [[String]] {
        text.split(whereSeparator: { ",.;:!?()[]\"“”«»\n…/–—".contains($0) }).map { tokens(String($0)) }.filter { !$0.isEmpty }
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
