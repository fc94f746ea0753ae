import Foundation
import Guides
import Telemetry

/// Places a citizen's call for staff: rings the terminal (BEL), records the call where `kiosk board` reads it, and
/// runs the centre's `notify-command`. Only the terminal id, the counter and where in which guide are passed on,
/// never anything a citizen typed. A failing database or command is reported to staff and never stops guiding.
final class StaffCaller {
    /// How long a notify command may take before it is stopped (the citizen's screen waits for it).
    static let notifyTimeout: TimeInterval = 2

    let databasePath: String
    let terminal: String
    let counter: String
    /// The program and its own arguments; the event, terminal id and counter are added after them.
    let notifyCommand: [String]
    /// Ring the terminal's bell (only on a real terminal).
    let rings: Bool
    /// The board row of the open call, if the database took it.
    private(set) var openID: Int64?

    init(databasePath: String, terminal: String, counter: String, notifyCommand: [String], rings: Bool) {
        self.databasePath = databasePath
        self.terminal = terminal
        self.counter = counter
        self.notifyCommand = notifyCommand
        self.rings = rings
    }

    /// Places the call; true when something that reaches staff took it (the board's database or the notify command).
    func call(_ request: StaffCallRequest) -> Bool {
        if rings { Output.terminal(TerminalText(control: "\u{07}")) }
        var delivered = false
        do {
            let store = try SessionStore(path: databasePath, busyTimeoutMilliseconds: 500)
            openID = try store.openCall(terminal: terminal, guide: request.guide, step: request.step,
                stepIndex: request.stepIndex, at: Int64(Date().timeIntervalSince1970))
            delivered = true
        } catch {
            report("the call for staff could not be put on the board (\(error.message)); the citizen was told to raise a hand")
        }
        if !notifyCommand.isEmpty, notify("call") { delivered = true }
        return delivered
    }

    /// The open call ended: mark it on the board and tell the notify command (a lamp goes off).
    func end(_ how: StaffCallEnd) {
        if let id = openID {
            do {
                let store = try SessionStore(path: databasePath, busyTimeoutMilliseconds: 500)
                try store.endCall(id, answered: how == .answered, at: Int64(Date().timeIntervalSince1970))
            } catch {
                report("the call for staff could not be closed on the board (\(error.message))")
            }
        }
        openID = nil
        if !notifyCommand.isEmpty { _ = notify(how.rawValue) }
    }

    /// Runs the notify command with `event`, the terminal id and the counter; true when it exits with status 0 in time.
    private func notify(_ event: String) -> Bool {
        guard let program = notifyCommand.first else { return false }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: program)
        process.arguments = Array(notifyCommand.dropFirst()) + [event, terminal, counter]
        process.environment = ["PATH": "/usr/local/bin:/usr/bin:/bin", "KIOSK_EVENT": event, "KIOSK_TERMINAL": terminal,
            "KIOSK_COUNTER": counter]
        // Nothing it prints may reach the citizen's screen.
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        do {
            try process.run()
        } catch {
            report("notify-command \(program) could not be started (\(error.localizedDescription))")
            return false
        }
        let deadline = Date().addingTimeInterval(Self.notifyTimeout)
        while process.isRunning && Date() < deadline { usleep(10_000) }
        if process.isRunning {
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            report("notify-command \(program) did not finish within \(Int(Self.notifyTimeout)) s and was stopped")
            return false
        }
        guard process.terminationStatus == 0 else {
            report("notify-command \(program) failed with status \(process.terminationStatus)")
            return false
        }
        return true
    }

    private func report(_ message: String) {
        Output.err("kiosk: \(message)\n")
        StatusFile.write(for: databasePath, fault: message)
    }
}
