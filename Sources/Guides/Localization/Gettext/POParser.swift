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

    /// Parses several catalogs at once, spread over the cores; results are in the order of `paths`.
    public static func parse(contentsOf paths: [String]) -> [(POCatalog, [Diagnostic])] {
        paths.concurrentMap { parse(contentsOf: $0) }
    }

    /// Parses checked source text.
    static func parse(_ source: SourceText) -> (POCatalog, [Diagnostic]) {
        // A translator's keyboard may type a letter as its base and a mark (Keyman's Dega keyboard types ĕ as e and
        // U+0306): the text is read in NFC all the same, so in a catalog that is a warning, and `kiosk locales
        // update` writes the file back in NFC. (An error would hide the whole language from citizens.)
        var diagnostics = source.diagnostics.map { diagnostic in
            guard diagnostic.severity == .error, diagnostic.message.hasPrefix(SourceText.notNFC) else { return diagnostic }
            return Diagnostic(.warning, at: diagnostic.location, SourceText.notNFC + ": it is read as NFC, and "
                + "`kiosk locales update` rewrites the file in NFC")
        }
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
        for index in 0..<source.lineCount {
            let number = index + 1
            source.withLine(index) { line in
                var start = line.skipSpaces(from: 0)
                guard start < line.count else { return }
                var obsolete = false
                var previous = false
                if line.has("#~", at: start) {
                    obsolete = true
                    start = line.skipSpaces(from: start + 2)
                    if start < line.count, line.bytes[start] == UInt8(ascii: "|") {
                        previous = true
                        start = line.skipSpaces(from: start + 1)
                    }
                    if start >= line.count { return }
                } else if line.has("#|", at: start) {
                    previous = true
                    start = line.skipSpaces(from: start + 2)
                } else if line.bytes[start] == UInt8(ascii: "#") {
                    // A comment starts a new entry once strings have been read.
                    if sawString { finish() }
                    let kind = start + 1 < line.count ? line.bytes[start + 1] : 0
                    let body = line.text(start + 2, line.count)
                    switch kind {
                    case UInt8(ascii: "."): entry.extractedComments.append(body)
                    case UInt8(ascii: ":"): entry.references += body.split(separator: " ").map(String.init)
                    case UInt8(ascii: ","): entry.flags += body.split(separator: ",").map { String($0.trimmingSpaces) }.filter { !$0.isEmpty }
                    default:
                        let commentStart = start + 1 < line.count && line.bytes[start + 1] == 0x20 ? start + 2 : start + 1
                        entry.translatorComments.append(line.text(commentStart, line.count))
                    }
                    return
                }
                guard start < line.count else { return }
                if line.bytes[start] == UInt8(ascii: "\"") {
                    guard let current = field else {
                        error(number, line.column(start), "a string without a keyword before it")
                        return
                    }
                    if let decoded = decode(line, from: start, number: number, into: &diagnostics, path: source.path) {
                        append(decoded, to: current, in: &entry)
                    }
                    return
                }
                var keywordEnd = start
                while keywordEnd < line.count, line.bytes[keywordEnd] != 0x20, line.bytes[keywordEnd] != 0x09,
                    line.bytes[keywordEnd] != UInt8(ascii: "\"") { keywordEnd += 1 }
                let keyword = line.text(start, keywordEnd)
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
                        error(number, line.column(start), "unknown keyword \"\(Quoted.escape(keyword))\"")
                        return
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
                let quote = line.skipSpaces(from: keywordEnd)
                guard quote < line.count, line.bytes[quote] == UInt8(ascii: "\"") else {
                    error(number, line.column(keywordEnd) + 1, "\(keyword) needs a quoted string")
                    return
                }
                if let decoded = decode(line, from: quote, number: number, into: &diagnostics, path: source.path) {
                    append(decoded, to: next, in: &entry)
                }
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

    /// Decodes the quoted string starting at byte `from`, with msgfmt's escapes: `\n \t \r \b \f \v \a \" \\`, octal, hex.
    static func decode(_ line: LineView, from: Int, number: Int, into diagnostics: inout [Diagnostic], path: String) -> String? {
        func fail(_ offset: Int, _ message: String) -> String? {
            diagnostics.append(Diagnostic(.error, at: SourceLocation(path: path, line: number, column: line.column(offset)), message))
            return nil
        }
        let bytes = line.bytes
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count - from)
        /// The offset of the first escape that produced a control character.
        var controlEscape: Int?
        var index = from + 1
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") {
                guard line.skipSpaces(from: index + 1) == bytes.count else { return fail(index + 1, "text after the closing quote") }
                let text = String(decoding: out, as: UTF8.self)
                // Escapes can spell what the file itself may not contain: `\033[2J`, `\a`, a C1 control from `\xc2\x9b`.
                // Such a string could drive the terminal of whoever reads it; newlines and tabs are text.
                if let offset = controlEscape ?? (text.unicodeScalars.contains { $0 != "\n" && $0 != "\t" && SourceText.isTerminalControl($0) } ? from : nil) {
                    return fail(offset, "this string decodes to a control character (an escape sequence, bell or direction override) "
                        + "that could drive a terminal: remove it")
                }
                return text
            }
            if byte != UInt8(ascii: "\\") {
                out.append(byte)
                index += 1
                continue
            }
            index += 1
            guard index < bytes.count else { break }
            let escape = bytes[index]
            let escapeStart = index - 1
            defer {
                if controlEscape == nil, let last = out.last, last != 0x0A, last != 0x09, last < 0x20 || last == 0x7F { controlEscape = escapeStart }
            }
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
