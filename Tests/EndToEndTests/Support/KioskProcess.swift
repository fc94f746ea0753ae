import Foundation

/// Runs the built `kiosk` executable the way staff and scripts do: through pipes, from the repository root.
enum KioskProcess {
    /// The repository root, found from this file's path.
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// The `kiosk` binary next to the test bundle (SwiftPM puts products and tests in one directory).
    static let binary: URL = {
        let candidates = [Bundle.main.bundleURL, Bundle.main.bundleURL.deletingLastPathComponent(),
            root.appendingPathComponent(".build/debug")]
        for directory in candidates {
            let url = directory.appendingPathComponent("kiosk")
            if FileManager.default.isExecutableFile(atPath: url.path) { return url }
        }
        return root.appendingPathComponent(".build/debug/kiosk")
    }()

    /// Runs `kiosk arguments…` with `stdin` piped in and waits for it to exit. The process runs in `sandbox` (a fresh
    /// one when none is given); `environment` adds or overrides variables on top of the sandbox's.
    /// `launcher` runs the kiosk through another program first (`setpriv` to run it as another account).
    static func run(_ arguments: [String], stdin: String = "", environment: [String: String] = [:],
        sandbox: TestSandbox? = nil, directory: URL = root, timeLimit: Double = 120, launcher: [String] = []) throws -> ProcessResult {
        let home = try sandbox ?? TestSandbox()
        let process = Process()
        if let program = launcher.first {
            process.executableURL = URL(fileURLWithPath: program)
            process.arguments = Array(launcher.dropFirst()) + [binary.path] + arguments
        } else {
            process.executableURL = binary
            process.arguments = arguments
        }
        process.currentDirectoryURL = directory
        var env = home.environment
        for (key, value) in environment { env[key] = value }
        process.environment = env
        let input = Pipe(), output = Pipe(), error = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = error
        try process.run()
        // A hang must fail the test, not the whole run: the process is killed past its time limit.
        let watchdog = Watchdog(pid: process.processIdentifier, after: timeLimit)
        defer { watchdog.cancel() }
        input.fileHandleForWriting.write(Data(stdin.utf8))
        try input.fileHandleForWriting.close()
        let out = output.fileHandleForReading.readDataToEndOfFile()
        let err = error.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let timedOut = watchdog.cancel()
        var result = ProcessResult(status: process.terminationStatus, stdout: String(decoding: out, as: UTF8.self),
            stderr: String(decoding: err, as: UTF8.self))
        result.timedOut = timedOut
        return result
    }
}
