import Foundation
import Testing

/// Tests never touch a real kiosk: every kiosk a test starts reads the sandbox's configuration (never
/// `/etc/kiosk/kiosk.conf`) and writes its statistics inside the sandbox (never `/var/lib/kiosk`).
@Suite struct SandboxTests {
    @Test func aKioskStartedByATestReadsAndWritesOnlyItsSandbox() throws {
        let sandbox = try TestSandbox()
        try "terminal = sandbox-proof\ncentre = Trung tâm thử\n".write(toFile: sandbox.configuration, atomically: true, encoding: .utf8)
        // A whole session with no --db and no --config: the kiosk's defaults, as on a real terminal.
        let session = try KioskProcess.run(["run"], stdin: "\n21\n2\n\n", sandbox: sandbox)
        #expect(session.status == 0, "\(session.stderr)")
        let status = try KioskProcess.run(["status"], sandbox: sandbox)
        let database = sandbox.path("state/kiosk.db")
        #expect(status.stdout.hasPrefix("database: \(database)\n"), "\(status.stdout)")
        // The row carries the sandbox configuration's terminal id: the configuration came from the sandbox.
        #expect(try sandbox.sqlite(database, "SELECT terminal, outcome FROM session;") == "sandbox-proof|later\n")
        for place in ["/var/lib/kiosk/kiosk.db", NSHomeDirectory() + "/.local/share/kiosk/kiosk.db"] {
            #expect(!status.stdout.contains(place))
        }
    }

    @Test func theSandboxMovesEveryPlaceTheKioskCouldUse() throws {
        let sandbox = try TestSandbox()
        let environment = sandbox.environment
        for name in ["HOME", "XDG_DATA_HOME", "STATE_DIRECTORY", "KIOSK_CONFIG"] {
            #expect(environment[name]?.hasPrefix(sandbox.root + "/") == true, "\(name) is outside the sandbox")
        }
        #expect(environment["KIOSK_GUIDES"] == nil && environment["KIOSK_LOCALES"] == nil)
    }
}
