/// One line of a data file seen as UTF-8 bytes, with byte offsets for scanning and scalar columns for diagnostics.
///
/// Scanning bytes instead of `Character`s keeps parsing cheap: only ASCII punctuation (`:`, `->`, spaces) is searched for,
/// and text values are copied out once.
struct LineView {
    let bytes: UnsafeBufferPointer<UInt8>

    var count: Int { bytes.count }

    /// The first offset at or after `start` that is not a space or tab (or `count`).
    func skipSpaces(from start: Int) -> Int {
        var index = start
        while index < bytes.count, bytes[index] == 0x20 || bytes[index] == 0x09 { index += 1 }
        return index
    }

    /// The offset just after the last byte before `end` that is not a space or tab (at least `start`).
    func trimEnd(_ start: Int, _ end: Int) -> Int {
        var index = end
        while index > start, bytes[index - 1] == 0x20 || bytes[index - 1] == 0x09 { index -= 1 }
        return index
    }

    /// The offset of `byte` at or after `start`.
    func find(_ byte: UInt8, from start: Int = 0) -> Int? {
        var index = start
        while index < bytes.count {
            if bytes[index] == byte { return index }
            index += 1
        }
        return nil
    }

    /// The offset of the first `->` at or after `start`.
    func findArrow(from start: Int) -> Int? {
        var index = start
        while index + 1 < bytes.count {
            if bytes[index] == UInt8(ascii: "-"), bytes[index + 1] == UInt8(ascii: ">") { return index }
            index += 1
        }
        return nil
    }

    /// True when the bytes at `offset` spell `word`.
    func has(_ word: StaticString, at offset: Int) -> Bool {
        let count = word.utf8CodeUnitCount
        guard offset + count <= bytes.count else { return false }
        return word.withUTF8Buffer { buffer in
            for index in 0..<count where buffer[index] != bytes[offset + index] { return false }
            return true
        }
    }

    /// The text between two offsets, with surrounding spaces trimmed.
    /// Offsets past the end give an empty text, never a crash.
    func text(_ start: Int, _ end: Int) -> String {
        let from = min(skipSpaces(from: max(0, start)), bytes.count)
        let to = max(from, trimEnd(from, min(end, bytes.count)))
        return String(decoding: UnsafeBufferPointer(rebasing: bytes[from..<to]), as: UTF8.self)
    }

    /// The 1-based column (in Unicode scalars) of byte `offset`.
    func column(_ offset: Int) -> Int {
        var column = 1
        for index in 0..<min(offset, bytes.count) where bytes[index] & 0xC0 != 0x80 { column += 1 }
        return column
    }
}
