import Foundation
import Testing

/// The wall poster prints on one A4 sheet: rendered to PDF by a real browser engine (headless Chromium from Debian's
/// packages, installed by `make test`), and its pages counted.
@Suite struct PosterPrintTests {
    /// Prints `html` to PDF with headless Chromium and returns the number of pages.
    static func printedPages(_ html: String, in sandbox: TestSandbox) throws -> Int {
        let page = sandbox.path("poster.html")
        let pdf = sandbox.path("poster.pdf")
        try html.write(toFile: page, atomically: true, encoding: .utf8)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/chromium")
        process.arguments = ["--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer",
            "--user-data-dir=" + sandbox.path("chromium"), "--print-to-pdf=" + pdf, URL(fileURLWithPath: page).absoluteString]
        process.environment = sandbox.environment
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "chromium failed")
        let data = try Data(contentsOf: URL(fileURLWithPath: pdf))
        // Every page object of the PDF is `/Type /Page` (the page tree is `/Type /Pages`).
        let text = String(decoding: data, as: UTF8.self)
        let pattern = try NSRegularExpression(pattern: "/Type\\s*/Page[^s]")
        return pattern.numberOfMatches(in: text, range: NSRange(text.startIndex..., in: text))
    }

    @Test(arguments: ["vi", "en"])
    func thePosterPrintsOnOneA4Sheet(language: String) throws {
        let sandbox = try TestSandbox()
        let poster = try KioskProcess.run(["poster", "--format", "html", "--lang", language], sandbox: sandbox)
        #expect(poster.status == 0 && poster.stdout.contains("@page { size: A4;"))
        #expect(try Self.printedPages(poster.stdout, in: sandbox) == 1)
    }

    /// The page counter is not fooled: a handout of a long guide takes several sheets.
    @Test func aLongHandoutTakesSeveralSheets() throws {
        let sandbox = try TestSandbox()
        let handout = try KioskProcess.run(["show", "21", "--format", "html"], sandbox: sandbox)
        #expect(try Self.printedPages(handout.stdout, in: sandbox) > 1)
    }
}
