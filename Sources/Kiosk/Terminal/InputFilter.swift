/// Filters the bytes typed at the terminal before readline sees them, so nothing it echoes can drive the terminal:
/// C1 controls (U+0080–U+009F: the Linux console reads U+009B as CSI), direction overrides and isolates, byte-order
/// marks and line or paragraph separators are dropped, and so are bytes that are not UTF-8 (stray continuation bytes,
/// overlong forms, surrogates). ASCII passes unchanged: control keys and escape sequences are readline's editing keys,
/// and readline shows control characters as `^X`, never raw.
struct InputFilter {
    private var sequence: [UInt8] = []
    private var expected = 0

    /// The bytes of `input` that may reach readline; a sequence cut between two reads is completed by the next.
    mutating func filter(_ input: some Sequence<UInt8>) -> [UInt8] {
        var out: [UInt8] = []
        for byte in input {
            if expected > 0 {
                guard byte & 0xC0 == 0x80 else {
                    // The sequence broke off: drop it, and read this byte afresh.
                    sequence = []
                    expected = 0
                    out += filter([byte])
                    continue
                }
                sequence.append(byte)
                if sequence.count == expected {
                    if let scalar = Self.decode(sequence), Self.isAllowed(scalar) { out += sequence }
                    sequence = []
                    expected = 0
                }
                continue
            }
            switch byte {
            case 0x00...0x7F: out.append(byte)
            case 0xC2...0xDF: (sequence, expected) = ([byte], 2)
            case 0xE0...0xEF: (sequence, expected) = ([byte], 3)
            case 0xF0...0xF4: (sequence, expected) = ([byte], 4)
            default: break   // a stray continuation byte, an overlong lead (0xC0, 0xC1) or no UTF-8 at all
            }
        }
        return out
    }

    /// The scalar of a complete sequence, or nil when it is overlong, a surrogate or beyond U+10FFFF.
    static func decode(_ bytes: [UInt8]) -> Unicode.Scalar? {
        var value = UInt32(bytes[0]) & (bytes.count == 2 ? 0x1F : bytes.count == 3 ? 0x0F : 0x07)
        for byte in bytes.dropFirst() { value = value << 6 | UInt32(byte & 0x3F) }
        let minimum: UInt32 = bytes.count == 2 ? 0x80 : bytes.count == 3 ? 0x800 : 0x10000
        guard value >= minimum else { return nil }
        return Unicode.Scalar(value)
    }

    /// Whether readline may insert and echo `scalar`.
    static func isAllowed(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x80...0x9F, 0x200E, 0x200F, 0x2028...0x202E, 0x2066...0x2069, 0xFEFF: return false
        default: return true
        }
    }
}
