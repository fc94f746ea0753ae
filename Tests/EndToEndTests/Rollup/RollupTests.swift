import Foundation
import Testing

/// docs/rollup/ against real engines: a month of 102 communes (made-up codes 99001…99102), each exported the way a
/// commune sends it (JSON Lines, or the CSV tables for every third), loaded into PostgreSQL (a server of the test's
/// own) and into DuckDB (its command line, from PyPI) with the documented commands; every figure equals
/// `kiosk report --format json` over the same files merged into SQLite, and loading everything again changes none.
@Suite(.serialized) struct RollupTests {
    static let guides = MonthFixture.guides
    let rollup = KioskProcess.root.appendingPathComponent("docs/rollup").path

    /// What the province receives, and the kiosk's own figures over it.
    struct Province {
        var jsonl: [String] = []
        /// Communes that send CSV tables: the prefix of their six files.
        var csv: [String] = []
        /// What `kiosk report` and `kiosk report funnel` say over everything merged, by name.
        var expected: [String: NSObject] = [:]
    }

    func province(_ sandbox: TestSandbox) throws -> Province {
        var province = Province()
        var everything: [String] = []
        try FileManager.default.createDirectory(atPath: sandbox.path("files"), withIntermediateDirectories: true)
        for index in 1...102 {
            let code = String(format: "99%03d", index)
            let database = try MonthFixture.database(in: sandbox, seed: UInt64(index), code: code, name: "Xã thử \(index)",
                terminals: ["xa-\(index)-a", "xa-\(index)-b"], databaseFile: "communes/\(code).db", most: 4)
            func export(_ arguments: [String], to file: String) throws {
                let run = try KioskProcess.run(["export", "--from", "2026-10-01", "--to", "2026-11-30", "--db", database, "--output", file]
                    + arguments, sandbox: sandbox)
                guard run.status == 0 else { throw PostgresServer.Failure(message: "export failed: \(run.stderr)") }
            }
            if index <= 2 {
                // Two communes sent their month early, before purging its first ten days: the later file replaces
                // those sessions by their totals.
                let early = sandbox.path("files/\(code)-early.jsonl")
                try export([], to: early)
                province.jsonl.append(early)
                everything.append(early)
            }
            if index % 7 == 1 {
                let purge = try KioskProcess.run(["purge", "--before", "2026-11-11", "--db", database], sandbox: sandbox)
                guard purge.status == 0 else { throw PostgresServer.Failure(message: "purge failed: \(purge.stderr)") }
            }
            let file = sandbox.path("files/\(code).jsonl")
            try export([], to: file)
            everything.append(file)
            if index % 3 == 0 {
                let prefix = sandbox.path("files/\(code)-")
                for table in ["session", "step_event", "daily", "daily_step", "purged", "commune"] {
                    try export(["--format", "csv", "--table", table], to: prefix + table + ".csv")
                }
                province.csv.append(prefix)
            } else {
                province.jsonl.append(file)
            }
        }
        let merged = sandbox.path("merged.db")
        let imported = try KioskProcess.run(["import", "--db", merged] + everything, sandbox: sandbox, timeLimit: 300)
        guard imported.status == 0 else { throw PostgresServer.Failure(message: "import failed: \(imported.stderr)") }
        func report(_ arguments: [String]) throws -> NSObject {
            let run = try KioskProcess.run(["report"] + arguments + ["--db", merged, "--format", "json", "--guides", "guides"], sandbox: sandbox)
            guard run.status == 0, let value = try? JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? NSObject else {
                throw PostgresServer.Failure(message: "report failed: \(run.stderr)")
            }
            return value
        }
        let november = ["--month", "2026-11"]
        let whole = try report(november) as? NSDictionary
        province.expected["kpi"] = whole?["kpi"] as? NSObject
        province.expected["communes"] = whole?["communes"] as? NSObject
        province.expected["terminals"] = whole?["terminals"] as? NSObject
        for by in ["guide", "lang", "launched-by", "commune"] {
            province.expected[by] = (try report(november + ["--by", by]) as? NSDictionary)?["rows"] as? NSObject
        }
        province.expected["month"] = (try report(["--from", "2026-10-01", "--to", "2026-11-30", "--by", "month"]) as? NSDictionary)?["rows"] as? NSObject
        province.expected["part"] = try report(["--from", "2026-11-05", "--to", "2026-11-20", "--by", "guide"]) as? NSDictionary
        for guide in Self.guides {
            // The roll-up has no guide files: the steps without their titles, in (guide, step) order.
            let rows = (try report(["funnel", guide] + november) as? [NSDictionary]) ?? []
            province.expected["funnel " + guide] = Self.sorted(rows.map { row in
                let copy = row.mutableCopy() as? NSMutableDictionary ?? NSMutableDictionary()
                copy.removeObject(forKey: "title")
                return copy
            })
        }
        return province
    }

