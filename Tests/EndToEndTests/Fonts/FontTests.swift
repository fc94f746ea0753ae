import Foundation
import Testing

/// The kiosk terminal's font and the handouts' first font are chosen by this test, not by taste: every Vietnamese,
/// Ê Đê, Jrai and M'Nông letter, capitals included, is shaped with HarfBuzz (`hb-shape`) and drawn (`hb-view`, then
/// netpbm's `pngtopnm` to a plain bitmap). The chosen fonts must have a glyph for every precomposed letter, draw `ê̆`
/// visibly unlike `ễ`, and put the breve of every capital above the letter. DejaVu, the font recommended before,
/// fails both drawing checks, which also shows that the checks can fail.
@Suite struct FontTests {
    static let fonts = "/usr/share/fonts/truetype"
    /// The kiosk terminal (docs/operations.md) and the first of the handouts' font stack (`HTMLWriter`).
    static let terminal = fonts + "/noto/NotoSansMono-Regular.ttf"
    static let handouts = fonts + "/noto/NotoSans-Regular.ttf"
    static let rejected = [fonts + "/dejavu/DejaVuSansMono.ttf", fonts + "/dejavu/DejaVuSans.ttf"]

    /// Vietnamese: every vowel with every tone, and đ.
    static let vietnamese: [String] = {
        let vowels = ["a", "ă", "â", "e", "ê", "i", "o", "ô", "ơ", "u", "ư", "y"]
        let tones = ["", "\u{300}", "\u{301}", "\u{309}", "\u{303}", "\u{323}"]
        let lower = vowels.flatMap { vowel in tones.map { (vowel + $0).precomposedStringWithCanonicalMapping } } + ["đ"]
        return lower + lower.map { $0.uppercased() }
    }()
    /// Letters of Ê Đê, Jrai and M'Nông beyond Vietnamese (docs/translating.md); the last six have no precomposed form.
    static let minority = ["ĕ", "ĭ", "ŏ", "ŭ", "č", "ñ", "ƀ", "ê̆", "ô̆", "ơ̆", "ư̆", "â̆", "y̆"]
    static let minorityCapitals = minority.map { $0.uppercased() }
    /// Each capital with a breve, and the same capital without it.
    static let breves = [("Ă", "A"), ("Ĕ", "E"), ("Ĭ", "I"), ("Ŏ", "O"), ("Ŭ", "U"), ("Ê̆", "Ê"), ("Ô̆", "Ô"),
        ("Ơ̆", "Ơ"), ("Ư̆", "Ư"), ("Â̆", "Â"), ("Y̆", "Y")]

    /// Runs `program` with `arguments` and returns what it wrote.
    static func run(_ program: String, _ arguments: [String], input: Data? = nil) throws -> Data {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: program)
        process.arguments = arguments
        let output = Pipe(), feed = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        process.standardInput = input == nil ? FileHandle.nullDevice : feed
        try process.run()
        if let input {
            feed.fileHandleForWriting.write(input)
            try feed.fileHandleForWriting.close()
        }
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw OracleFailure("\(program) failed with \(process.terminationStatus)") }
        return data
    }

    /// The glyph ids HarfBuzz picks for each text (one line each).
    static func glyphs(_ font: String, _ texts: [String]) throws -> [[Int]] {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("kiosk-letters-\(UUID().uuidString).txt").path
        defer { try? FileManager.default.removeItem(atPath: file) }
        try texts.joined(separator: "\n").write(toFile: file, atomically: true, encoding: .utf8)
        let text = String(decoding: try run("/usr/bin/hb-shape", ["--no-glyph-names", "--no-positions", "--no-clusters",
            "--no-advances", "--text-file=" + file, font]), as: UTF8.self)
        return text.split(separator: "\n").map { line in
            line.trimmingCharacters(in: CharacterSet(charactersIn: "[]")).split(separator: "|").compactMap { Int($0) }
        }
    }

    /// `text` drawn at 96 px, as rows of ink (true) and paper.
    static func bitmap(_ font: String, _ text: String) throws -> [[Bool]] {
        let png = try run("/usr/bin/hb-view", ["--font-size=96", "--margin=16", "-O", "png", font, text])
        return try GrayImage(png: png).ink(darkInk: true)
    }

    /// The first row with ink.
    static func top(_ bitmap: [[Bool]]) -> Int { bitmap.firstIndex { $0.contains(true) } ?? bitmap.count }

    /// The share of inked pixels that differ between two drawings of the same size.
    static func difference(_ a: [[Bool]], _ b: [[Bool]]) -> Double {
        var differ = 0, ink = 0
        for (rowA, rowB) in zip(a, b) {
            for (x, y) in zip(rowA, rowB) where x || y {
                ink += 1
                if x != y { differ += 1 }
            }
        }
        return ink == 0 ? 0 : Double(differ) / Double(ink)
    }

    /// Precomposed letters the font has no glyph of (HarfBuzz then builds them from parts, or draws a box).
    static func missing(_ font: String) throws -> [String] {
        let letters = vietnamese + minority + minorityCapitals
        return zip(letters, try glyphs(font, letters)).filter { letter, ids in
            ids.contains(0) || (letter.unicodeScalars.count == 1 && ids.count != 1)
        }.map(\.0)
    }

    /// Capitals whose breve does not stand above the letter (at least 4 px higher at 96 px).
    static func lostBreves(_ font: String) throws -> [String] {
        try breves.filter { capital, base in try top(bitmap(font, base)) - top(bitmap(font, capital)) < 4 }.map(\.0)
    }

    @Test func theChosenFontsDrawEveryLetterRight() throws {
        for font in [Self.terminal, Self.handouts] {
            let missing = try Self.missing(font)
            #expect(missing.isEmpty, "\(font) lacks \(missing)")
            let difference = Self.difference(try Self.bitmap(font, "ê̆"), try Self.bitmap(font, "ễ"))
            #expect(difference > 0.05, "\(font) draws ê̆ like ễ (\(Int(difference * 100))% of the ink differs)")
            let lost = try Self.lostBreves(font)
            #expect(lost.isEmpty, "\(font) drops the breve of \(lost)")
        }
    }

    @Test func dejaVuFailsAsReportedSoTheChecksCanFail() throws {
        let mono = Self.rejected[0]
        #expect(Self.difference(try Self.bitmap(mono, "ê̆"), try Self.bitmap(mono, "ễ")) < 0.05)
        #expect(try Self.missing(mono).count >= 20)
        for font in Self.rejected { #expect(try Self.lostBreves(font).contains("Ê̆")) }
    }

    @Test func theDocsAndTheHandoutsNameTheChosenFonts() throws {
        let writer = try String(contentsOf: KioskProcess.root.appendingPathComponent("Sources/Kiosk/Printing/HTMLWriter.swift"), encoding: .utf8)
        #expect(writer.contains("font-family: \"Noto Sans\","))
        let operations = try String(contentsOf: KioskProcess.root.appendingPathComponent("docs/operations.md"), encoding: .utf8)
        #expect(operations.contains("Noto Sans Mono") && operations.contains("fonts-noto-mono"))
    }
}
