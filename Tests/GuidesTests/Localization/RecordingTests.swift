import Foundation
@testable import Guides
import Testing

/// Recording file names, WAV headers, and what a language's audio folder holds.
@Suite struct RecordingTests {
    /// A 16 kHz mono 16-bit header with `bytes` of sound announced.
    static func wave(announcing bytes: Int, sound: Int) -> [UInt8] {
        func le32(_ value: Int) -> [UInt8] { (0..<4).map { UInt8((value >> (8 * $0)) & 0xFF) } }
        let fmt: [UInt8] = Array("fmt ".utf8) + le32(16) + [1, 0, 1, 0] + le32(16000) + le32(32000) + [2, 0, 16, 0]
        return Array("RIFF".utf8) + le32(36 + bytes) + Array("WAVE".utf8) + fmt + Array("data".utf8) + le32(bytes)
            + [UInt8](repeating: 7, count: sound)
    }

    @Test func fileNamesFollowTheLineIdentityAndComeBack() {
        for key in ["khai-sinh/dang-nhap:body", "ui:key.staff", "khai-sinh:bring.giay-chung-sinh"] {
            let relative = Recording.relativePath(of: key)
            #expect(relative.map { Recording.key(ofRelative: Substring($0)) } == key)
        }
        #expect(Recording.relativePath(of: "ui:key.staff") == "ui/key.staff")
        #expect(Recording.relativePath(of: "../etc:passwd") == nil && Recording.relativePath(of: "a:b/c") == nil)
        #expect(Recording.relativePath(of: "..:x") == nil && Recording.relativePath(of: "a:..") == nil)
        // Found by the fuzzer: an empty owner would make an absolute path.
        #expect(Recording.relativePath(of: ":x") == nil && Recording.relativePath(of: "a//b:c") == nil)
        #expect(Recording.relativePath(of: "no-colon") == nil)
    }

    @Test func theHeaderSaysHowLongItPlays() throws {
        let header = try WaveHeader.read(Self.wave(announcing: 64000, sound: 64000), fileSize: 44 + 64000).get()
        #expect(header.sampleRate == 16000 && header.channels == 1 && header.seconds == 2)
        // A recorder stopped before it wrote the size: what is in the file counts.
        let cut = try WaveHeader.read(Self.wave(announcing: Int(UInt32.max), sound: 100), fileSize: 44 + 32000).get()
        #expect(cut.seconds == 1)
        #expect(WaveHeader.read(Self.wave(announcing: 0, sound: 0), fileSize: 44) == .failure(.noSound))
        // Killed before it wrote the size: what follows counts.
        #expect(try WaveHeader.read(Self.wave(announcing: 0, sound: 16000), fileSize: 44 + 16000).get().seconds == 0.5)
        #expect(WaveHeader.read(Array("ID3\u{3}junk".utf8), fileSize: 100) == .failure(.notWave))
        #expect(WaveHeader.read(Array(Self.wave(announcing: 10, sound: 10).prefix(20)), fileSize: 20) == .failure(.noFormat))
    }

    @Test func silenceIsToldFromSound() throws {
        let silent = Self.wave(announcing: 3200, sound: 0) + [UInt8](repeating: 0, count: 3200)
        let header = try WaveHeader.read(silent, fileSize: silent.count).get()
        #expect(header.isSilent(silent))
        // A faint hiss (±40) is still silence; one sample at a tenth of full scale is not.
        var hiss = silent
        for index in stride(from: 44, to: hiss.count, by: 2) { hiss[index] = 40 }
        #expect(header.isSilent(hiss))
        var voice = hiss
        voice[1000] = 0x00
        voice[1001] = 0x0D
        #expect(!header.isSilent(voice))
    }

    @Test func aFolderIsReadByIdentityWithItsTextsAndHiddenFilesLeftOut() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("kiosk-audio-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: root) }
        try FileManager.default.createDirectory(atPath: root + "/zz/ui", withIntermediateDirectories: true)
        let sound = Data(Self.wave(announcing: 100, sound: 100))
        try sound.write(to: URL(fileURLWithPath: root + "/zz/ui/key.back.wav"))
        try "Quay lại\r\n".write(toFile: root + "/zz/ui/key.back.txt", atomically: true, encoding: .utf8)
        try sound.write(to: URL(fileURLWithPath: root + "/zz/ui/.key.quit.wav.new"))
        try sound.write(to: URL(fileURLWithPath: root + "/zz/ui/key.list.wav"))
        // A FIFO would hang the player that opens it: never a recording.
        #expect(mkfifo(root + "/zz/ui/key.quit.wav", 0o600) == 0)
        let recordings = Recordings(language: "zz", audio: root)
        #expect(Set(recordings.byKey.keys) == ["ui:key.back", "ui:key.list"])
        #expect(recordings.audio(for: "ui:key.back", source: "Quay lại") == root + "/zz/ui/key.back.wav")
        #expect(recordings.audio(for: "ui:key.back", source: "Trở lại") == nil, "stale: never played")
        #expect(recordings.audio(for: "ui:key.list", source: "Danh sách bước") == nil, "no text: stale")
        #expect(Recordings(language: "none", audio: root).isEmpty)
    }

    /// A folder bigger than one readdir buffer (32 KiB of names): every recording is found, with the long names a
    /// guide's step identities make. Names are read in place; a copy of the declared 256 bytes read past the buffer.
    @Test func aFolderOfThousandsOfLongNamesIsReadWhole() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("kiosk-audio-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: root) }
        let folder = root + "/zz/" + String(repeating: "huong-dan-", count: 4)
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let sound = Data(Self.wave(announcing: 100, sound: 100))
        let stem = String(repeating: "buoc-", count: 40)
        for number in 0..<1500 {
            try sound.write(to: URL(fileURLWithPath: folder + "/\(stem)\(number).body.wav"))
        }
        let recordings = Recordings(language: "zz", audio: root)
        #expect(recordings.byKey.count == 1500)
        #expect(recordings.byKey[String(repeating: "huong-dan-", count: 4) + ":\(stem)1499.body"] != nil)
        #expect(recordings.byKey.keys.allSatisfy { $0.utf8.count > 200 })
    }
}