    static func sorted(_ rows: [NSDictionary]) -> NSArray {
        rows.sorted { a, b in
            let x = [(a["guide"] as? String) ?? "", (a["step"] as? String) ?? ""], y = [(b["guide"] as? String) ?? "", (b["step"] as? String) ?? ""]
            return x.lexicographicallyPrecedes(y, by: { $0.utf8.lexicographicallyPrecedes($1.utf8) })
        } as NSArray
    }

    /// Every figure the engine gives, by the names of `Province.expected`.
    func figures(_ query: (String) throws -> NSObject) throws -> [String: NSObject] {
        let month = "'2026-11-01', '2026-11-30'"
        var got: [String: NSObject] = [:]
        got["kpi"] = (try query("SELECT * FROM report_kpi(\(month))") as? NSArray)?.firstObject as? NSObject
        got["communes"] = try query("SELECT * FROM report_communes(\(month))")
        got["terminals"] = ((try query("SELECT * FROM report_terminals(\(month))") as? [NSDictionary]) ?? []).compactMap { $0["terminal"] } as NSArray
        for (by, function) in [("guide", "guide"), ("lang", "lang"), ("launched-by", "launched_by"), ("commune", "commune")] {
            got[by] = try query("SELECT * FROM report_by_\(function)(\(month))")
        }
        got["month"] = try query("SELECT * FROM report_by_month('2026-10-01', '2026-11-30')")
        got["part"] = ["kpi": (try query("SELECT * FROM report_kpi('2026-11-05', '2026-11-20')") as? NSArray)?.firstObject ?? NSNull(),
            "rows": try query("SELECT * FROM report_by_guide('2026-11-05', '2026-11-20')")] as NSDictionary
        for guide in Self.guides {
            got["funnel " + guide] = Self.sorted((try query("SELECT * FROM report_funnel('\(guide)', \(month))") as? [NSDictionary]) ?? [])
        }
        return got
    }

    func expectSame(_ got: [String: NSObject], _ province: Province, _ engine: String) {
        for (name, want) in province.expected.sorted(by: { $0.key < $1.key }) {
            var expected = want
            if name == "part", let whole = want as? NSDictionary {
                expected = ["kpi": whole["kpi"] ?? NSNull(), "rows": whole["rows"] ?? NSNull()] as NSDictionary
            }
            #expect(got[name]?.isEqual(expected) == true, "\(engine), \(name): \(String(describing: got[name]).prefix(600)) against \(String(describing: expected).prefix(600))")
        }
        let kpi = province.expected["kpi"] as? NSDictionary
        #expect(((kpi?["guided"] as? Int) ?? 0) > 5000, "a real province-month: \(String(describing: kpi))")
        #expect((province.expected["communes"] as? NSArray)?.count == 102)
    }

