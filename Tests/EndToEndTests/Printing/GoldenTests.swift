import Foundation
import Testing

/// `kiosk show` for every shipped guide, compared with the reviewed printouts in Golden/.
///
/// After an intended change, regenerate with `KIOSK_UPDATE_GOLDEN=1 swift test --filter GoldenTests` and review the diff.
@Suite struct GoldenTests {
    static let goldenDirectory = KioskProcess.root.appendingPathComponent("Tests/EndToEndTests/Golden")
    static let guideIDs = ((try? FileManager.default.contentsOfDirectory(atPath: KioskProcess.root.appendingPathComponent("guides").path)) ?? [])
        .filter { $0.hasSuffix(".guide") }.map { String($0.dropLast(6)) }.sorted()

    @Test func everyShippedGuideHasAGoldenFile() {
        #expect(Self.guideIDs.count >= 3)
        for id in Self.guideIDs {
            #expect(FileManager.default.fileExists(atPath: Self.goldenDirectory.appendingPathComponent("\(id).txt").path), "no golden file for \(id)")
        }
    }

    @Test(arguments: guideIDs)
    func showMatchesTheGoldenFile(id: String) throws {
        let result = try KioskProcess.run(["show", id])
        #expect(result.status == 0)
        let url = Self.goldenDirectory.appendingPathComponent("\(id).txt")
        try Self.compare(result.stdout, with: url)
    }

    /// One guide in every handout format and language, and the poster.
    static let formats: [(file: String, arguments: [String])] = [
        ("dang-nhap-dvcqg.md", ["show", "12", "--format", "markdown"]),
        ("dang-nhap-dvcqg.html", ["show", "12", "--format", "html"]),
        ("dang-nhap-dvcqg.en.txt", ["show", "12", "--lang", "en"]),
        ("dang-nhap-dvcqg.en.html", ["show", "12", "--format", "html", "--lang", "en"]),
        ("poster.txt", ["poster"]),
        ("poster.en.html", ["poster", "--format", "html", "--lang", "en"]),
    ]

    @Test(arguments: formats.map(\.file))
    func handoutsAndPosterMatchTheGoldenFiles(file: String) throws {
        let arguments = try #require(Self.formats.first { $0.file == file }?.arguments)
        let result = try KioskProcess.run(arguments)
        #expect(result.status == 0, "\(result.stderr)")
        let url = Self.goldenDirectory.appendingPathComponent(file)
        try Self.compare(result.stdout, with: url)
    }

    /// Compares `output` with a golden file. With `KIOSK_UPDATE_GOLDEN=1` the file is rewritten instead, and the test
    /// fails anyway: an update run never passes, so new golden files are always looked at before a green run.
    static func compare(_ output: String, with url: URL, sourceLocation: SourceLocation = #_sourceLocation) throws {
        if ProcessInfo.processInfo.environment["KIOSK_UPDATE_GOLDEN"] == "1" {
            try output.write(to: url, atomically: true, encoding: .utf8)
            Issue.record("updated \(url.lastPathComponent); review the diff, then run the tests without KIOSK_UPDATE_GOLDEN",
                sourceLocation: sourceLocation)
            return
        }
        #expect(output == (try String(contentsOf: url, encoding: .utf8)), sourceLocation: sourceLocation)
    }

    @Test func htmlHandoutsAreSelfContainedAndEscaped() throws {
        let page = try KioskProcess.run(["show", "21", "--format", "html"]).stdout
        #expect(page.hasPrefix("<!DOCTYPE html>") && page.contains("@page { size: A4"))
        #expect(!page.contains("<script") && !page.contains("<link") && !page.contains("src="))
        #expect(page.contains("&quot;Nộp trực tuyến&quot;"))
    }
}
