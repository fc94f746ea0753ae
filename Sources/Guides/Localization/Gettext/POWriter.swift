/// Writes PO catalogs in GNU gettext's layout; what it writes passes `msgfmt --check`.
public enum POWriter {
    /// The whole catalog as PO text.
    public static func write(_ catalog: POCatalog) -> String {
        var out = ""
        for (index, entry) in catalog.entries.enumerated() {
            if index > 0 { out += "\n" }
            out += write(entry)
        }
        return out
    }

    /// One entry, ending with a newline.
    static func write(_ entry: POEntry) -> String {
        var out = ""
        for comment in entry.translatorComments { out += comment.isEmpty ? "#\n" : "# \(comment)\n" }
        for comment in entry.extractedComments { out += "#. \(comment)\n" }
        if !entry.references.isEmpty { out += "#: " + entry.references.joined(separator: " ") + "\n" }
        if !entry.flags.isEmpty { out += "#, " + entry.flags.joined(separator: ", ") + "\n" }
        let prefix = entry.isObsolete ? "#~ " : ""
        let previousPrefix = entry.isObsolete ? "#~| " : "#| "
        if let context = entry.previousContext { out += field("msgctxt", context, prefix: previousPrefix) }
        if let id = entry.previousID { out += field("msgid", id, prefix: previousPrefix) }
        if let plural = entry.previousPlural { out += field("msgid_plural", plural, prefix: previousPrefix) }
        if let context = entry.context { out += field("msgctxt", context, prefix: prefix) }
        out += field("msgid", entry.id, prefix: prefix)
        if let plural = entry.plural {
            out += field("msgid_plural", plural, prefix: prefix)
            for (index, string) in entry.strings.enumerated() { out += field("msgstr[\(index)]", string, prefix: prefix) }
        } else {
            out += field("msgstr", entry.strings.first ?? "", prefix: prefix)
        }
        return out
    }

    /// `keyword "text"`, split after each embedded newline as gettext does.
    static func field(_ keyword: String, _ text: String, prefix: String) -> String {
        let pieces = splitAfterNewlines(text)
        if pieces.count <= 1 { return "\(prefix)\(keyword) \"\(escape(text))\"\n" }
        return "\(prefix)\(keyword) \"\"\n" + pieces.map { "\(prefix)\"\(escape($0))\"\n" }.joined()
    }

    private static func splitAfterNewlines(_ text: String) -> [String] {
        var pieces: [String] = []
        var current = ""
        for character in text {
            current.append(character)
            if character == "\n" {
                pieces.append(current)
                current = ""
            }
        }
        if !current.isEmpty { pieces.append(current) }
        return pieces
    }

    /// Escapes for a PO string: `\\ \" \n \t \r \a \b \f \v`, other control characters in octal.
    static func escape(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\": out += "\\\\"
            case "\"": out += "\\\""
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            case "\r": out += "\\r"
            case "\u{07}": out += "\\a"
            case "\u{08}": out += "\\b"
            case "\u{0C}": out += "\\f"
            case "\u{0B}": out += "\\v"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F {
                    let octal = String(scalar.value, radix: 8)
                    out += "\\" + String(repeating: "0", count: 3 - octal.count) + octal
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out
    }
}
