import Foundation
import Testing

/// Nothing that reaches a command can drive the terminal of whoever reads its output: every C0 and C1 control,
/// escape sequences, bidirectional overrides and invalid UTF-8, fed through arguments, files, catalogs, imports,
/// typed lines and the configuration, never leave the program raw, on standard output or standard error.
@Suite struct HostileOutputTests {
    /// Every C0 control but NUL and the newline, DEL, every C1 control, whole escape sequences, direction overrides.
    static let payload: String = {
        var scalars = String.UnicodeScalarView()
        for value in UInt32(1)...0x1F where value != 0x0A { scalars.append(Unicode.Scalar(value)!) }
        scalars.append("\u{7F}")
        for value in UInt32(0x80)...0x9F { scalars.append(Unicode.Scalar(value)!) }
        return "A" + String(scalars) + "\u{1B}[2J\u{1B}]0;owned\u{07}\u{1B}P+q\u{1B}\\\u{9B}6n\u{202E}\u{2066}\u{200F}\u{FEFF}Z"
    }()
    /// The same as raw bytes, with NUL and bytes that are not UTF-8, for files.
    static let payloadBytes: [UInt8] = Array(payload.utf8) + [0x00, 0xFF, 0xC3, 0x28, 0xED, 0xA0, 0x80, 0x41]

    /// Fails with the offending offset when `text` holds anything that could drive a terminal.
    static func expectClean(_ data: Data, _ what: String, sourceLocation: SourceLocation = #_sourceLocation) {
        guard let text = String(data: data, encoding: .utf8) else {
            Issue.record("\(what): not valid UTF-8", sourceLocation: sourceLocation)
            return
        }
        let scalars = Array(text.unicodeScalars)
        for (index, scalar) in scalars.enumerated() {
            let value = scalar.value
            let allowed = value == 0x0A || (value == 0x0D && index + 1 < scalars.count && scalars[index + 1] == "\n")
                || (value == 0xFEFF && index == 0)
            let control = value < 0x20 || (0x7F...0x9F).contains(value) || [0x200E, 0x200F, 0xFEFF].contains(value)
                || (0x202A...0x202E).contains(value) || (0x2066...0x2069).contains(value)
            if control && !allowed {
                Issue.record("\(what): U+\(String(value, radix: 16, uppercase: true)) at scalar \(index) in:\n\(text.prefix(400))",
                    sourceLocation: sourceLocation)
                return
            }
        }
    }

    /// Runs the kiosk and checks both of its outputs.
    func run(_ arguments: [String], stdin: String = "", sandbox: TestSandbox? = nil, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let result = try KioskProcess.run(arguments, stdin: stdin, sandbox: sandbox)
        Self.expectClean(Data(result.stdout.utf8), "stdout of kiosk \(arguments.prefix(2).joined(separator: " "))", sourceLocation: sourceLocation)
        Self.expectClean(Data(result.stderr.utf8), "stderr of kiosk \(arguments.prefix(2).joined(separator: " "))", sourceLocation: sourceLocation)
    }

    @Test func argumentsEchoedInErrorsAreClean() throws {
        let p = Self.payload
        for arguments in [[p], ["show", p], ["guide", p], ["show", "21", "--lang", p], ["show", "21", "--format", p],
            ["show", "21", "--width", p], ["poster", "--format", p], ["search", p], ["locales", p], ["check", "--guides", p],
            ["check", "--max-age", p], ["report", "--by", p], ["report", "--format", p], ["report", "--day", p],
            ["report", "funnel", p], ["export", "--db", p], ["status", "--db", p], ["purge", "--before", p], ["import", p],
            ["run", "--terminal", p], ["run", "--config", p], ["show", "--" + p], ["show", "--guides=" + p, "21"]] {
            try run(arguments)
        }
    }

