import Foundation
import Testing

/// The graphical kiosk session as kiosk-graphical@.service starts it (cage, then foot with packaging/foot.ini, then
/// the kiosk), headless: wlroots' headless backend and pixman renderer, a screenshot with grim. The kiosk shows the
/// overview of a guide titled with every Ê Đê letter (test data, not a text in any language), as a volunteer opens it,
/// and each letter of the title on the screenshot must match HarfBuzz's drawing of the same letter with the same font
/// (bold, as titles are) at the same size: where its ink starts and ends against the baseline, and how much there is.
/// The screenshot is kept in .build/test-artefacts/ (docs/operations.md shows one).
@Suite(.serialized) struct GraphicalSessionTests {
    /// The letters of the Ê Đê alphabet beyond Vietnamese, capitals then small (docs/translating.md).
    static let letters = ["Ƀ", "Č", "Ĕ", "Ê̆", "Ĭ", "Ñ", "Ŏ", "Ô̆", "Ơ̆", "Ŭ", "Ư̆", "ƀ", "č", "ĕ", "ê̆", "ĭ", "ñ", "ŏ", "ô̆", "ơ̆", "ŭ", "ư̆"]
    static let unit = KioskProcess.root.path + "/packaging/kiosk-graphical@.service"
    static let footConfig = KioskProcess.root.path + "/packaging/foot.ini"
    static let artefacts = KioskProcess.root.path + "/.build/test-artefacts"

    /// The unit's ExecStart, split into words.
    static func execStart() throws -> [String] {
        let text = try String(contentsOfFile: unit, encoding: .utf8)
        let line = try #require(text.split(separator: "\n").first { $0.hasPrefix("ExecStart=") })
        return line.dropFirst("ExecStart=".count).split(separator: " ").map(String.init)
    }

    /// The pixel size of the font in foot.ini.
    static func pixelSize() throws -> Int {
        let text = try String(contentsOfFile: footConfig, encoding: .utf8)
        return try #require(text.firstMatch(of: /pixelsize=(\d+)/).flatMap { Int($0.1) })
    }

    /// Starts the session's command line headless with the kiosk's arguments swapped for `kioskArguments`, takes a
    /// screenshot once the title row has ink, and stops the session.
    static func screenshot(_ kioskArguments: [String], in sandbox: TestSandbox, runtime: String) throws -> Data {
        // As root, cage refuses to start; the session runs as an account of its own (nobody here, kiosk in the unit).
        let asNobody = getuid() == 0
        if asNobody {
            _ = try ExternalTool.run("/bin/chown", ["-R", "nobody:nogroup", runtime], in: sandbox)
            _ = try ExternalTool.run("/bin/chmod", ["755", sandbox.root, sandbox.path("home")], in: sandbox)
        }
        var words = try execStart()
        // The unit's own programs (from PATH) and foot configuration (from the source tree); the kiosk's arguments swapped.
        let kiosk = try #require(words.firstIndex { $0.hasSuffix("/kiosk") })
        words = Array(words[..<kiosk]) + [KioskProcess.binary.path] + kioskArguments
        words = words.map { $0 == "--config=/usr/share/kiosk/foot.ini" ? "--config=" + footConfig : $0 }
        #expect(words.contains("--config=" + footConfig), "the unit runs foot with /usr/share/kiosk/foot.ini")
        words = words.map { $0.hasPrefix("/usr/bin/") ? ($0 as NSString).lastPathComponent : $0 }
        let environment = ["XDG_RUNTIME_DIR=" + runtime, "HOME=" + sandbox.path("home"), "LANG=C.UTF-8",
            "WLR_BACKENDS=headless", "WLR_RENDERER=pixman", "WLR_LIBINPUT_NO_DEVICES=1", "KIOSK_CONFIG=" + sandbox.configuration,
            "PATH=/usr/bin:/bin"]
        let prefix = asNobody ? ["/usr/bin/setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"] : []
        let session = Process()
        let command = prefix + ["/usr/bin/env", "-i"] + environment + words
        session.executableURL = URL(fileURLWithPath: command[0])
        session.arguments = Array(command.dropFirst())
        session.standardOutput = FileHandle.nullDevice
        let log = sandbox.path("session.log")
        _ = FileManager.default.createFile(atPath: log, contents: nil)
        session.standardError = try FileHandle(forWritingTo: URL(fileURLWithPath: log))
        try session.run()
        defer {
            // cage ends foot and the kiosk with it.
            kill(session.processIdentifier, SIGTERM)
            session.waitUntilExit()
        }
        let shot = runtime + "/screen.png"
        let deadline = Date().addingTimeInterval(30)
        while Date() < deadline {
            Thread.sleep(forTimeInterval: 0.5)
            guard FileManager.default.fileExists(atPath: runtime + "/wayland-0") else { continue }
            let grab = prefix + ["/usr/bin/env", "XDG_RUNTIME_DIR=" + runtime, "WAYLAND_DISPLAY=wayland-0", "/usr/bin/grim", shot]
            let grim = try ExternalTool.run(grab[0], Array(grab.dropFirst()), in: sandbox)
            guard grim.status == 0, let data = FileManager.default.contents(atPath: shot) else { continue }
            // Drawn once the title's row is there.
            if Self.textRows(try GrayImage(png: data)).count >= 3 { return data }
        }
        throw OracleFailure("the session drew no overview in 30 s: \((try? String(contentsOfFile: log, encoding: .utf8))?.suffix(1500) ?? "")")
    }

