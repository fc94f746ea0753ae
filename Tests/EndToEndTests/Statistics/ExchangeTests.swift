import Foundation
import Testing

/// `kiosk export` and `kiosk import` as a provincial office uses them: files that a real validator accepts against the
/// published schema, CSV tables, whole files, a progress line only on a terminal, and standard input.
@Suite struct ExchangeTests {
    /// Two communes' month, the first half purged (so every line type is there), with a commune configured.
    func province(_ sandbox: TestSandbox) throws -> String {
        let database = try MonthFixture.database(in: sandbox)
        _ = try MonthFixture.database(in: sandbox, seed: 11, code: "99002", name: "Phường Thử Hai", terminals: ["kiosk-c"])
        let purge = try KioskProcess.run(["purge", "--before", "2026-11-10", "--db", database], sandbox: sandbox)
        #expect(purge.status == 0, "\(purge.stderr)")
        try "commune-code = 99001\ncommune = Xã Thử Nghiệm\ncentre = Trung tâm thử\nterminal = kiosk-a\n"
            .write(toFile: sandbox.configuration, atomically: true, encoding: .utf8)
        return database
    }

    @Test func everyExportedLineIsValidAgainstThePublishedSchema() throws {
        let sandbox = try TestSandbox()
        let database = try province(sandbox)
        let file = sandbox.path("export.jsonl")
        let export = try KioskProcess.run(["export", "--quarter", "2026-Q4", "--db", database, "--output", file], sandbox: sandbox)
        #expect(export.status == 0 && export.stdout.isEmpty && export.stderr.isEmpty, "\(export.stderr)")
        let text = try String(contentsOfFile: file, encoding: .utf8)
        let types = Set(text.split(separator: "\n").compactMap { $0.firstMatch(of: /"type":"([a-z_]+)"/).map { String($0.1) } })
        #expect(types == ["header", "commune", "session", "daily", "purged", "daily_step"], "\(types)")
        let schema = KioskProcess.root.appendingPathComponent("docs/exchange.schema.json").path
        let checked = try PythonTool.run(PythonTool.validate, [schema, file], in: sandbox)
        #expect(checked.status == 0 && checked.stdout.hasSuffix(" lines, 0 invalid\n"), "\(checked.stdout)\(checked.stderr)")
        #expect(Int(checked.stdout.firstMatch(of: /checked (\d+) lines/).map { String($0.1) } ?? "") ?? 0 > 300)
        // The header: the configured commune and centre, the period, the kiosk's own version.
        let version = try KioskProcess.run(["--version"], sandbox: sandbox).stdout
        let header = String(text.prefix { $0 != "\n" })
        #expect(header.contains(#""commune_code":"99001","commune":"Xã Thử Nghiệm","centre":"Trung tâm thử","from":"2026-10-01","to":"2026-12-31""#))
        #expect(version.contains(header.firstMatch(of: /"kiosk":"([0-9.]+)"/).map { String($0.1) } ?? "none"), "\(header) \(version)")
        // The validator can fail: a line out of the schema is named.
        let broken = sandbox.path("broken.jsonl")
        try text.replacingOccurrences(of: #""hour":9,"#, with: #""hour":25,"#).write(toFile: broken, atomically: true, encoding: .utf8)
        let refused = try PythonTool.run(PythonTool.validate, [schema, broken], in: sandbox)
        #expect(refused.stdout.contains("invalid") && !refused.stdout.hasSuffix(" 0 invalid\n"), "\(refused.stdout)")
    }

    @Test func aTableAsCSVNeedsItsNameAndMatchesTheLines() throws {
        let sandbox = try TestSandbox()
        let database = try province(sandbox)
        let missing = try KioskProcess.run(["export", "--month", "2026-11", "--format", "csv", "--db", database], sandbox: sandbox)
        #expect(missing.status == 2 && missing.stderr.contains("--format csv needs --table"), "\(missing.stderr)")
        let stray = try KioskProcess.run(["export", "--month", "2026-11", "--table", "daily", "--db", database], sandbox: sandbox)
        #expect(stray.status == 2 && stray.stderr.contains("--table is for --format csv"))
        let lines = try KioskProcess.run(["export", "--month", "2026-11", "--db", database], sandbox: sandbox).stdout
        for (table, type) in [("session", "session"), ("daily", "daily"), ("daily_step", "daily_step"), ("purged", "purged")] {
            let csv = try KioskProcess.run(["export", "--month", "2026-11", "--format", "csv", "--table", table, "--db", database], sandbox: sandbox)
            #expect(csv.status == 0)
            let rows = csv.stdout.components(separatedBy: "\r\n").dropLast()
            #expect(rows.count - 1 == lines.components(separatedBy: "\"type\":\"\(type)\"").count - 1, "\(table)")
        }
        let events = try KioskProcess.run(["export", "--month", "2026-11", "--format", "csv", "--table", "step_event", "--db", database], sandbox: sandbox)
        #expect(events.stdout.components(separatedBy: "\r\n").count - 2 == lines.components(separatedBy: "\"seq\":").count - 1)
    }

    /// A long import shows one updating line on a terminal (lines, rate); through a pipe, nothing but the summary.
    @Test func aLongImportShowsProgressOnlyOnATerminal() throws {
        let sandbox = try TestSandbox()
        var text = #"{"type":"header","format":"kiosk-statistics","version":"2.0","kiosk":"0.3.0","commune_code":"","commune":"","centre":"","from":null,"to":null,"exported_at":"2026-12-01T00:00:00Z"}"# + "\n"
        for index in 0..<50_000 {
            text += #"{"type":"session","id":"\#(String(format: "%032x", index))","terminal":"t1","day":"2026-11-20","hour":9,"guide":"khai-sinh","lang":"vi","launched_by":"self","steps_seen":1,"furthest_step":1,"backs":0,"helps":0,"outcome":"done","duration":60,"last_guide":"khai-sinh","last_step":"a","commune_code":"","events":[{"seq":1,"guide":"khai-sinh","step":"a","kind":"shown"}]}"# + "\n"
        }
        let file = sandbox.path("big.jsonl")
        try text.write(toFile: file, atomically: true, encoding: .utf8)
        let piped = try KioskProcess.run(["import", "--db", sandbox.path("piped.db"), file], sandbox: sandbox)
        #expect(piped.status == 0 && piped.stderr.isEmpty && piped.stdout == "\(file): 50000 session(s) and 0 daily total(s) added, 0 already present\n",
            "\(piped.stdout)\(piped.stderr)")
        // `script` gives the kiosk a terminal for standard output and error, as staff at a console have.
        let command = [KioskProcess.binary.path, "import", "--db", sandbox.path("tty.db"), file].map { "'\($0)'" }.joined(separator: " ")
        let onTerminal = try ExternalTool.run("/usr/bin/script", ["-qec", command, "/dev/null"], in: sandbox)
        #expect(onTerminal.status == 0, "\(onTerminal.stdout)")
        #expect(onTerminal.stdout.contains("\rkiosk import: \(file): 20,000 lines, "), "\(onTerminal.stdout.debugDescription)")
        #expect(onTerminal.stdout.contains(" lines/s"))
        // The line is erased before the summary, which stands on a line of its own.
        #expect(onTerminal.stdout.contains("\r\u{1B}[K\(file): 50000 session(s)"), "\(onTerminal.stdout.debugDescription)")
        // Standard input, as from another machine over a pipe.
        let fromPipe = try KioskProcess.run(["import", "--db", sandbox.path("stdin.db"), "-"], stdin: text, sandbox: sandbox)
        #expect(fromPipe.status == 0 && fromPipe.stdout.hasPrefix("-: 50000 session(s)"), "\(fromPipe.stdout)\(fromPipe.stderr)")
    }

    @Test func anExportIsWrittenWholeOrSaysWhyNot() throws {
        let sandbox = try TestSandbox()
        let database = try MonthFixture.database(in: sandbox)
        let export = try KioskProcess.run(["export", "--month", "2026-11", "--db", database, "--output", sandbox.path("no/such/m.jsonl")],
            sandbox: sandbox)
        #expect(export.status == 1 && export.stderr.contains("no/such/m.jsonl: cannot be written"), "\(export.stderr)")
        let folder = sandbox.path("out")
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let good = try KioskProcess.run(["export", "--month", "2026-11", "--db", database, "--output", folder + "/m.jsonl"], sandbox: sandbox)
        let written = try FileManager.default.contentsOfDirectory(atPath: folder)
        #expect(good.status == 0 && written == ["m.jsonl"], "no .partial file is left beside it")
    }
}
