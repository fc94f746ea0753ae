import Foundation

/// A picture as grey levels, read from a PNG through netpbm's `pngtopnm` (the oracle decoder): for comparing what a
/// program drew (HarfBuzz's `hb-view`, a screenshot) pixel by pixel.
struct GrayImage {
    let width: Int
    let height: Int
    /// Row after row, 0 (black) to 255 (white).
    let pixels: [UInt8]

    subscript(x: Int, y: Int) -> UInt8 { pixels[y * width + x] }

    /// Decodes `png` (grey or colour; colour is averaged).
    init(png: Data) throws {
        let pnm = [UInt8](try FontTests.run("/usr/bin/pngtopnm", ["-mix"], input: png))
        // P5 (grey) or P6 (colour): magic, width, height, maximum, one whitespace, then the samples.
        guard pnm.count > 2, pnm[0] == UInt8(ascii: "P"), pnm[1] == UInt8(ascii: "5") || pnm[1] == UInt8(ascii: "6")
        else { throw OracleFailure("pngtopnm wrote no PNM image") }
        var fields: [Int] = [], index = 2, start = 2
        while fields.count < 3, index < pnm.count {
            if pnm[index] == 0x20 || pnm[index] == 0x0A {
                if index > start, let value = Int(String(decoding: pnm[start..<index], as: UTF8.self)) { fields.append(value) }
                start = index + 1
            }
            index += 1
        }
        guard fields.count == 3 else { throw OracleFailure("a PNM header without size") }
        let channels = pnm[1] == UInt8(ascii: "6") ? 3 : 1
        (width, height) = (fields[0], fields[1])
        let samples = pnm[index...]
        guard samples.count >= width * height * channels else { throw OracleFailure("a cut image") }
        let base = samples.startIndex
        pixels = (0..<(width * height)).map { i in
            channels == 1 ? samples[base + i]
                : UInt8((Int(samples[base + i * 3]) + Int(samples[base + i * 3 + 1]) + Int(samples[base + i * 3 + 2])) / 3)
        }
    }

    /// Ink as rows of booleans: dark on light (`darkInk`), or light on dark (a terminal's screen).
    func ink(darkInk: Bool, x: Range<Int>? = nil, y: Range<Int>? = nil) -> [[Bool]] {
        let columns = x ?? 0..<width, rows = y ?? 0..<height
        return rows.map { row in
            columns.map { column in
                guard row >= 0, row < height, column >= 0, column < width else { return false }
                return darkInk ? self[column, row] < 128 : self[column, row] >= 128
            }
        }
    }
}
