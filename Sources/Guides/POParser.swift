/// Reads gettext PO files: every construct and escape that `msgfmt` accepts, with `path:line:col` errors.
public enum POParser {
    /// The keyword a string belongs to while reading an entry.
    private enum Field {
        case context, id, plural, string(Int), previousContext, previousID, previousPlural
    }

    /// Parses the catalog at `path` (text is normalized to NFC as it is read).
    public static func parse(contentsOf path: String) -> (POCatalog, [Diagnostic]) {
        parse(SourceText(contentsOf: path, limits: .catalog))
    }

    /// Parses checked source text.
    public static func parse(_ source: SourceText) -> (POCatalog, [Diagnostic]) {
        var diagnostics = source.diagnostics
        var catalog = POCatalog()
        var entry = POEntry(id: "")
        entry.strings = []
        var field: Field?
        var started = false   // a keyword of this entry has been seen
        var sawString = false
        func error(_ line: Int, _ column: Int, _ message: String) {
            diagnostics.append(Diagnostic(.error, at: SourceLocation(path: source.path, line: line, column: column), message))
        }
        func finish() {
            if started {
                if entry.strings.isEmpty { entry.strings = [""] }
                catalog.entries.append(entry)
            }
            entry = POEntry(id: "")
            entry.strings = []
            field = nil
            started = false
            sawString = false
        }
        for (index, rawLine) in source.lines.enumerated() {
            let number = index + 1
            var line = Substring(rawLine).trimmingSpaces
            if line.isEmpty {
                continue
            }
            var obsolete = false
            var previous = false
            if line.hasPrefix("#~") {
                obsolete = true
                line = line.dropFirst(2).trimmingSpaces
                if line.hasPrefix("|") {
                    previous = true
                    line = line.dropFirst().trimmingSpaces
                }
                if line.isEmpty { continue }
            } else if line.hasPrefix("#|") {
                previous = true
                line = line.dropFirst(2).trimmingSpaces
            } else if line.hasPrefix("#") {
                // A comment starts a new entry once strings have been read.
                if sawString { finish() }
                let kind = line.dropFirst().first
                let text = String(line.dropFirst(2).trimmingSpaces)
                switch kind {
                case ".": entry.extractedComments.append(text)
                case ":": entry.references += text.split(separator: " ").map(String.init)
                case ",": entry.flags += text.split(separator: ",").map { String($0.trimmingSpaces) }.filter { !$0.isEmpty }
                default: entry.translatorComments.append(String(line.dropFirst().drop { $0 == " " }))
                }
                continue
            }
            let column = rawLine.utf8.count - line.utf8.count + 1
            if line.hasPrefix("\"") {
                guard let current = field else {
                    error(number, column, "a string without a keyword before it")
                    continue
                }
                guard let text = decode(line, line: number, column: column, into: &diagnostics, path: source.path) else { continue }
                append(text, to: current, in: &entry)
                continue
            }
            let keywordEnd = line.firstIndex(where: { $0 == " " || $0 == "\"" || $0 == "\t" }) ?? line.endIndex
            let keyword = line[..<keywordEnd]
            let rest = line[keywordEnd...].trimmingSpaces
            let next: Field
            switch keyword {
            case "msgctxt": next = previous ? .previousContext : .context
            case "msgid": next = previous ? .previousID : .id
            case "msgid_plural": next = previous ? .previousPlural : .plural
            case "msgstr": next = .string(0)
            default:
                if keyword.hasPrefix("msgstr["), keyword.hasSuffix("]"), let n = Int(keyword.dropFirst(7).dropLast()), n >= 0, n < 64 {
                    next = .string(n)
                } else {
                    error(number, column, "unknown keyword \"\(keyword)\"")
                    continue
                }
            }
            // After a msgstr, any keyword but another msgstr[n] begins the next entry.
            if sawString {
                if case .string = next {} else { finish() }
            }
            started = true
            entry.isObsolete = entry.isObsolete || obsolete
            field = next
            switch next {
            case .context: entry.context = ""
            case .id:
                entry.id = ""
                entry.line = number
            case .plural: entry.plural = ""
            case .string(let n):
                while entry.strings.count <= n { entry.strings.append("") }
                sawString = true
            case .previousContext: entry.previousContext = ""
            case .previousID: entry.previousID = ""
            case .previousPlural: entry.previousPlural = ""
            }
            guard rest.hasPrefix("\"") else {
                error(number, column + keyword.utf8.count + 1, "\(keyword) needs a quoted string")
                continue
            }
            let restColumn = rawLine.utf8.count - rest.utf8.count + 1
            if let text = decode(rest, line: number, column: restColumn, into: &diagnostics, path: source.path) {
                append(text, to: next, in: &entry)
            }
        }
        finish()
        return (catalog, diagnostics)
    }

