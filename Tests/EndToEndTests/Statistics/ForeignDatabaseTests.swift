import Foundation
import Testing

/// Another program's SQLite file is never taken over: every command refuses it and leaves it byte for byte as it was.
@Suite struct ForeignDatabaseTests {
    @Test func everyCommandRefusesAnotherProgramsDatabase() throws {
        let sandbox = try TestSandbox()
        let file = sandbox.path("customers.db")
        _ = try sandbox.sqlite(file, "CREATE TABLE customers(name TEXT, phone TEXT); INSERT INTO customers VALUES ('An', '0912345678');")
        let before = try Data(contentsOf: URL(fileURLWithPath: file))
        let run = try KioskProcess.run(["run", "--db", file], stdin: "\n21\n2\n\n", sandbox: sandbox)
        #expect(run.status == 0 && run.stdout.contains("Cần mang theo:"), "guiding goes on")
        #expect(run.stderr.contains("\(file) is not a kiosk statistics database"), "\(run.stderr)")
        let line = #"{"type":"daily","day":"2026-11-20","hour":9,"terminal":"t1","guide":"g","lang":"vi","launched_by":"self","outcome":"done","sessions":2}"#
        let export = sandbox.path("x.jsonl")
        try line.write(toFile: export, atomically: true, encoding: .utf8)
        for arguments in [["import", "--db", file, export], ["report", "--db", file], ["export", "--db", file, "--all"],
            ["purge", "--db", file, "--before", "2026-01-01"], ["status", "--db", file]] {
            let result = try KioskProcess.run(arguments, sandbox: sandbox)
            #expect(result.status == 1, "\(arguments[0]) accepted another program's database")
            #expect((result.stdout + result.stderr).contains("not a kiosk statistics database"), "\(arguments[0]): \(result.stdout) \(result.stderr)")
        }
        #expect(try Data(contentsOf: URL(fileURLWithPath: file)) == before, "the file was changed")
        #expect(try sandbox.sqlite(file, "SELECT name FROM sqlite_master;") == "customers\n")
        #expect(!FileManager.default.fileExists(atPath: file + "-wal"))
    }

    @Test func aKioskDatabaseOfTheFirstReleaseIsStillTheKiosks() throws {
        let sandbox = try TestSandbox()
        let file = sandbox.path("old.db")
        _ = try KioskProcess.run(["run", "--db", file], stdin: "\n21\n2\n\n", sandbox: sandbox)
        // As the first release left it: no application id.
        _ = try sandbox.sqlite(file, "PRAGMA application_id = 0;")
        let again = try KioskProcess.run(["run", "--db", file], stdin: "\n21\n2\n\n", sandbox: sandbox)
        #expect(!again.stderr.contains("not a kiosk"), "\(again.stderr)")
        #expect(try sandbox.sqlite(file, "SELECT COUNT(*) FROM session;") == "2\n")
        #expect(try sandbox.sqlite(file, "PRAGMA application_id;") == "\(0x4B49_4F53)\n")
    }

    /// A file that is not SQLite at all where the database belongs (a configuration named by mistake) is not moved
    /// aside as "damaged": it is not the kiosk's to move.
    @Test func aFileThatIsNotSQLiteIsLeftWhereItIs() throws {
        let sandbox = try TestSandbox()
        let file = sandbox.path("kiosk.conf.bak")
        try "centre = Xã A\n".write(toFile: file, atomically: true, encoding: .utf8)
        let run = try KioskProcess.run(["run", "--db", file], stdin: "\n21\n2\n\n", sandbox: sandbox)
        #expect(run.status == 0 && run.stderr.contains("not a SQLite database at all"), "\(run.stderr)")
        #expect(try String(contentsOfFile: file, encoding: .utf8) == "centre = Xã A\n")
        #expect(try FileManager.default.contentsOfDirectory(atPath: sandbox.root).allSatisfy { !$0.contains("corrupt") })
    }
}
