import Foundation
import Guides
import Telemetry

/// Places a citizen's call for staff: rings the terminal (BEL), records the call where `kiosk board` reads it, and
/// runs the centre's `notify-command`. Only the terminal id, the counter and where in which guide are passed on,
/// never anything a citizen typed. A failing database or command is reported to staff and never stops guiding.
final class StaffCaller {
    /// How long a notify command may take before it is stopped.
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
    /// A call is open (on the board, or told to the notify command): its end is told too.
    private(set) var isOpen = false
    /// The board's database while a call is open (it is looked at every few seconds then); closed when the call ends
    /// or a use fails, so a file the statistics moved aside is never kept open for long.
    private var opened: SessionStore?

    private func store(timeout: Int32 = 500) throws(SQLiteError) -> SessionStore {
        if let opened { return opened }
        let store = try SessionStore(path: databasePath, busyTimeoutMilliseconds: timeout)
        opened = store
        return store
    }

    init(databasePath: String, terminal: String, counter: String, notifyCommand: [String], rings: Bool) {
        self.databasePath = databasePath
        self.terminal = terminal
        self.counter = counter
        self.notifyCommand = notifyCommand
        self.rings = rings
        // A call left open by a crash or a power cut waits for nobody: it leaves the board now. (Quietly: a kiosk
        // without a database yet has nothing to close.)
        if FileManager.default.fileExists(atPath: databasePath),
            let store = try? SessionStore(path: databasePath, busyTimeoutMilliseconds: 500) {
            try? store.endOpenCalls(terminal: terminal, at: Self.now)
        }
    }

    private static var now: Int64 { Int64(Date().timeIntervalSince1970) }

    /// Places the call; true when something that reaches staff took it (the board's database or the notify command).
    func call(_ request: StaffCallRequest) -> Bool {
        if rings { Output.terminal(TerminalText(control: "\u{07}")) }
        var delivered = false
        do {
            let store = try store()
            // A second press moves the open call to where the citizen is now, keeping its place in the queue.
            if isOpen, let id = openID, try store.updateCall(id, guide: request.guide, step: request.step, stepIndex: request.stepIndex) {
                return true
            }
            openID = try store.openCall(terminal: terminal, guide: request.guide, step: request.step,
                stepIndex: request.stepIndex, at: Self.now)
            delivered = true
        } catch {
            opened = nil
            report("the call for staff could not be put on the board (\(error.message)); the citizen was told to raise a hand")
        }
        if !notifyCommand.isEmpty {
            // With the board holding the call, the command runs in the background; without it, its result decides
            // what the citizen is told, so the screen waits for it (at most `notifyTimeout`).
            if delivered {
                notifyInBackground("call")
            } else if notify("call") {
                delivered = true
            }
        }
        isOpen = delivered
        if !isOpen { opened = nil }
        return delivered
    }

    /// True once staff marked the open call answered on the board; the call is then closed here too.
    func answeredOnBoard() -> Bool {
        guard isOpen, let id = openID else { return false }
        guard let store = try? store(timeout: 200) else { return false }
        guard let open = try? store.isCallOpen(id) else {
            opened = nil
            return false
        }
        guard !open else { return false }
        openID = nil
        isOpen = false
        opened = nil
        if !notifyCommand.isEmpty { notifyInBackground(StaffCallEnd.answered.rawValue) }
        return true
    }

    /// The open call ended: mark it on the board and tell the notify command (a lamp goes off). Nothing when no call
    /// is open. `waiting` keeps the program until the command is done (at exit).
    func end(_ how: StaffCallEnd, waiting: Bool = false) {
        guard isOpen else { return }
        if let id = openID {
            do {
                try store().endCall(id, answered: how == .answered, at: Self.now)
            } catch {
                opened = nil
                report("the call for staff could not be closed on the board (\(error.message))")
            }
        }
        openID = nil
        isOpen = false
        opened = nil
        guard !notifyCommand.isEmpty else { return }
        if waiting { _ = notify(how.rawValue) } else { notifyInBackground(how.rawValue) }
    }

    /// Runs the notify command on a thread of its own, so the citizen's screen never waits for it.
    private func notifyInBackground(_ event: String) {
        let caller = NotifyCommand(command: notifyCommand, terminal: terminal, counter: counter, databasePath: databasePath)
        Thread.detachNewThread { _ = caller.run(event) }
    }

    /// Runs the notify command now; true when it exits with status 0 in time.
    private func notify(_ event: String) -> Bool {
        NotifyCommand(command: notifyCommand, terminal: terminal, counter: counter, databasePath: databasePath).run(event)
    }

    private func report(_ message: String) { StatusFile.report(message, for: databasePath) }
}
