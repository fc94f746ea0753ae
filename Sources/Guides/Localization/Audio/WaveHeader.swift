/// The facts `kiosk check` needs from a WAV file's header (RIFF `WAVE`, its `fmt ` and `data` chunks): the format and
/// how long it plays. Only the first bytes are read; anything else is not a recording the player can use.
public struct WaveHeader: Sendable, Equatable {
    public let channels: Int
    public let sampleRate: Int
    /// Bytes of sound per second (`fmt ` says it).
    public let byteRate: Int
    /// Bytes of sound in the file.
    public let dataBytes: Int
    /// Where the sound starts in the file.
    public var dataOffset = 44
    /// Bits per sample (16 for what `arecord -f S16_LE` writes).
    public var bits = 16
    var formatCode = 1

    /// Seconds of sound.
    public var seconds: Double { byteRate > 0 ? Double(dataBytes) / Double(byteRate) : 0 }

    /// Why a file is not a usable WAV recording, in words for staff.
    public enum Problem: Error, Sendable, Equatable {
        case notWave, noFormat, noSound, unsupported(String)

        public var message: String {
            switch self {
            case .notWave: "not a WAV file (it must start with RIFF…WAVE)"
            case .noFormat: "a WAV file without its format (`fmt `) part"
            case .noSound: "a WAV file with no sound in it"
            case .unsupported(let what): "a WAV file the player may not play (\(what))"
            }
        }
    }

    /// Reads the header from the first bytes of a file (`bytes`) whose whole size is `fileSize`. A `data` chunk whose
    /// size runs past the end, or is 0 (a recorder stopped before it wrote the size), counts up to the end of the file.
    public static func read(_ bytes: [UInt8], fileSize: Int) -> Result<WaveHeader, Problem> {
        func word(_ at: Int) -> Int? {
            guard at >= 0, at + 4 <= bytes.count else { return nil }
            return Int(bytes[at]) | Int(bytes[at + 1]) << 8 | Int(bytes[at + 2]) << 16 | Int(bytes[at + 3]) << 24
        }
        func half(_ at: Int) -> Int? {
            guard at >= 0, at + 2 <= bytes.count else { return nil }
            return Int(bytes[at]) | Int(bytes[at + 1]) << 8
        }
        func tag(_ at: Int) -> String? {
            guard at >= 0, at + 4 <= bytes.count else { return nil }
            return String(decoding: bytes[at..<at + 4], as: UTF8.self)
        }
        guard tag(0) == "RIFF", tag(8) == "WAVE" else { return .failure(.notWave) }
        var format: (channels: Int, rate: Int, byteRate: Int, tag: Int)?
        var bitsPerSample = 0
        var offset = 12
        // Chunks until `data`: a header rarely holds more than a few, so a bounded walk over the bytes read.
        while let name = tag(offset), let size = word(offset + 4) {
            let body = offset + 8
            if name == "fmt " {
                guard size >= 16, let code = half(body), let channels = half(body + 2), let rate = word(body + 4),
                    let byteRate = word(body + 8) else { return .failure(.noFormat) }
                format = (channels, rate, byteRate, code)
                bitsPerSample = half(body + 14) ?? 0
            } else if name == "data" {
                guard let format else { return .failure(.noFormat) }
                // 1: PCM; 3: IEEE float; 0xFFFE: extensible (PCM inside for the recorders we know).
                guard [1, 3, 0xFFFE].contains(format.tag) else { return .failure(.unsupported("format code \(format.tag)")) }
                guard (1...8).contains(format.channels), (1000...384_000).contains(format.rate), format.byteRate > 0 else {
                    return .failure(.unsupported("\(format.channels) channel(s) at \(format.rate) Hz"))
                }
                let available = max(0, fileSize - body)
                // A size of 0 with sound after it: a recorder killed before it wrote the size, as one that wrote
                // too large a size.
                let data = size == 0 ? available : min(size, available)
                guard data > 0 else { return .failure(.noSound) }
                var header = WaveHeader(channels: format.channels, sampleRate: format.rate, byteRate: format.byteRate, dataBytes: data)
                header.dataOffset = body
                header.bits = bitsPerSample
                header.formatCode = format.tag
                return .success(header)
            }
            // Chunks are padded to an even size.
            let (next, overflow) = body.addingReportingOverflow(size + (size & 1))
            guard !overflow, next > offset else { break }
            offset = next
        }
        return .failure(format == nil ? .noFormat : .noSound)
    }

    /// True when 16-bit PCM sound in `bytes` (the whole file) never rises above -50 dBFS: a muted or unplugged
    /// microphone. Other formats are not judged (false).
    public func isSilent(_ bytes: [UInt8]) -> Bool {
        guard formatCode == 1, bits == 16, dataOffset < bytes.count else { return false }
        let end = min(bytes.count, dataOffset + dataBytes) & ~1
        var index = dataOffset
        while index + 1 < end {
            let sample = Int(Int16(bitPattern: UInt16(bytes[index]) | UInt16(bytes[index + 1]) << 8))
            if abs(sample) > 100 { return false }
            index += 2
        }
        return true
    }
}