    /// A file of a newer major version, which both engines must refuse whole.
    func newerFile(_ sandbox: TestSandbox, from file: String) throws -> String {
        let text = try String(contentsOfFile: file, encoding: .utf8)
        let newer = sandbox.path("files/newer.jsonl")
        try text.replacingOccurrences(of: #""version":"2.0""#, with: #""version":"3.0""#)
            .replacingOccurrences(of: #""type":"session","id":""#, with: #""type":"session","id":"f"#)
            .write(toFile: newer, atomically: true, encoding: .utf8)
        return newer
    }

    @Test func postgreSQLGivesTheKiosksFiguresAndLoadingTwiceChangesNone() throws {
        let sandbox = try TestSandbox()
        let province = try province(sandbox)
        let server = try PostgresServer(in: sandbox)
        defer { server.stop() }
        let folder = rollup + "/postgresql"
        let created = try server.psql(["-f", folder + "/schema.sql", "-f", folder + "/views.sql"])
        #expect(created.status == 0, "\(created.stderr)")
        func load() throws {
            for file in province.jsonl {
                let run = try server.psql(["-v", "file=" + file, "-f", folder + "/load-jsonl.sql"])
                #expect(run.status == 0, "\(file): \(run.stderr)")
            }
            for prefix in province.csv {
                let run = try server.psql(["-v", "prefix=" + prefix, "-f", folder + "/load-csv.sql"])
                #expect(run.status == 0, "\(prefix): \(run.stderr)")
            }
        }
        try load()
        let first = try figures(server.json)
        expectSame(first, province, "PostgreSQL")
        try load()
        let refused = try server.psql(["-v", "file=" + newerFile(sandbox, from: province.jsonl[2]), "-f", folder + "/load-jsonl.sql"])
        #expect(refused.status != 0 && refused.stderr.contains("version"), "\(refused.stderr)")
        let again = try figures(server.json)
        #expect(NSDictionary(dictionary: again).isEqual(to: first), "loading twice changed a figure")
        // The purged communes' early sessions are counted as totals, not as rows too.
        #expect(try server.json("SELECT (SELECT count(*) FROM daily) > 0 AS totals, (SELECT count(*) FROM purged_session) > 0 AS purged")
            .isEqual([["totals": true, "purged": true]] as NSArray))
    }

    @Test func duckDBGivesTheKiosksFiguresAndLoadingTwiceChangesNone() throws {
        let sandbox = try TestSandbox()
        let province = try province(sandbox)
        let duckdb = PythonTool.packages + "/duckdb_cli/duckdb"
        let database = sandbox.path("province.duckdb")
        let folder = rollup + "/duckdb"
        func run(_ script: String) throws -> ProcessResult {
            let input = sandbox.path("input-\(UUID().uuidString).sql")
            try script.write(toFile: input, atomically: true, encoding: .utf8)
            // From the folder, as its page says: the loaders read merge.sql beside them.
            return try ExternalTool.run("/bin/sh", ["-c", "cd \"$3\" && \"$0\" -bail \"$1\" < \"$2\"", duckdb, database, input, folder],
                in: sandbox, timeLimit: 600)
        }
        for file in ["schema.sql", "views.sql"] {
            let created = try run(String(contentsOfFile: folder + "/" + file, encoding: .utf8))
            #expect(created.status == 0, "\(created.stderr)")
        }
        // Every file in one run of the command line (each load is still its own transaction, as the page's loop
        // gives): a few hundred processes fewer.
        func load() throws {
            let script = province.jsonl.map { "SET VARIABLE file = '\($0)';\n.read load-jsonl.sql\n" }.joined()
                + province.csv.map { "SET VARIABLE prefix = '\($0)';\n.read load-csv.sql\n" }.joined()
            let loaded = try run(script)
            #expect(loaded.status == 0, "\(loaded.stderr)")
        }
        func query(_ sql: String) throws -> NSObject {
            let result = try ExternalTool.run(duckdb, ["-readonly", "-json", database, "-c", sql], in: sandbox)
            guard result.status == 0 else { throw PostgresServer.Failure(message: "query failed: \(result.stderr)") }
            let text = result.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
            return (try? JSONSerialization.jsonObject(with: Data((text.isEmpty ? "[]" : text).utf8)) as? NSObject) ?? NSArray()
        }
        try load()
        let first = try figures(query)
        expectSame(first, province, "DuckDB")
        try load()
        let refused = try run("SET VARIABLE file = '\(try newerFile(sandbox, from: province.jsonl[2]))';\n.read load-jsonl.sql\n")
        #expect(refused.status != 0 && refused.stderr.contains("version"), "\(refused.stderr)")
        let again = try figures(query)
        #expect(NSDictionary(dictionary: again).isEqual(to: first), "loading twice changed a figure")
    }
}
