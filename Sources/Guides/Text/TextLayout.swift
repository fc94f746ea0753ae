/// Display width and word wrapping for terminals and printed handouts.
///
/// Combining marks (the breve of ơ̆, Vietnamese tone marks in NFD) take no column; East Asian wide characters take two.
public enum TextLayout {
    /// Columns a scalar occupies in a terminal.
    public static func width(of scalar: Unicode.Scalar) -> Int {
        let value = scalar.value
        if value < 0x20 || (0x7F..<0xA0).contains(value) { return 0 }
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .format: return 0
        default: break
        }
        if (0x1100...0x115F).contains(value) || (0x2E80...0xA4CF).contains(value) || (0xAC00...0xD7A3).contains(value)
            || (0xF900...0xFAFF).contains(value) || (0xFF00...0xFF60).contains(value) || (0xFFE0...0xFFE6).contains(value)
            || (0x1F300...0x1F64F).contains(value) || (0x20000...0x3FFFD).contains(value)
        {
            return 2
        }
        return 1
    }

    /// Columns `text` occupies in a terminal.
    public static func width(of text: some StringProtocol) -> Int {
        text.unicodeScalars.reduce(0) { $0 + width(of: $1) }
    }

    /// Splits `text` into lines no wider than `columns`, breaking at spaces; keeps "\n" as a hard break.
    /// A word wider than `columns` is cut between characters, never inside one.
    public static func wrap(_ text: String, columns: Int) -> [String] {
        let limit = max(columns, 8)
        var lines: [String] = []
        for paragraph in text.split(separator: "\n", omittingEmptySubsequences: false) {
            var line = ""
            var lineWidth = 0
            for word in paragraph.split(separator: " ") {
                var piece = String(word)
                var pieceWidth = width(of: piece)
                if lineWidth > 0 && lineWidth + 1 + pieceWidth <= limit {
                    line += " " + piece
                    lineWidth += 1 + pieceWidth
                    continue
                }
                if lineWidth > 0 { lines.append(line) }
                while pieceWidth > limit {
                    var head = ""
                    var headWidth = 0
                    var rest = Substring(piece)
                    while let character = rest.first, headWidth + width(of: String(character)) <= limit {
                        head.append(character)
                        headWidth += width(of: String(character))
                        rest = rest.dropFirst()
                    }
                    if head.isEmpty, let character = rest.first {
                        head = String(character)
                        rest = rest.dropFirst()
                    }
                    lines.append(head)
                    piece = String(rest)
                    pieceWidth = width(of: piece)
                }
                line = piece
                lineWidth = pieceWidth
            }
            lines.append(line)
        }
        return lines
    }

    /// `text` without anything that could drive a terminal: escape sequences (CSI, OSC and the like) are removed
    /// whole, other control characters and direction overrides are dropped; newlines are kept when `keepNewlines`.
    /// `forOutput` (the program's output sink) keeps newlines, CR before LF (CSV lines) and a leading byte-order mark.
    public static func sanitize(_ text: String, keepNewlines: Bool = false, forOutput: Bool = false) -> String {
        guard text.utf8.contains(where: { ($0 < 0x20 && $0 != 0x0A) || $0 == 0x7F || $0 >= 0xC2 }) else {
            return keepNewlines || forOutput || !text.utf8.contains(0x0A) ? text : text.replacingOccurrences(of: "\n", with: "")
        }
        var result = String.UnicodeScalarView()
        var scalars = text.unicodeScalars.makeIterator()
        var previous: Unicode.Scalar?
        var first = true
        while let scalar = scalars.next() {
            defer { first = false }
            if scalar == "\r" && forOutput {
                previous = scalar
                continue
            }
            if previous == "\r" {
                if scalar == "\n" { result.append("\r") }
                previous = nil
            }
            if scalar == "\u{FEFF}" && forOutput && first {
                result.append(scalar)
            } else if scalar == "\n" && (keepNewlines || forOutput) {
                result.append(scalar)
            } else if scalar == "\u{1B}" || scalar == "\u{9B}" || scalar == "\u{9D}" {
                skipEscape(after: scalar, in: &scalars)
            } else if scalar == "\t" {
                result.append(" ")
            } else if !SourceText.isTerminalControl(scalar) {
                result.append(scalar)
            }
        }
        return String(result)
    }

    /// Skips the rest of an escape sequence: CSI up to its final byte, OSC up to BEL or ST, or one following character.
    private static func skipEscape(after introducer: Unicode.Scalar, in scalars: inout String.UnicodeScalarView.Iterator) {
        var kind = introducer
        if introducer == "\u{1B}" {
            guard let next = scalars.next() else { return }
            if next == "[" { kind = "\u{9B}" } else if next == "]" || next == "P" || next == "_" || next == "^" { kind = "\u{9D}" } else { return }
        }
        if kind == "\u{9B}" {
            while let next = scalars.next(), !(0x40...0x7E).contains(next.value) {}
        } else {
            var previous: Unicode.Scalar = " "
            while let next = scalars.next() {
                if next == "\u{07}" || next == "\u{9C}" || (previous == "\u{1B}" && next == "\\") { return }
                previous = next
            }
        }
    }
}
