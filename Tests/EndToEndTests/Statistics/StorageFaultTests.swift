import Foundation
import Testing

/// Faults of the statistics file at a running kiosk: nothing held in memory is lost silently, writes resume when the
/// fault clears, and staff read what really happened.
@Suite struct StorageFaultTests {
    /// One session to "will do later", back at the welcome screen.
    static let session = ["", "21", "2", ""]
    static let thanks = "Bạn có thể quay lại bất cứ lúc nào."

    /// Runs kiosks as an ordinary user (`nobody`) when the tests run as root: root ignores file permissions.
    static let asKioskUser: [String] = getuid() == 0 ? ["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups", "--"] : []

    /// A folder the kiosk user can write, with a kiosk database in it owned by that user.
    func seededDatabase(_ sandbox: TestSandbox) throws -> String {
        let folder = sandbox.path("data")
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        chmod(folder, 0o777)
        let database = folder + "/kiosk.db"
        let seed = try InteractiveKiosk(["run", "--db", database], sandbox: sandbox, launcher: Self.asKioskUser)
        #expect(seed.finish() == 0, "\(seed.errors)")
        #expect(FileManager.default.fileExists(atPath: database))
        return database
    }

    @Test func aReadOnlySpellLosesNothingAndWritingResumes() throws {
        let sandbox = try TestSandbox()
        let database = try seededDatabase(sandbox)
        chmod(database, 0o444)
        let kiosk = try InteractiveKiosk(["run", "--db", database], sandbox: sandbox, launcher: Self.asKioskUser)
        for count in 1...3 {
            kiosk.type(Self.session)
            #expect(kiosk.waitFor(Self.thanks, count: count))
        }
        chmod(database, 0o644)
        kiosk.type(Self.session)
        #expect(kiosk.waitFor(Self.thanks, count: 4))
        #expect(kiosk.finish() == 0)
        #expect(kiosk.errors.contains("cannot be written (read-only"), "\(kiosk.errors)")
        #expect(kiosk.errors.contains("statistics are being written again"), "\(kiosk.errors)")
        #expect(try sandbox.sqlite(database, "SELECT COUNT(*), COUNT(*) FILTER (WHERE outcome = 'later') FROM session;") == "4|4\n")
    }

    @Test func whatCannotBeWrittenBeforeTheKioskStopsIsSpooledAndStoredAtTheNextStart() throws {
        let sandbox = try TestSandbox()
        let database = try seededDatabase(sandbox)
        chmod(database, 0o444)
        let kiosk = try InteractiveKiosk(["run", "--db", database], sandbox: sandbox, launcher: Self.asKioskUser)
        kiosk.type(Self.session + Self.session)
        #expect(kiosk.waitFor(Self.thanks, count: 2))
        #expect(kiosk.finish() == 0)
        #expect(kiosk.errors.contains("kept in \(database).spool and stored at the next start"), "\(kiosk.errors)")
        #expect(FileManager.default.fileExists(atPath: database + ".spool"))
        #expect(try sandbox.sqlite(database, "SELECT COUNT(*) FROM session;") == "0\n")
        chmod(database, 0o644)
        let next = try InteractiveKiosk(["run", "--db", database], sandbox: sandbox, launcher: Self.asKioskUser)
        #expect(next.finish() == 0)
        #expect(try sandbox.sqlite(database, "SELECT COUNT(*), COUNT(*) FILTER (WHERE outcome = 'later') FROM session;") == "2|2\n")
        #expect(!FileManager.default.fileExists(atPath: database + ".spool"), "the spool stays after it was stored")
    }

    @Test func aFullDiskIsCalledAFullDisk() throws {
        let sandbox = try TestSandbox()
        let folder = sandbox.path("small")
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        // A 120 kB disk of its own, in a private mount namespace: nothing outside the test sees it.
        let script = "mount -t tmpfs -o size=120k tmpfs '\(folder)' && exec \"$0\" \"$@\""
        let kiosk = try InteractiveKiosk(["run", "--db", folder + "/kiosk.db"], sandbox: sandbox,
            launcher: ["unshare", "-r", "-m", "sh", "-c", script])
        kiosk.type(Array(repeating: Self.session, count: 8).flatMap { $0 })
        #expect(kiosk.waitFor(Self.thanks, count: 8))
        #expect(kiosk.finish() == 0)
        #expect(kiosk.errors.contains("the disk is full"), "\(kiosk.errors)")
        #expect(!kiosk.errors.contains("disk I/O error"), "\(kiosk.errors)")
    }

    @Test func statusTellsTheCurrentStateFromAPastFault() throws {
        let sandbox = try TestSandbox()
        let database = sandbox.path("kiosk.db")
        try (Data("SQLite format 3\u{0}".utf8) + Data(repeating: 0x41, count: 8192)).write(to: URL(fileURLWithPath: database))
        let run = try KioskProcess.run(["run", "--db", database], stdin: Self.session.joined(separator: "\n") + "\n", sandbox: sandbox)
        #expect(run.stderr.contains("was damaged; it was moved to"))
        let status = try KioskProcess.run(["status", "--db", database], sandbox: sandbox)
        #expect(status.status == 0, "\(status.stdout)")
        #expect(status.stdout.contains("kiosk reported: ok ") && status.stdout.contains("last fault: "))
        #expect(status.stdout.contains("damaged") && status.stdout.hasSuffix("healthy\n"), "\(status.stdout)")
    }
}
