/// A zip archive of stored (uncompressed) files, as Office Open XML needs: local headers, the central directory and
/// its end record (PKWARE APPNOTE 6.3, method 0). Fixed times, so the same report gives the same bytes.
struct ZipArchive {
    private var data: [UInt8] = []
    private var directory: [UInt8] = []
    private var count = 0

    /// Adds a file named `name` (ASCII, with `/` between folders).
    mutating func add(_ name: String, _ contents: [UInt8]) {
        let nameBytes = Array(name.utf8)
        let crc = Self.crc32(contents)
        let offset = UInt32(data.count)
        // 1980-01-01 00:00, the earliest DOS date.
        let time: UInt16 = 0, date: UInt16 = (0 << 9) | (1 << 5) | 1
        func fields(_ header: inout [UInt8]) {
            header.append16(20)             // version needed: 2.0
            header.append16(0)              // flags
            header.append16(0)              // method: stored
            header.append16(time)
            header.append16(date)
            header.append32(crc)
            header.append32(UInt32(contents.count))
            header.append32(UInt32(contents.count))
            header.append16(UInt16(nameBytes.count))
            header.append16(0)              // extra field length
        }
        var local: [UInt8] = []
        local.append32(0x0403_4B50)
        fields(&local)
        data += local + nameBytes + contents
        var central: [UInt8] = []
        central.append32(0x0201_4B50)
        central.append16(20)                // version made by
        fields(&central)
        central.append16(0)                 // comment length
        central.append16(0)                 // disk number
        central.append16(0)                 // internal attributes
        central.append32(0)                 // external attributes
        central.append32(offset)
        directory += central + nameBytes
        count += 1
    }

    /// The archive's bytes.
    var bytes: [UInt8] {
        var end: [UInt8] = []
        end.append32(0x0605_4B50)
        end.append16(0)
        end.append16(0)
        end.append16(UInt16(count))
        end.append16(UInt16(count))
        end.append32(UInt32(directory.count))
        end.append32(UInt32(data.count))
        end.append16(0)
        return data + directory + end
    }

    /// CRC-32 (IEEE 802.3, reflected, as zip uses).
    static func crc32(_ bytes: [UInt8]) -> UInt32 {
        var crc: UInt32 = 0xFFFF_FFFF
        for byte in bytes {
            crc = table[Int((crc ^ UInt32(byte)) & 0xFF)] ^ (crc >> 8)
        }
        return crc ^ 0xFFFF_FFFF
    }

    private static let table: [UInt32] = (0..<256).map { index in
        var value = UInt32(index)
        for _ in 0..<8 { value = value & 1 == 1 ? 0xEDB8_8320 ^ (value >> 1) : value >> 1 }
        return value
    }
}

extension Array where Element == UInt8 {
    /// Appends a little-endian 16-bit value.
    mutating func append16(_ value: UInt16) {
        append(UInt8(value & 0xFF))
        append(UInt8(value >> 8))
    }

    /// Appends a little-endian 32-bit value.
    mutating func append32(_ value: UInt32) {
        for shift in stride(from: 0, to: 32, by: 8) { append(UInt8((value >> UInt32(shift)) & 0xFF)) }
    }
}
