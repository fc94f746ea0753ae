import Foundation

/// A data file split into checked lines: valid UTF-8, NFC, no control characters, bounded sizes.
///
/// Lines that fail a check are reported and replaced by an empty line, so the rest of the file still parses.
/// A file that is too large or not text at all yields no lines and one error.
public struct SourceText: Sendable {
    /// Largest file accepted (bytes): a guide is a few kilobytes.
    public static let maximumFileSize = 1 << 20
    /// Longest line accepted (bytes).
    public static let maximumLineLength = 4000
    /// After this many text errors a file is abandoned with a final error.
    static let maximumErrors = 20

    /// Size limits of one kind of file.
    public struct Limits: Sendable {
        public let fileSize: Int
        public let lineLength: Int
        /// Guides, blocks, interface texts and configuration: a few kilobytes each.
        public static let guide = Limits(fileSize: maximumFileSize, lineLength: maximumLineLength)
        /// Translation catalogs: a whole library's lines in one file.
        public static let catalog = Limits(fileSize: 64 << 20, lineLength: 1 << 16)
    }

    public let path: String
    private var limits = Limits.guide
    /// The file's lines, without line terminators; index 0 is line 1.
    public private(set) var lines: [String] = []
    public private(set) var diagnostics: [Diagnostic] = []

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
        var lineNumber = 0
        var lineStart = body.startIndex
        while lineStart <= body.endIndex {
            let lineEnd = body[lineStart...].firstIndex(of: 0x0A) ?? body.endIndex
            lineNumber += 1
            var line = body[lineStart..<lineEnd]
            if line.last == 0x0D { line = line.dropLast() }
            if diagnostics.count >= Self.maximumErrors {
                report(lineNumber, 1, "too many errors; the rest of the file was not read")
                lines = []
                return
            }
            lines.append(check(line, lineNumber))
            lineStart = lineEnd + 1
        }
    }

    private mutating func report(_ line: Int, _ column: Int, _ message: String) {
        diagnostics.append(Diagnostic(.error, at: SourceLocation(path: path, line: line, column: column), message))
    }

    /// Decodes and checks one line; returns "" when the line cannot be used.
    private mutating func check(_ bytes: ArraySlice<UInt8>, _ number: Int) -> String {
        if bytes.count > limits.lineLength {
            report(number, 1, "the line is longer than \(limits.lineLength) bytes")
            return ""
        }
        let checked = bytes.withUnsafeBufferPointer { buffer in
            String(validating: buffer, as: UTF8.self).map { ($0, Self.scan(buffer)) }
        }
        guard let (text, result) = checked else {
            report(number, Self.invalidUTF8Column(bytes), "invalid UTF-8: save the file as UTF-8 text")
            return ""
        }
        switch result {
        case .plain:
            return text
        case .control(let column):
            report(number, column, "control character or direction override: remove it (it could drive the terminal)")
            return ""
        case .mayNeedNormalizing:
            let normalized = text.precomposedStringWithCanonicalMapping
            if normalized.unicodeScalars.elementsEqual(text.unicodeScalars) { return text }
            let column = zip(text.unicodeScalars, normalized.unicodeScalars).prefix { $0 == $1 }.count + 1
            report(number, column, "text is not in Unicode NFC: save the file with precomposed characters (NFC), "
                + "for example with `uconv -x any-nfc` or your editor's \"normalize to NFC\"")
            return normalized
        }
    }

    /// What one pass over a line's scalars found.
    enum ScanResult: Equatable {
        /// Only characters that are NFC by themselves and harmless on a terminal.
        case plain
        /// A character that could drive a terminal, at this 1-based column.
        case control(column: Int)
        /// Characters (combining marks, other scripts) whose NFC form must be computed to know.
        case mayNeedNormalizing
    }

    /// One pass over the scalars: terminal controls (tabs are allowed in leading indentation), and whether every
    /// scalar is one whose NFC quick-check is Yes with combining class 0 (Latin up to U+02FF, Vietnamese precomposed
    /// letters U+1E00–U+1EFF, common punctuation and currency signs). Such text is NFC without running the normalizer.
    static func scan(_ bytes: UnsafeBufferPointer<UInt8>) -> ScanResult {
        var column = 0
        var inIndent = true
        var certainlyNFC = true
        var index = 0
        while index < bytes.count {
            column += 1
            let lead = bytes[index]
            if lead < 0x80 {
                index += 1
                if lead == 0x09 {
                    if inIndent { continue }
                    return .control(column: column)
                }
                if lead != 0x20 { inIndent = false }
                if lead < 0x20 || lead == 0x7F { return .control(column: column) }
                continue
            }
            inIndent = false
            // Valid UTF-8 (checked by the caller): decode the scalar from its lead and continuation bytes.
            let length = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : 2
            var value = UInt32(lead) & (length == 2 ? 0x1F : length == 3 ? 0x0F : 0x07)
            for offset in 1..<length where index + offset < bytes.count {
                value = value << 6 | UInt32(bytes[index + offset] & 0x3F)
            }
            index += length
            guard let scalar = Unicode.Scalar(value) else { continue }
            if isTerminalControl(scalar) { return .control(column: column) }
            switch value {
            case 0x80..<0x300, 0x1E00...0x1EFF, 0x2010...0x2027, 0x2030...0x205E, 0x20A0...0x20C0: break
            default: certainlyNFC = false
            }
        }
        return certainlyNFC ? .plain : .mayNeedNormalizing
    }

    /// The 1-based scalar column of the first invalid byte sequence.
    static func invalidUTF8Column(_ bytes: ArraySlice<UInt8>) -> Int {
        var iterator = bytes.makeIterator()
        var decoder = UTF8()
        var column = 1
        while case .scalarValue = decoder.decode(&iterator) { column += 1 }
        return column
    }


    /// C0 and C1 controls, DEL, and the bidirectional embedding, override and isolate controls.
    public static func isTerminalControl(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00...0x1F, 0x7F...0x9F: return true
        case 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069, 0xFEFF: return true
        default: return false
        }
    }
}
