import Foundation
import Testing
@testable import Guides

/// Files a careless copy or an attacker could put in guides/: each gives an error, never a crash or a hang.
@Suite struct HostileFileTests {
    func build(_ bytes: [UInt8], path: String = "x.guide") -> Library {
        Library.build([SourceText(path: path, bytes: bytes)], options: .init(today: Day("2026-11-25")!))
    }

    @Test func emptyFile() {
        #expect(rendered(build([])) == ["x.guide:1:1: error: the file is empty"])
        #expect(rendered(build(Array("\n  \r\n\t\n".utf8))) == ["x.guide:1:1: error: the file is empty"])
    }

    @Test func binaryFileStopsAfterAFewErrors() {
        var generator = SystemRandomNumberGenerator()
        let bytes = (0..<200_000).map { _ in UInt8.random(in: 0...255, using: &generator) }
        let lib = build(bytes)
        #expect(lib.diagnostics.hasErrors)
        #expect(lib.diagnostics.count <= SourceText.maximumErrors + 2)
        #expect(lib.guides.isEmpty)
    }

    @Test func tenMegabyteSingleLine() {
        let bytes = [UInt8](repeating: UInt8(ascii: "a"), count: 10 << 20)
        #expect(rendered(build(bytes)) == ["x.guide:1:1: error: the file is larger than 1 MB; a guide file is a few kilobytes of text"])
    }

    @Test func veryLongLineInsideAGuide() {
        let text = header() + "\nstep a: A\n  " + String(repeating: "chữ ", count: 2000) + "\n  - xong: Xong -> end done\n"
        #expect(locationOf("longer than 4000 bytes", in: build(Array(text.utf8))) == "x.guide:13:1")
    }

    @Test func deeplyNestedBlocksStopAtTheLimit() {
        var files = ["g.guide": header() + "\nuse b0\nstep z: Z\n  - xong: Xong -> end done\n"]
        for level in 0..<40 {
            files["shared/b\(level).steps"] = "steps: b\(level)\nuse b\(level + 1)\nstep s: S\n  - tiep: Tiếp -> next\n"
        }
        files["shared/b40.steps"] = "steps: b40\nstep s: S\n  - tiep: Tiếp -> next\n"
        let lib = library(files)
        #expect(lib.diagnostics.contains { $0.message.contains("nested more than 8 deep") })
        #expect(lib.guides.isEmpty)
    }

    @Test func aDirectoryNamedLikeAGuideIsReportedNotFatal() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kiosk-hostile-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("odd.guide"), withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try (header(id: "ok") + "\nstep a: A\n  - xong: Xong -> end done\n").write(
            to: folder.appendingPathComponent("ok.guide"), atomically: true, encoding: .utf8)
        let lib = Library.load(directory: folder.path, options: .init(today: Day("2026-11-25")!))
        #expect(lib.guides.map(\.id) == ["ok"])
        #expect(lib.diagnostics.contains { $0.location.path.hasSuffix("odd.guide") && $0.severity == .error })
    }

    @Test func missingDirectory() {
        let lib = Library.load(directory: "/nonexistent/kiosk-guides", options: Library.Options(today: Day("2026-11-25")!))
        #expect(rendered(lib) == ["/nonexistent/kiosk-guides:1:1: error: no guide files (*.guide) found here"])
    }

    @Test func windowsLineEndingsAndByteOrderMarkAreAccepted() {
        let text = "\u{FEFF}" + (header() + "\nstep a: A\n  - xong: Xong -> end done\n").replacingOccurrences(of: "\n", with: "\r\n")
        let lib = build(Array(text.utf8))
        #expect(rendered(lib) == [])
        #expect(lib.guides.first?.steps.first?.title.text == "A")
    }

    @Test(arguments: [[0xC0, 0xAF], [0xED, 0xA0, 0x80], [0xF5, 0x80, 0x80, 0x80], [0xE2, 0x82], [0x80], [0xF0, 0x8F, 0xBF, 0xBF]])
    func overlongSurrogateAndTruncatedSequencesAreInvalid(bad: [UInt8]) {
        let bytes = Array((header() + "\nstep a: A\n  ab").utf8) + bad + Array("\u{1B}x\n  - xong: Xong -> end done\n".utf8)
        #expect(locationOf("invalid UTF-8", in: build(bytes)) == "x.guide:13:5")
    }
}