    @Test func hostileFilesCatalogsAndImportsAreReportedCleanly() throws {
        let sandbox = try TestSandbox()
        let guides = sandbox.path("guides"), locales = sandbox.path("locales")
        try FileManager.default.copyItem(atPath: KioskProcess.root.appendingPathComponent("guides").path, toPath: guides)
        try FileManager.default.copyItem(atPath: KioskProcess.root.appendingPathComponent("locales").path, toPath: locales)
        // A guide whose every line carries raw controls and broken bytes.
        var guide = Array("guide: hostile\ncode: 99\ntitle: ".utf8) + Self.payloadBytes + Array("\nsummary: x\n".utf8)
        guide += Array("step a: ".utf8) + Self.payloadBytes + Array("\n  - xong: Xong -> end done\n".utf8)
        try Data(guide).write(to: URL(fileURLWithPath: guides + "/hostile.guide"))
        // A catalog whose escapes spell controls (what `\033` and `\a` decode to).
        var catalog = try String(contentsOfFile: locales + "/en.po", encoding: .utf8)
        catalog = catalog.replacingOccurrences(of: "msgstr \"Birth registration for your child",
            with: #"msgstr "\033[2J\033]0;x\007Birth \x1b[31m\302\233 \342\200\256 registration for your child"#)
        #expect(catalog.contains(#"\033[2J"#))
        try catalog.write(toFile: locales + "/en.po", atomically: true, encoding: .utf8)
        try Data(Self.payloadBytes).write(to: URL(fileURLWithPath: locales + "/rad.po"))
        for arguments in [["check", "--guides", guides, "--locales", locales], ["list", "--guides", guides],
            ["show", "21", "--guides", guides, "--locales", locales, "--lang", "en"],
            ["show", "21", "--guides", guides, "--locales", locales, "--lang", "en", "--format", "html"],
            ["poster", "--guides", guides, "--locales", locales, "--lang", "en"],
            ["locales", "status", "--guides", guides, "--locales", locales]] {
            try run(arguments, sandbox: sandbox)
        }
        // The kiosk itself with those catalogs, offered whatever their coverage, and hostile lines typed.
        try run(["run", "--guides", guides, "--locales", locales, "--all-languages", "--db", sandbox.path("k.db")],
            stdin: "2\n\(Self.payload)\n21\n1\n\(Self.payload)\n", sandbox: sandbox)
        // An import whose strings carry controls (JSON escapes them; errors must not echo them raw).
        let lines = ["{\"type\":\"\\u001b[2J\(Self.payload)\"}", "{\"type\":\"session\",\"id\":\"\\u001b]0;x\\u0007\"}"]
        for (index, line) in lines.enumerated() {
            let file = sandbox.path("import-\(index).jsonl")
            try line.write(toFile: file, atomically: true, encoding: .utf8)
            try run(["import", "--db", sandbox.path("k.db"), file], sandbox: sandbox)
        }
        let raw = sandbox.path("raw.jsonl")
        try Data(Self.payloadBytes).write(to: URL(fileURLWithPath: raw))
        try run(["import", "--db", sandbox.path("k.db"), raw], sandbox: sandbox)
        // A configuration file with controls in its values and keys.
        let config = sandbox.path("hostile.conf")
        try Data(Array("centre = ".utf8) + Self.payloadBytes + Array("\n".utf8) + Self.payloadBytes + Array(" = 1\n".utf8))
            .write(to: URL(fileURLWithPath: config))
        try run(["run", "--config", config], stdin: "\n", sandbox: sandbox)
        try run(["status", "--db", raw], sandbox: sandbox)
    }

    @Test func theCatalogCheckNamesTheEscapeWithItsPlace() throws {
        let sandbox = try TestSandbox()
        let locales = sandbox.path("locales")
        try FileManager.default.copyItem(atPath: KioskProcess.root.appendingPathComponent("locales").path, toPath: locales)
        let path = locales + "/en.po"
        var catalog = try String(contentsOfFile: path, encoding: .utf8)
        catalog = catalog.replacingOccurrences(of: "msgstr \"Birth registration for your child", with: #"msgstr "\033[2J\033]0;x\007Birth registration for your child"#)
        try catalog.write(toFile: path, atomically: true, encoding: .utf8)
        let line = (catalog.components(separatedBy: "\n").firstIndex { $0.hasPrefix(#"msgstr "\033[2J"#) } ?? -1) + 1
        let check = try KioskProcess.run(["check", "--locales", locales], sandbox: sandbox)
        #expect(check.status == 1)
        #expect(check.stdout.contains("\(path):\(line):9: error: this string decodes to a control character"), "\(check.stdout)")
        let show = try KioskProcess.run(["show", "21", "--lang", "en", "--locales", locales], sandbox: sandbox)
        #expect(show.status == 2 && !show.stdout.contains("\u{1B}") && show.stderr.contains("fix \(path) first"))
    }

    /// Hostile text in a message is shown escaped, so staff see what was there and every diagnostic stays on its line.
    @Test func quotedHostileTextIsEscapedNotDropped() throws {
        let sandbox = try TestSandbox()
        let show = try KioskProcess.run(["show", "\u{1B}]0;PWNED\u{07}"], sandbox: sandbox)
        #expect(show.stderr.contains(#"no guide "\u{1B}]0;PWNED\u{7}""#), "\(show.stderr)")
        let file = sandbox.path("hostile.jsonl")
        try #"{"type":"\u001b]0;PWNED\u0007\u001b[2J"}"#.write(toFile: file, atomically: true, encoding: .utf8)
        let imported = try KioskProcess.run(["import", "--db", sandbox.path("k.db"), file], sandbox: sandbox)
        #expect(imported.stderr.contains(#"unknown line type "\u{1B}]0;PWNED\u{7}\u{1B}[2J""#), "\(imported.stderr)")
        // A decoded newline in a catalog's context and an odd letter in its translation: one warning, on one line.
        let locales = sandbox.path("locales")
        try FileManager.default.copyItem(atPath: KioskProcess.root.appendingPathComponent("locales").path, toPath: locales)
        let catalog = locales + "/rad.po"
        try (try String(contentsOfFile: catalog, encoding: .utf8) + "\nmsgctxt \"x\\ny\"\nmsgid \"Tiếng\"\nmsgstr \"Жa\"\n")
            .write(toFile: catalog, atomically: true, encoding: .utf8)
        let check = try KioskProcess.run(["check", "--locales", locales], sandbox: sandbox)
        let warning = check.stdout.split(separator: "\n").filter { $0.contains("is not a letter of the Latin orthographies") }
        #expect(warning.count == 1 && warning.first?.hasPrefix(catalog + ":") == true, "\(check.stdout)")
        #expect(warning.first?.contains(#"x\u{A}y: "Ж""#) == true, "\(check.stdout)")
    }
}
