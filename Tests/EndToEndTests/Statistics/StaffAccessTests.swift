import Foundation
import Testing

/// A staff account in the kiosk's group, with read access only, runs `report`, `export` and `status` (docs/operations.md,
/// "Staff read access"): nothing is written, and the figures are the kiosk's own.
@Suite struct StaffAccessTests {
    /// Runs as the `nobody` account in group `nogroup` when the tests run as root (as CI does); otherwise as this account,
    /// with the files made read-only.
    @Test func aReadOnlyAccountReportsExportsAndChecks() throws {
        let sandbox = try TestSandbox()
        let state = sandbox.path("state")
        let database = state + "/kiosk.db"
        // A kiosk session: the overview, then "not yet" (the kiosk's own account writes the file).
        let kiosk = try KioskProcess.run(["run", "--guides", "guides", "--locales", "locales", "--db", database],
            stdin: "\n21\n2\n\n", sandbox: sandbox)
        #expect(kiosk.status == 0, "\(kiosk.stderr)")
        let expected = try KioskProcess.run(["report", "--db", database, "--format", "json"], sandbox: sandbox)
        #expect(expected.stdout.contains("\"guided\" : 1"), "\(expected.stdout)")
        let asRoot = getuid() == 0
        var launcher: [String] = []
        if asRoot {
            // The files as a package would leave them: owned by the kiosk's account, readable by its group.
            for path in [state, database, database + "-wal", database + "-shm"] where FileManager.default.fileExists(atPath: path) {
                #expect(chown(path, 0, 65534) == 0)
                #expect(chmod(path, path == state ? 0o750 : 0o640) == 0)
            }
            launcher = ["/usr/bin/setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"]
        } else {
            for path in [database, database + "-wal", database + "-shm"] { _ = chmod(path, 0o444) }
            _ = chmod(state, 0o555)
        }
        defer { _ = chmod(state, 0o755) }
        func staff(_ arguments: [String]) throws -> ProcessResult {
            try KioskProcess.run(arguments, sandbox: sandbox, launcher: launcher)
        }
        // While the kiosk's -wal and -shm are there, and after they are gone (the kiosk stopped and checkpointed).
        for round in ["with the kiosk's -wal", "main file alone"] {
            let report = try staff(["report", "--db", database, "--format", "json"])
            #expect(report.status == 0 && report.stdout == expected.stdout, "\(round): \(report.stderr)")
            let export = try staff(["export", "--db", database, "--all"])
            #expect(export.status == 0 && export.stdout.contains("\"type\":\"session\""), "\(round): \(export.stderr)")
            let funnel = try staff(["report", "funnel", "khai-sinh", "--guides", "guides", "--db", database])
            #expect(funnel.status == 0 && funnel.stdout.contains("(overview)"), "\(round): \(funnel.stderr)")
            if asRoot {
                let status = try staff(["status", "--db", database])
                #expect(status.status == 0 && status.stdout.contains("access: read-only for this account"), "\(round): \(status.stdout)")
            }
            #expect(!report.stderr.contains("readonly"))
            if round == "with the kiosk's -wal" {
                _ = try sandbox.sqlite(database, "PRAGMA wal_checkpoint(TRUNCATE);")
                for suffix in ["-wal", "-shm"] { try? FileManager.default.removeItem(atPath: database + suffix) }
            }
        }
        // Nothing was written beside the file by the staff account.
        let left = try FileManager.default.contentsOfDirectory(atPath: state).filter { $0.hasPrefix("kiosk.db") }.sorted()
        #expect(left == ["kiosk.db"])
    }

    /// `kiosk status` says which terminal and commune the sessions count for, and when no commune is set.
    @Test func statusSaysWhichCommuneCounts() throws {
        let sandbox = try TestSandbox()
        let database = sandbox.path("state/kiosk.db")
        _ = try KioskProcess.run(["run", "--guides", "guides", "--locales", "locales", "--db", database], stdin: "\n21\n2\n\n", sandbox: sandbox)
        let unset = try KioskProcess.run(["status", "--db", database], sandbox: sandbox)
        #expect(unset.stdout.contains("commune: not set (commune-code and commune in the configuration)"), "\(unset.stdout)")
        try "commune-code = 99001\ncommune = Xã Thử\nterminal = thu-1\n".write(toFile: sandbox.configuration, atomically: true, encoding: .utf8)
        let set = try KioskProcess.run(["status", "--db", database], sandbox: sandbox)
        #expect(set.stdout.contains("terminal: thu-1\ncommune: 99001 Xã Thử\n") && set.status == 0, "\(set.stdout)")
    }
}
