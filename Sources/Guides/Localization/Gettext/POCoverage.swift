/// A fast reading of how much of a PO catalog is translated, from its bytes, without parsing it.
///
/// The kiosk uses it to decide which languages to offer on the welcome screen before the catalogs are parsed
/// (parsing waits until the screen is drawn): a language is offered once its interface lines are translated. Counts
/// entries with a context, skipping obsolete ones and the header; an entry is translated when not marked fuzzy and
/// some `msgstr` has text.
public struct POCoverage: Sendable, Equatable {
    /// Translated entries ÷ entries.
    public let share: Double
    /// The interface keys (`ui:<key>` contexts, without `ui:`) whose entries are translated.
    public let interface: Set<String>

    public init(share: Double, interface: Set<String>) {
        self.share = share
        self.interface = interface
    }

    /// The reading of the catalog at `path`, or nil when the file cannot be read.
    public static func scan(path: String) -> POCoverage? {
        guard case .success(let bytes) = FileBytes.read(path, limit: SourceText.Limits.catalog.fileSize) else { return nil }
        // It stands between the start and the first screen: one pass over raw bytes, no allocation per line (only
        // per translated interface key).
        return bytes.withUnsafeBufferPointer { scan($0) }
    }

    /// The readings of several catalogs, in parallel (they stand between the start and the first screen).
    public static func scan(paths: [String]) -> [POCoverage?] {
        paths.concurrentMap { scan(path: $0) }
    }

    /// The interface lines a screen shows that are not translated (`UIText.missingToOffer`).
    public var missingInterface: Int { UIText.missingToOffer(translated: interface) }

    /// True when every interface line a screen shows is translated: the language is offered.
    public var translatesInterface: Bool { missingInterface == 0 }

    /// The first newline at or after `start` (or `end`), eight bytes at a time: a byte of a word is 0x0A exactly when
    /// it is zero after an XOR with 0x0A0A…, and the classic "has a zero byte" test finds that.
    private static func newline(from start: UnsafePointer<UInt8>, end: UnsafePointer<UInt8>) -> UnsafePointer<UInt8> {
        var pointer = start
        let ones: UInt64 = 0x0101_0101_0101_0101, highs: UInt64 = 0x8080_8080_8080_8080, newlines: UInt64 = 0x0A0A_0A0A_0A0A_0A0A
        while end - pointer >= 8 {
            let word = UnsafeRawPointer(pointer).loadUnaligned(as: UInt64.self) ^ newlines
            if (word &- ones) & ~word & highs != 0 { break }
            pointer += 8
        }
        while pointer < end && pointer.pointee != 0x0A { pointer += 1 }
        return pointer
    }

    private static func scan(_ buffer: UnsafeBufferPointer<UInt8>) -> POCoverage {
        guard let base = buffer.baseAddress, !buffer.isEmpty else { return POCoverage(share: 0, interface: []) }
        var entries = 0
        var translated = 0
        var interface = Set<String>()
        /// The key of the open entry when its context is `ui:<key>`.
        var key: UnsafeBufferPointer<UInt8>?
        var fuzzy = false
        var inEntry = false
        var inString = false
        var hasText = false
        func close() {
            if inEntry {
                entries += 1
                if hasText && !fuzzy {
                    translated += 1
                    if let key { interface.insert(String(decoding: key, as: UTF8.self)) }
                }
            }
            key = nil
            inEntry = false
            inString = false
            hasText = false
            fuzzy = false
        }
        /// True when the line at `line` (of `length` bytes) starts with the ASCII `prefix`.
        func starts(_ line: UnsafePointer<UInt8>, _ length: Int, _ prefix: StaticString) -> Bool {
            let count = prefix.utf8CodeUnitCount
            guard length >= count else { return false }
            let bytes = prefix.utf8Start
            for offset in 0..<count where line[offset] != bytes[offset] { return false }
            return true
        }
        let end = base + buffer.count
        var line = base
        // Pointer arithmetic without bounds checks: this pass stands between the start and the first screen.
        while line < end {
            let next = newline(from: line, end: end)
            let length = next - line
            defer { line = next + 1 }
            guard length > 0 else { continue }
            switch line.pointee {
            case UInt8(ascii: "#"):
                if length >= 7, line[1] == UInt8(ascii: ",") {
                    close()
                    var index = 2
                    while index + 5 <= length {
                        if line[index] == UInt8(ascii: "f"), starts(line + index, length - index, "fuzzy") {
                            fuzzy = true
                            break
                        }
                        index += 1
                    }
                } else if line[1 < length ? 1 : 0] == UInt8(ascii: "~") {
                    inString = false
                }
            case UInt8(ascii: "m"):
                if starts(line, length, "msgctxt ") {
                    // A flags comment already closed the previous entry; otherwise the context does.
                    if inEntry { close() }
                    inEntry = true
                    if starts(line, length, "msgctxt \"ui:") {
                        var quote = 12
                        while quote < length && line[quote] != 0x22 { quote += 1 }
                        key = UnsafeBufferPointer(start: line + 12, count: quote - 12)
                    }
                } else if starts(line, length, "msgstr") {
                    inString = inEntry
                    if inEntry {
                        var quote = 6
                        while quote < length && line[quote] != 0x22 { quote += 1 }
                        if quote + 1 < length, line[quote + 1] != 0x22 { hasText = true }
                    }
                } else if starts(line, length, "msgid") {
                    inString = false
                }
            case 0x22:
                if inString && length > 2 { hasText = true }
            default:
                break
            }
        }
        close()
        return POCoverage(share: entries == 0 ? 0 : Double(translated) / Double(entries), interface: interface)
    }
}
