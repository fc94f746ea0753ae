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

    public let path: String
    /// The file's lines, without line terminators; index 0 is line 1.
    public private(set) var lines: [String] = []
    public private(set) var diagnostics: [Diagnostic] = []

    /// Reads and checks the file at `path`; a read failure becomes a diagnostic, never a throw.
    public init(contentsOf path: String) {
        guard let handle = FileHandle(forReadingAtPath: path) else {
            self.init(path: path, unreadable: "cannot read the file")
            return
        }
        defer { try? handle.close() }
        guard let data = try? handle.read(upToCount: Self.maximumFileSize + 1) else {
            self.init(path: path, unreadable: "cannot read the file (is it a directory?)")
            return
        }
        self.init(path: path, bytes: [UInt8](data))
    }

    private init(path: String, unreadable message: String) {
        self.path = path
        report(1, 1, message)
    }

    /// Checks `bytes` as the contents of a file called `path`.
    public init(path: String, bytes: [UInt8]) {
        self.path = path
        if bytes.count > Self.maximumFileSize {
            report(1, 1, "the file is larger than 1 MB; a guide file is a few kilobytes of text")
            return
        }
        var body = bytes[...]
        if body.starts(with: [0xEF, 0xBB, 0xBF]) { body = body.dropFirst(3) }
        if body.allSatisfy({ $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }) {
            report(1, 1, "the file is empty")
            return
        }
        var lineNumber = 0
        for rawLine in body.split(separator: 0x0A, omittingEmptySubsequences: false) {
            lineNumber += 1
            var line = rawLine
            if line.last == 0x0D { line = line.dropLast() }
            if diagnostics.count >= Self.maximumErrors {
                report(lineNumber, 1, "too many errors; the rest of the file was not read")
                lines = []
                return
            }
            lines.append(check(line, lineNumber))
        }
    }

    private mutating func report(_ line: Int, _ column: Int, _ message: String) {
        diagnostics.append(Diagnostic(.error, at: SourceLocation(path: path, line: line, column: column), message))
    }

    /// Decodes and checks one line; returns "" when the line cannot be used.
    private mutating func check(_ bytes: ArraySlice<UInt8>, _ number: Int) -> String {
        if bytes.count > Self.maximumLineLength {
            report(number, 1, "the line is longer than \(Self.maximumLineLength) bytes")
            return ""
        }
        guard let text = String(validating: bytes, as: UTF8.self) else {
            report(number, Self.invalidUTF8Column(bytes), "invalid UTF-8: save the file as UTF-8 text")
            return ""
        }
        if bytes.allSatisfy({ $0 < 0x80 }) {
            if let column = Self.controlColumn(text) {
                report(number, column, "control character: remove it (it could drive the terminal)")
                return ""
            }
            return text
        }
        if let column = Self.controlColumn(text) {
            report(number, column, "control character or direction override: remove it (it could drive the terminal)")
            return ""
        }
        let normalized = text.precomposedStringWithCanonicalMapping
        if !normalized.unicodeScalars.elementsEqual(text.unicodeScalars) {
            let column = zip(text.unicodeScalars, normalized.unicodeScalars).prefix { $0 == $1 }.count + 1
            report(number, column, "text is not in Unicode NFC: save the file with precomposed characters (NFC), "
                + "for example with `uconv -x any-nfc` or your editor's \"normalize to NFC\"")
            return normalized
        }
        return text
    }

    /// The 1-based scalar column of the first invalid byte sequence.
    static func invalidUTF8Column(_ bytes: ArraySlice<UInt8>) -> Int {
        var iterator = bytes.makeIterator()
        var decoder = UTF8()
        var column = 1
        while case .scalarValue = decoder.decode(&iterator) { column += 1 }
        return column
    }

    /// The 1-based column of the first character that could drive a terminal, ignoring leading indentation tabs.
    static func controlColumn(_ text: String) -> Int? {
        var column = 0
        var inIndent = true
        for scalar in text.unicodeScalars {
            column += 1
            if scalar == "\t" {
                if inIndent { continue }
                return column
            }
            if scalar != " " { inIndent = false }
            if isTerminalControl(scalar) { return column }
        }
        return nil
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
