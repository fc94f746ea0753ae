/// Text from a file, an argument or an import line, made safe to quote in a diagnostic or an error message: every
/// control character, direction override, line break and byte-order mark is written out as `\u{1B}`, so the message
/// stays on one `path:line:col` line and shows what was there instead of acting on the reader's terminal.
/// Very long text is cut, with `…`.
public enum Quoted {
    public static func escape(_ text: some StringProtocol, limit: Int = 80) -> String {
        var out = ""
        var count = 0
        for scalar in text.unicodeScalars {
            if count == limit {
                out += "…"
                break
            }
            if SourceText.isTerminalControl(scalar) || scalar == "\u{2028}" || scalar == "\u{2029}" {
                out += "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
            } else {
                out.unicodeScalars.append(scalar)
            }
            count += 1
        }
        return out
    }
}
