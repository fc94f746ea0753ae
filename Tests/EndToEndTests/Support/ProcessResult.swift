import Foundation

/// The result of running the built `kiosk` binary.
struct ProcessResult {
    let status: Int32
    let stdout: String
    let stderr: String
    /// The process was killed because it ran past its time limit (a hang).
    var timedOut = false
}
