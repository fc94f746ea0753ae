import Foundation

/// A data file split into checked lines: valid UTF-8, NFC, no control characters, bounded sizes.
///
/// Lines that fail a check are reported and replaced by an empty line, so the rest of the file still parses.
/// A file that is too large or not text at all yields no lines and one error.
public struct SourceText: Sendable {
    /// Largest file accepted (bytes): a guide is a few kilobytes.
    public static let maximumFileSize = 1 << 20
    /// Longest line accepted (bytes).
    static let maximumLineLength = 4000
    /// After this many text errors a file is abandoned with a final error.
    static let maximumErrors = 20

    /// Size limits of one kind of file.
    public struct Limits: Sendable {
        let fileSize: Int
        let lineLength: Int
        /// Guides, blocks, interface texts and configuration: a few kilobytes each.
        public static let guide = Limits(fileSize: maximumFileSize, lineLength: maximumLineLength)
        /// Translation catalogs: a whole library's lines in one file.
        static let catalog = Limits(fileSize: 64 << 20, lineLength: 1 << 16)
    }

    let path: String
    private var limits = Limits.guide
    /// The file's bytes (without a byte-order mark); lines are ranges into it, so no line is copied.
    private var storage: [UInt8] = []
    /// Each line's byte range in `storage`, without its terminator (empty for an unusable line); index 0 is line 1.
    private var ranges: [Range<Int>] = []
    /// Lines whose text is not their bytes: lines normalized to NFC.
    private var replaced: [Int: String] = [:]
    public private(set) var diagnostics: [Diagnostic] = []

    /// How many lines the file has (0 when it could not be used at all).
    var lineCount: Int { ranges.count }

    /// The text of line `index` (0-based).
    func line(_ index: Int) -> String {
        if let text = replaced[index] { return text }
        return String(decoding: storage[ranges[index]], as: UTF8.self)
    }

    /// The file's lines, without line terminators; index 0 is line 1.
    public var lines: [String] { (0..<ranges.count).map(line) }

    /// Calls `body` with the bytes of line `index` (0-based), without copying them.
    func withLine<T>(_ index: Int, _ body: (LineView) -> T) -> T {
        if var text = replaced[index] {
            return text.withUTF8 { body(LineView(bytes: $0)) }
        }
        return storage.withUnsafeBufferPointer { all in
            body(LineView(bytes: UnsafeBufferPointer(rebasing: all[ranges[index]])))
        }
    }

    /// Reads and checks the file at `path`; a read failure becomes a diagnostic, never a throw.
    public init(contentsOf path: String, limits: Limits = .guide) {
        switch FileBytes.read(path, limit: limits.fileSize + 1) {
        case .success(let bytes): self.init(path: path, bytes: bytes, limits: limits)
        case .failure(let problem): self.init(path: path, unreadable: problem.message)
        }
    }

    private init(path: String, unreadable message: String) {
        self.path = path
        report(1, 1, message)
    }

    /// Checks `bytes` as the contents of a file called `path`.
    public init(path: String, bytes: [UInt8], limits: Limits = .guide) {
        self.path = path
        self.limits = limits
        if bytes.count > limits.fileSize {
            report(1, 1, limits.fileSize == Self.maximumFileSize ? "the file is larger than 1 MB; a guide file is a few kilobytes of text"
                : "the file is larger than \(limits.fileSize >> 20) MB")
            return
        }
        var body = bytes[...]
        if body.starts(with: [0xEF, 0xBB, 0xBF]) { body = body.dropFirst(3) }
        if body.allSatisfy({ $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }) {
            report(1, 1, "the file is empty")
            return
        }
        storage = Array(body)
        var lineNumber = 0
        var lineStart = 0
        while lineStart <= storage.count {
            var lineEnd = lineStart
            while lineEnd < storage.count, storage[lineEnd] != 0x0A { lineEnd += 1 }
            lineNumber += 1
            var end = lineEnd
            if end > lineStart, storage[end - 1] == 0x0D { end -= 1 }
            if diagnostics.count >= Self.maximumErrors {
                report(lineNumber, 1, "too many errors; the rest of the file was not read")
                ranges = []
                replaced = [:]
                return
            }
            ranges.append(check(lineStart..<end, lineNumber))
            lineStart = lineEnd + 1
        }
    }

    private mutating func report(_ line: Int, _ column: Int, _ message: String) {
        diagnostics.append(Diagnostic(.error, at: SourceLocation(path: path, line: line, column: column), message))
    }

    /// The start of the message for text that is not NFC.
    static let notNFC = "text is not in Unicode NFC"

