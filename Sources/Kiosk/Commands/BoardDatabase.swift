import Foundation
import Telemetry

/// The database `kiosk board` reads: opened once and kept while it works (the board looks every few seconds), opened
/// again after a failure.
final class BoardDatabase {
    let path: String
    private var store: SessionStore?

    init(path: String) { self.path = path }

    /// The open calls, or nil when the database cannot be read (a missing file too: the board may be looking at the
    /// wrong one, and must not say that nobody waits).
    func calls() -> [StaffCall]? {
        guard FileManager.default.fileExists(atPath: path) else {
            store = nil
            return nil
        }
        do {
            return try opened().openCalls()
        } catch {
            fail(error)
            return nil
        }
    }

    /// Marks `call` answered; false when it had already ended or the database failed.
    func answer(_ call: StaffCall) -> Bool {
        do {
            return try opened().endCall(call.id, answered: true, at: Int64(Date().timeIntervalSince1970))
        } catch {
            fail(error)
            return false
        }
    }

    private func opened() throws(SQLiteError) -> SessionStore {
        if let store { return store }
        let opened = try SessionStore(path: path, busyTimeoutMilliseconds: 1000)
        store = opened
        return opened
    }

    private func fail(_ error: SQLiteError) {
        store = nil
        Output.err("kiosk: \(error.message)\n")
    }
}
