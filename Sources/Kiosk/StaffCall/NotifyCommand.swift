import Foundation
import Guides

/// One run of the centre's `notify-command`: the event (`call`, `answered`, `left`), the terminal id and the counter
/// as its last arguments and in its environment, nothing a citizen typed; its output discarded; stopped after
/// `StaffCaller.notifyTimeout`. A failure is reported to staff (stderr and the status file).
struct NotifyCommand: Sendable {
    let command: [String]
    let terminal: String
    let counter: String
    let databasePath: String

    /// True when the command exited with status 0 in time.
    func run(_ event: String) -> Bool {
        guard let program = command.first else { return false }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: program)
        process.arguments = Array(command.dropFirst()) + [event, terminal, counter]
        process.environment = ["PATH": "/usr/local/bin:/usr/bin:/bin", "KIOSK_EVENT": event, "KIOSK_TERMINAL": terminal,
            "KIOSK_COUNTER": counter]
        // Nothing it prints may reach the citizen's screen.
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        do {
            try process.run()
        } catch {
            report("notify-command \(program) could not be started: check that it exists, is executable and starts with "
                + "#! if it is a script (\(error.localizedDescription))")
            return false
        }
        let deadline = Date().addingTimeInterval(StaffCaller.notifyTimeout)
        while process.isRunning && Date() < deadline { usleep(10_000) }
        if process.isRunning {
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            report("notify-command \(program) did not finish within \(Int(StaffCaller.notifyTimeout)) s and was stopped")
            return false
        }
        guard process.terminationStatus == 0 else {
            report("notify-command \(program) failed with status \(process.terminationStatus)")
            return false
        }
        return true
    }

    private func report(_ message: String) { StatusFile.report(message, for: databasePath) }
}