    /// Checks one line in place; returns its range, an empty range when it cannot be used, and records NFC fixes.
    private mutating func check(_ range: Range<Int>, _ number: Int) -> Range<Int> {
        if range.count > limits.lineLength {
            report(number, 1, "the line is longer than \(limits.lineLength) bytes")
            return range.lowerBound..<range.lowerBound
        }
        let result = storage.withUnsafeBufferPointer { Self.scan(UnsafeBufferPointer(rebasing: $0[range])) }
        switch result {
        case .plain:
            return range
        case .invalid(let column):
            report(number, column, "invalid UTF-8: save the file as UTF-8 text")
            return range.lowerBound..<range.lowerBound
        case .control(let column):
            report(number, column, "control character or direction override: remove it (it could drive the terminal)")
            return range.lowerBound..<range.lowerBound
        case .mayNeedNormalizing:
            let text = String(decoding: storage[range], as: UTF8.self)
            let normalized = text.precomposedStringWithCanonicalMapping
            if normalized.unicodeScalars.elementsEqual(text.unicodeScalars) { return range }
            let column = zip(text.unicodeScalars, normalized.unicodeScalars).prefix { $0 == $1 }.count + 1
            report(number, column, Self.notNFC + ": save the file with precomposed characters (NFC), "
                + "for example with `uconv -x any-nfc` or your editor's \"normalize to NFC\"")
            replaced[number - 1] = normalized
            return range
        }
    }

    /// What one pass over a line's scalars found.
    enum ScanResult: Equatable {
        /// Only characters that are NFC by themselves and harmless on a terminal.
        case plain
        /// A character that could drive a terminal, at this 1-based column.
        case control(column: Int)
        /// Bytes that are not UTF-8, at this 1-based column.
        case invalid(column: Int)
        /// Characters (combining marks, other scripts) whose NFC form must be computed to know.
        case mayNeedNormalizing
    }

    /// One pass over the scalars: terminal controls (tabs are allowed in leading indentation), and whether every
    /// scalar is one whose NFC quick-check is Yes with combining class 0 (Latin up to U+02FF, Vietnamese precomposed
    /// letters U+1E00–U+1EFF, common punctuation and currency signs). Such text is NFC without running the normalizer.
    /// Also validates UTF-8 (invalid bytes win over a control character found before them).
    static func scan(_ bytes: UnsafeBufferPointer<UInt8>) -> ScanResult {
        var column = 0
        var inIndent = true
        var certainlyNFC = true
        var control: Int?
        var index = 0
        while index < bytes.count {
            column += 1
            let lead = bytes[index]
            if lead < 0x80 {
                index += 1
                if lead == 0x09 {
                    if !inIndent, control == nil { control = column }
                    continue
                }
                if lead != 0x20 { inIndent = false }
                if (lead < 0x20 || lead == 0x7F), control == nil { control = column }
                continue
            }
            inIndent = false
            // Validate and decode one multi-byte sequence.
            let length: Int
            var value: UInt32
            var low: UInt8 = 0x80, high: UInt8 = 0xBF
            switch lead {
            case 0xC2...0xDF: (length, value) = (2, UInt32(lead & 0x1F))
            case 0xE0: (length, value, low) = (3, UInt32(lead & 0x0F), 0xA0)
            case 0xE1...0xEC, 0xEE...0xEF: (length, value) = (3, UInt32(lead & 0x0F))
            case 0xED: (length, value, high) = (3, UInt32(lead & 0x0F), 0x9F)
            case 0xF0: (length, value, low) = (4, UInt32(lead & 0x07), 0x90)
            case 0xF1...0xF3: (length, value) = (4, UInt32(lead & 0x07))
            case 0xF4: (length, value, high) = (4, UInt32(lead & 0x07), 0x8F)
            default: return .invalid(column: column)
            }
            guard index + length <= bytes.count else { return .invalid(column: column) }
            for offset in 1..<length {
                let byte = bytes[index + offset]
                let range = offset == 1 ? low...high : 0x80...0xBF
                guard range.contains(byte) else { return .invalid(column: column) }
                value = value << 6 | UInt32(byte & 0x3F)
            }
            index += length
            guard let scalar = Unicode.Scalar(value) else { return .invalid(column: column) }
            if isTerminalControl(scalar), control == nil { control = column }
            switch value {
            case 0x80..<0x300, 0x1E00...0x1EFF, 0x2010...0x2027, 0x2030...0x205E, 0x20A0...0x20C0: break
            default: certainlyNFC = false
            }
        }
        if let control { return .control(column: control) }
        return certainlyNFC ? .plain : .mayNeedNormalizing
    }

    /// C0 and C1 controls, DEL, and the bidirectional embedding, override and isolate controls.
    static func isTerminalControl(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00...0x1F, 0x7F...0x9F: return true
        case 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069, 0xFEFF: return true
        default: return false
        }
    }
}
