/// A fast estimate of how much of a PO catalog is translated, from its bytes, without parsing it.
///
/// The kiosk uses it to decide which languages to offer on the welcome screen before the catalogs are parsed
/// (parsing waits until the screen is drawn). Counts entries with a context, skipping obsolete ones and the header;
/// an entry is translated when not marked fuzzy and some `msgstr` has text.
public enum POCoverage {
    /// Translated entries ÷ entries, or nil when the file cannot be read.
    public static func estimate(path: String) -> Double? {
        guard case .success(let bytes) = FileBytes.read(path, limit: SourceText.Limits.catalog.fileSize) else { return nil }
        var entries = 0
        var translated = 0
        var fuzzy = false
        var inEntry = false
        var inString = false
        var hasText = false
        func close() {
            if inEntry {
                entries += 1
                if hasText && !fuzzy { translated += 1 }
            }
            inEntry = false
            inString = false
            hasText = false
            fuzzy = false
        }
        var start = 0
        while start < bytes.count {
            var end = start
            while end < bytes.count, bytes[end] != 0x0A { end += 1 }
            let line = bytes[start..<end]
            start = end + 1
            guard let first = line.first else { continue }
            if first == UInt8(ascii: "#") {
                if line.starts(with: Array("#,".utf8)), line.count >= 7 {
                    close()
                    fuzzy = contains(line, "fuzzy")
                } else if line.starts(with: Array("#~".utf8)) {
                    inString = false
                }
                continue
            }
            if line.starts(with: Array("msgctxt ".utf8)) {
                // A flags comment already closed the previous entry; otherwise the context does.
                if inEntry { close() }
                inEntry = true
            } else if line.starts(with: Array("msgstr".utf8)) {
                inString = inEntry
                if inEntry, let quote = line.firstIndex(of: 0x22), line.index(after: quote) < line.endIndex,
                    line[line.index(after: quote)] != 0x22 { hasText = true }
            } else if first == 0x22 {
                if inString && line.count > 2 { hasText = true }
            } else if line.starts(with: Array("msgid".utf8)) {
                inString = false
            }
        }
        close()
        return entries == 0 ? 0 : Double(translated) / Double(entries)
    }

    private static func contains(_ line: ArraySlice<UInt8>, _ word: String) -> Bool {
        let pattern = Array(word.utf8)
        guard line.count >= pattern.count else { return false }
        var index = line.startIndex
        while index + pattern.count <= line.endIndex {
            if line[index..<index + pattern.count].elementsEqual(pattern) { return true }
            index += 1
        }
        return false
    }
}
