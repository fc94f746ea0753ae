/// Builds JSON Lines as UTF-8 bytes, one object at a time, with keys in the order they are written: no
/// `JSONSerialization`, no `Encodable`, no intermediate `String`, so an export streams at the speed of the database.
///
/// Strings are escaped as JSON requires, and further: C1 controls, line and paragraph separators, direction marks and
/// overrides and the byte-order mark are written as `\uXXXX`, so an export printed on a terminal cannot drive it, and
/// every line of the file is one line to any reader.
struct JSONLineWriter {
    /// The bytes written and not yet taken by `flush`.
    private(set) var bytes: [UInt8] = []
    /// Whether the next value in the current object or array needs a comma before it.
    private var needsComma = false

    init(capacity: Int = 1 << 16) { bytes.reserveCapacity(capacity + 4096) }

    var count: Int { bytes.count }

    /// Hands the bytes written so far to `sink` and starts again.
    mutating func flush(_ sink: ([UInt8]) -> Void) {
        guard !bytes.isEmpty else { return }
        sink(bytes)
        bytes.removeAll(keepingCapacity: true)
    }

    mutating func beginObject() {
        comma()
        bytes.append(UInt8(ascii: "{"))
        needsComma = false
    }

    mutating func endObject() {
        bytes.append(UInt8(ascii: "}"))
        needsComma = true
    }

    /// Ends the current line (after its top-level object).
    mutating func endLine() {
        bytes.append(0x0A)
        needsComma = false
    }

    mutating func beginArray(_ key: StaticString) {
        self.key(key)
        bytes.append(UInt8(ascii: "["))
        needsComma = false
    }

    mutating func endArray() {
        bytes.append(UInt8(ascii: "]"))
        needsComma = true
    }

    mutating func field(_ key: StaticString, _ value: String) {
        self.key(key)
        var text = value
        text.withUTF8 { string($0) }
    }

    mutating func field(_ key: StaticString, _ value: Int64) {
        self.key(key)
        integer(value)
    }

    mutating func field(_ key: StaticString, _ value: String?) {
        guard let value else { return null(key) }
        field(key, value)
    }

    /// A text column read in place (from SQLite); nil writes null.
    mutating func field(_ key: StaticString, utf8 value: UnsafeBufferPointer<UInt8>?) {
        self.key(key)
        guard let value else {
            bytes.append(contentsOf: [0x6E, 0x75, 0x6C, 0x6C])
            return
        }
        string(value)
    }

    mutating func field(_ key: StaticString, _ value: Int64?) {
        guard let value else { return null(key) }
        field(key, value)
    }

    mutating func null(_ key: StaticString) {
        self.key(key)
        bytes.append(contentsOf: [0x6E, 0x75, 0x6C, 0x6C])
    }

    private mutating func comma() {
        if needsComma { bytes.append(UInt8(ascii: ",")) }
        needsComma = true
    }

    private mutating func key(_ key: StaticString) {
        comma()
        bytes.append(UInt8(ascii: "\""))
        key.withUTF8Buffer { bytes.append(contentsOf: $0) }
        bytes.append(contentsOf: [UInt8(ascii: "\""), UInt8(ascii: ":")])
    }

    private mutating func integer(_ value: Int64) {
        if value == 0 {
            bytes.append(UInt8(ascii: "0"))
            return
        }
        if value < 0 { bytes.append(UInt8(ascii: "-")) }
        // The digits are appended backwards, then turned around in place (no scratch buffer per number).
        let first = bytes.count
        var magnitude = value.magnitude
        while magnitude > 0 {
            bytes.append(UInt8(ascii: "0") + UInt8(magnitude % 10))
            magnitude /= 10
        }
        bytes[first...].reverse()
    }

    private static let hex: [UInt8] = Array("0123456789abcdef".utf8)

    /// A JSON string from valid UTF-8 (SQLite's text and Swift's strings are).
    private mutating func string(_ text: UnsafeBufferPointer<UInt8>) {
        bytes.append(UInt8(ascii: "\""))
        var start = 0
        var index = 0
        let count = text.count
        while index < count {
            let byte = text[index]
            var escape: [UInt8]? = nil
            var width = 1
            switch byte {
            case UInt8(ascii: "\""): escape = [UInt8(ascii: "\\"), UInt8(ascii: "\"")]
            case UInt8(ascii: "\\"): escape = [UInt8(ascii: "\\"), UInt8(ascii: "\\")]
            case 0x0A: escape = [UInt8(ascii: "\\"), UInt8(ascii: "n")]
            case 0x0D: escape = [UInt8(ascii: "\\"), UInt8(ascii: "r")]
            case 0x09: escape = [UInt8(ascii: "\\"), UInt8(ascii: "t")]
            case 0x00..<0x20, 0x7F: escape = Self.unicodeEscape(UInt32(byte))
            case 0xC2 where index + 1 < count && (0x80...0x9F).contains(text[index + 1]):
                // C1 controls, U+0080…U+009F.
                escape = Self.unicodeEscape(UInt32(text[index + 1]))
                width = 2
            case 0xE2 where index + 2 < count:
                // U+200E, U+200F, U+2028…U+202E, U+2066…U+2069: marks, separators, embeddings and isolates.
                let scalar = (UInt32(byte & 0x0F) << 12) | (UInt32(text[index + 1] & 0x3F) << 6) | UInt32(text[index + 2] & 0x3F)
                if scalar == 0x200E || scalar == 0x200F || (0x2028...0x202E).contains(scalar) || (0x2066...0x2069).contains(scalar) {
                    escape = Self.unicodeEscape(scalar)
                    width = 3
                }
            case 0xEF where index + 2 < count && text[index + 1] == 0xBB && text[index + 2] == 0xBF:
                escape = Self.unicodeEscape(0xFEFF)
                width = 3
            default: break
            }
            if let escape {
                if start < index { bytes.append(contentsOf: UnsafeBufferPointer(rebasing: text[start..<index])) }
                bytes.append(contentsOf: escape)
                index += width
                start = index
            } else {
                index += 1
            }
        }
        if start < count { bytes.append(contentsOf: UnsafeBufferPointer(rebasing: text[start..<count])) }
        bytes.append(UInt8(ascii: "\""))
    }

    private static func unicodeEscape(_ scalar: UInt32) -> [UInt8] {
        [UInt8(ascii: "\\"), UInt8(ascii: "u"), hex[Int(scalar >> 12 & 0xF)], hex[Int(scalar >> 8 & 0xF)],
            hex[Int(scalar >> 4 & 0xF)], hex[Int(scalar & 0xF)]]
    }
}
