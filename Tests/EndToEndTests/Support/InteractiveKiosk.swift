import Foundation

/// The kiosk with its input fed a little at a time, as a citizen types, and its output read as it comes; optionally
/// started through a launcher (`setpriv` to run as another user, `unshare` for a private mount).
final class InteractiveKiosk: @unchecked Sendable {
    let process = Process()
    private let input = Pipe()
    private let lock = NSLock()
    private var stdout = Data()
    private var stderr = Data()
    private let finished = DispatchGroup()

    init(_ arguments: [String], sandbox: TestSandbox, launcher: [String] = []) throws {
        let command = launcher + [KioskProcess.binary.path] + arguments
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = command
        process.currentDirectoryURL = KioskProcess.root
        process.environment = sandbox.environment
        let out = Pipe(), err = Pipe()
        process.standardInput = input
        process.standardOutput = out
        process.standardError = err
        try process.run()
        for (handle, isError) in [(out.fileHandleForReading, false), (err.fileHandleForReading, true)] {
            finished.enter()
            Thread.detachNewThread { [self] in
                while true {
                    let chunk = handle.availableData
                    if chunk.isEmpty { break }
                    lock.withLock { if isError { stderr.append(chunk) } else { stdout.append(chunk) } }
                }
                finished.leave()
            }
        }
    }

    /// Types `lines`, each followed by Enter.
    func type(_ lines: [String]) { input.fileHandleForWriting.write(Data((lines.joined(separator: "\n") + "\n").utf8)) }

    /// Waits until the output holds `text` at least `count` times (at most 20 s).
    @discardableResult
    func waitFor(_ text: String, count: Int = 1) -> Bool {
        let deadline = Date().addingTimeInterval(20)
        while Date() < deadline {
            if output.components(separatedBy: text).count - 1 >= count { return true }
            Thread.sleep(forTimeInterval: 0.01)
        }
        return false
    }

    var output: String { lock.withLock { String(decoding: stdout, as: UTF8.self) } }
    var errors: String { lock.withLock { String(decoding: stderr, as: UTF8.self) } }

    /// Kills the kiosk at once, as a power cut would, and returns everything it had written.
    func kill() -> String {
        Glibc.kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        finished.wait()
        return output
    }

    /// Ends the input and waits for the kiosk to stop; its exit status.
    func finish() -> Int32 {
        try? input.fileHandleForWriting.close()
        process.waitUntilExit()
        finished.wait()
        return process.terminationStatus
    }
}