    private static func append(_ text: String, to field: Field, in entry: inout POEntry) {
        switch field {
        case .context: entry.context = (entry.context ?? "") + text
        case .id: entry.id += text
        case .plural: entry.plural = (entry.plural ?? "") + text
        case .string(let n): entry.strings[n] += text
        case .previousContext: entry.previousContext = (entry.previousContext ?? "") + text
        case .previousID: entry.previousID = (entry.previousID ?? "") + text
        case .previousPlural: entry.previousPlural = (entry.previousPlural ?? "") + text
        }
    }

    /// Decodes one quoted string with msgfmt's escapes: `\n \t \r \b \f \v \a \" \\`, octal and hex.
    static func decode(_ quoted: Substring, line: Int, column: Int, into diagnostics: inout [Diagnostic], path: String) -> String? {
        func fail(_ offset: Int, _ message: String) -> String? {
            diagnostics.append(Diagnostic(.error, at: SourceLocation(path: path, line: line, column: column + offset), message))
            return nil
        }
        let bytes = Array(quoted.utf8)
        guard bytes.first == UInt8(ascii: "\"") else { return fail(0, "expected a string in double quotes") }
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var index = 1
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") {
                let trailing = bytes[(index + 1)...].drop { $0 == 0x20 || $0 == 0x09 }
                guard trailing.isEmpty else { return fail(index + 1, "text after the closing quote") }
                return String(decoding: out, as: UTF8.self)
            }
            if byte != UInt8(ascii: "\\") {
                out.append(byte)
                index += 1
                continue
            }
            index += 1
            guard index < bytes.count else { break }
            let escape = bytes[index]
            switch escape {
            case UInt8(ascii: "n"): out.append(0x0A)
            case UInt8(ascii: "t"): out.append(0x09)
            case UInt8(ascii: "r"): out.append(0x0D)
            case UInt8(ascii: "b"): out.append(0x08)
            case UInt8(ascii: "f"): out.append(0x0C)
            case UInt8(ascii: "v"): out.append(0x0B)
            case UInt8(ascii: "a"): out.append(0x07)
            case UInt8(ascii: "\""), UInt8(ascii: "\\"): out.append(escape)
            case UInt8(ascii: "0")...UInt8(ascii: "7"):
                var value = 0
                var digits = 0
                while digits < 3, index < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "7")).contains(bytes[index]) {
                    value = value * 8 + Int(bytes[index] - UInt8(ascii: "0"))
                    index += 1
                    digits += 1
                }
                out.append(UInt8(truncatingIfNeeded: value))
                continue
            case UInt8(ascii: "x"):
                var value = 0
                var digits = 0
                index += 1
                while index < bytes.count, let digit = hexValue(bytes[index]) {
                    value = (value * 16 + digit) & 0xFF
                    index += 1
                    digits += 1
                }
                guard digits > 0 else { return fail(index - 1, "\\x needs hexadecimal digits") }
                out.append(UInt8(value))
                continue
            default:
                return fail(index - 1, "invalid control sequence \\\(Character(Unicode.Scalar(escape)))")
            }
            index += 1
        }
        return fail(bytes.count, "missing closing double quote")
    }

    private static func hexValue(_ byte: UInt8) -> Int? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return Int(byte - UInt8(ascii: "0"))
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return Int(byte - UInt8(ascii: "a")) + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return Int(byte - UInt8(ascii: "A")) + 10
        default: return nil
        }
    }
}
