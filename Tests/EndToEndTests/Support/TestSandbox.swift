import Foundation

/// A temporary home for one test's kiosk processes: its own HOME, state directory and empty configuration file, so
/// no test reads `/etc/kiosk` or writes the statistics of a real kiosk. Removed when the test ends.
final class TestSandbox: @unchecked Sendable {
    let root: String

    init() throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("kiosk-test-\(UUID().uuidString)").path
        for folder in ["home", "state", "data"] {
            try FileManager.default.createDirectory(atPath: root + "/" + folder, withIntermediateDirectories: true)
        }
        try Data().write(to: URL(fileURLWithPath: configuration))
    }

    deinit { try? FileManager.default.removeItem(atPath: root) }

    /// The configuration file every process reads instead of `/etc/kiosk/kiosk.conf` (empty unless a test writes it).
    var configuration: String { root + "/kiosk.conf" }

    /// A path inside the sandbox.
    func path(_ name: String) -> String { root + "/" + name }

    /// The environment of a kiosk process: the test's own, with every place the kiosk could read or write moved here.
    var environment: [String: String] {
        var environment = ProcessInfo.processInfo.environment
        for name in ["KIOSK_GUIDES", "KIOSK_LOCALES"] { environment[name] = nil }
        environment["HOME"] = root + "/home"
        environment["XDG_DATA_HOME"] = root + "/data"
        environment["STATE_DIRECTORY"] = root + "/state"
        environment["KIOSK_CONFIG"] = configuration
        return environment
    }

    /// Runs the sqlite3 shell (the oracle) on `database` and returns what it printed.
    func sqlite(_ database: String, _ sql: String) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/sqlite3")
        process.arguments = [database, sql]
        process.environment = environment
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }
}