    /// The rows of text on a screen (light ink on dark), as ranges of pixel rows: runs of inked rows, a text row's
    /// stacked marks included (a gap of 4 rows or more separates two rows of text).
    static func textRows(_ screen: GrayImage) -> [ClosedRange<Int>] {
        let inked = screen.ink(darkInk: false).map { $0.contains(true) }
        var rows: [ClosedRange<Int>] = [], start: Int?, last = -10
        for (y, ink) in inked.enumerated() where ink {
            if let first = start, y - last >= 5 { rows.append(first...last); start = y } else if start == nil { start = y }
            last = y
        }
        if let first = start { rows.append(first...last) }
        return rows
    }

    /// Where a letter's ink starts and ends, against the baseline (negative: above it), and how much there is.
    struct Ink: CustomStringConvertible {
        let top: Int, bottom: Int, mass: Int
        /// Close enough for two rasterisers of one font: two pixels of rounding, a third of the ink.
        func matches(_ other: Ink) -> Bool {
            let ratio = Double(mass) / Double(max(other.mass, 1))
            return abs(top - other.top) <= 2 && abs(bottom - other.bottom) <= 2 && ratio > 0.67 && ratio < 1.5
        }
        var description: String { "rows \(top)…\(bottom), \(mass) px" }
    }

    /// The ink of `rows` in columns `columns`: first and last inked row, and the count.
    static func extent(_ ink: [[Bool]], columns: ClosedRange<Int>) -> (top: Int, bottom: Int, mass: Int) {
        let inked = ink.indices.filter { y in columns.contains { ink[y][$0] } }
        return (inked.first ?? 0, inked.last ?? 0, ink.reduce(0) { total, row in total + columns.count { row[$0] } })
    }

    /// Each letter drawn alone by HarfBuzz with `font` at `size` px, against the baseline (the bottom of Č's ink).
    static func reference(_ font: String, size: Int) throws -> [Ink] {
        let drawn = try letters.map { letter in
            let png = try FontTests.run("/usr/bin/hb-view", ["--font-size=\(size)", "--margin=0", "-O", "png", font, letter])
            let ink = try GrayImage(png: png).ink(darkInk: true)
            return extent(ink, columns: 0...((ink.first?.count ?? 1) - 1))
        }
        let baseline = drawn[1].bottom
        return drawn.map { Ink(top: $0.top - baseline, bottom: $0.bottom - baseline, mass: $0.mass) }
    }

