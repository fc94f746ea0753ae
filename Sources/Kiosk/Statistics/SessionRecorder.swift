import Glibc
import Guides

/// Receives the engine's events (the telemetry store, or nothing).
protocol SessionRecorder: AnyObject {
    func record(_ events: [SessionEvent])
    /// Called once before the program exits.
    func close()
}
