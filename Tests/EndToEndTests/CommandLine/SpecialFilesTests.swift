import Foundation
import Testing

/// A FIFO, a device or a folder where a data file belongs is reported, never opened: nothing hangs.
@Suite struct SpecialFilesTests {
    func copyOfTheData(_ sandbox: TestSandbox) throws -> (guides: String, locales: String) {
        let guides = sandbox.path("guides"), locales = sandbox.path("locales")
        try FileManager.default.copyItem(atPath: KioskProcess.root.appendingPathComponent("guides").path, toPath: guides)
        try FileManager.default.copyItem(atPath: KioskProcess.root.appendingPathComponent("locales").path, toPath: locales)
        return (guides, locales)
    }

    @Test func aFIFOAmongTheGuidesIsAnErrorNotAHang() throws {
        let sandbox = try TestSandbox()
        let (guides, locales) = try copyOfTheData(sandbox)
        #expect(mkfifo(guides + "/x.guide", 0o644) == 0)
        let check = try KioskProcess.run(["check", "--guides", guides, "--locales", locales], sandbox: sandbox, timeLimit: 20)
        #expect(!check.timedOut, "kiosk check hung on a FIFO")
        #expect(check.status == 1 && check.stdout.contains("x.guide:1:1: error: cannot read the file (not a regular file"), "\(check.stdout)")
        let run = try KioskProcess.run(["run", "--guides", guides, "--locales", locales, "--db", sandbox.path("k.db")],
            stdin: "\n21\n", sandbox: sandbox, timeLimit: 20)
        #expect(!run.timedOut, "kiosk run hung on a FIFO")
        #expect(run.stdout.contains("Cần mang theo:"))
    }

    @Test func aFIFOCatalogOrConfigurationStopsNothing() throws {
        let sandbox = try TestSandbox()
        let (guides, locales) = try copyOfTheData(sandbox)
        try FileManager.default.removeItem(atPath: locales + "/en.po")
        #expect(mkfifo(locales + "/en.po", 0o644) == 0)
        let run = try KioskProcess.run(["run", "--guides", guides, "--locales", locales, "--all-languages", "--db", sandbox.path("k.db")],
            stdin: "\n", sandbox: sandbox, timeLimit: 20)
        #expect(!run.timedOut, "the welcome screen waited for a FIFO catalog")
        #expect(run.stdout.contains("Xin chào!"))
        let config = sandbox.path("fifo.conf")
        #expect(mkfifo(config, 0o644) == 0)
        let configured = try KioskProcess.run(["run", "--config", config], stdin: "\n", sandbox: sandbox, timeLimit: 20)
        #expect(!configured.timedOut && configured.status == 2 && configured.stderr.contains("not a regular file"), "\(configured.stderr)")
        let imported = try KioskProcess.run(["import", "--db", sandbox.path("k.db"), config, "/dev/zero"], sandbox: sandbox, timeLimit: 20)
        #expect(!imported.timedOut && imported.status == 1)
        #expect(imported.stderr.contains("fifo.conf: cannot read the file (not a regular file") && imported.stderr.contains("/dev/zero: cannot read"))
    }
}