    /// The letters of the title row (the screen's second row of text) against the baseline, left to right: one per run
    /// of inked columns.
    static func drawnLetters(_ screen: GrayImage) throws -> [Ink] {
        let rows = textRows(screen)
        guard rows.count >= 2 else { throw OracleFailure("no title row on the screen") }
        let ink = screen.ink(darkInk: false, y: rows[1].lowerBound..<(rows[1].upperBound + 1))
        let width = ink.first?.count ?? 0
        let inkedColumns = (0..<width).filter { x in ink.contains { $0[x] } }
        var runs: [ClosedRange<Int>] = [], start: Int?, last = -10
        for x in inkedColumns {
            if let first = start, x - last >= 3 { runs.append(first...last); start = x } else if start == nil { start = x }
            last = x
        }
        if let first = start { runs.append(first...last) }
        let drawn = runs.map { extent(ink, columns: $0) }
        guard drawn.count > 1 else { return [] }
        let baseline = drawn[1].bottom
        return drawn.map { Ink(top: $0.top - baseline, bottom: $0.bottom - baseline, mass: $0.mass) }
    }

    /// The letters drawn unlike `reference`, with what differs.
    static func mismatches(_ drawn: [Ink], _ reference: [Ink]) -> [String] {
        guard drawn.count == reference.count else { return ["\(drawn.count) letters drawn, \(reference.count) expected"] }
        return zip(letters, zip(drawn, reference)).compactMap { letter, pair in
            pair.0.matches(pair.1) ? nil : "\(letter): screen \(pair.0), HarfBuzz \(pair.1)"
        }
    }

    @Test func theGraphicalSessionDrawsEveryEdeLetterAsTheFontDoes() throws {
        let sandbox = try TestSandbox()
        let guides = sandbox.path("guides"), runtime = sandbox.path("runtime")
        try FileManager.default.createDirectory(atPath: guides, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: runtime, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        try """
            guide: chu-cai
            code: 9
            title: \(Self.letters.joined(separator: " "))
            summary: Các chữ cái.
            bring dien-thoai: Điện thoại
            fee: Không
            time: 1 phút
            source: https://example.gov.vn/chu-cai
            checked: 2026-11-20
            status: sourced

            step xem: Xem
              Xem.
              - xong: Xong -> end done
            """.write(toFile: guides + "/chu-cai.guide", atomically: true, encoding: .utf8)
        let png = try Self.screenshot(["guide", "chu-cai", "--guides", guides, "--locales", KioskProcess.root.path + "/locales",
            "--db", runtime + "/kiosk.db"], in: sandbox, runtime: runtime)
        try FileManager.default.createDirectory(atPath: Self.artefacts, withIntermediateDirectories: true)
        try png.write(to: URL(fileURLWithPath: Self.artefacts + "/graphical-session.png"))
        let screen = try GrayImage(png: png)
        #expect(screen.width >= 640 && screen.height >= 480)
        let size = try Self.pixelSize()
        let drawn = try Self.drawnLetters(screen)
        // Titles are bold: the reference is the bold face of the chosen font.
        let bold = FontTests.terminal.replacingOccurrences(of: "-Regular", with: "-Bold")
        let mismatched = Self.mismatches(drawn, try Self.reference(bold, size: size))
        #expect(mismatched.isEmpty, "drawn unlike the font: \(mismatched)")
        // The comparison can fail: DejaVu Sans Mono (which drops the breve of Ê̆ and Ô̆) does not match the screen.
        let dejaVu = Self.mismatches(drawn, try Self.reference(FontTests.rejected[0].replacingOccurrences(of: ".ttf", with: "-Bold.ttf"), size: size))
        #expect(!dejaVu.isEmpty)
    }
}
