import Foundation

/// Kills a process that outlives its time limit, so a hang fails one test instead of the whole run.
///
/// A dispatch timer, not `asyncAfter`: a cancelled `asyncAfter` work item still holds its closure (and through it the
/// process and its pipes) until the deadline. With a two-minute limit the suite held over 1,300 pipe ends at once, and
/// Foundation's `Process.run` (Swift 6.3) reads past its buffer when it lists that many descriptors
/// (swift-corelibs-foundation #5472): the test process crashed. Cancelling this timer releases its handler at once.
final class Watchdog: @unchecked Sendable {
    private let timer = DispatchSource.makeTimerSource(queue: .global())
    private let lock = NSLock()
    private var killed = false

    /// Starts the clock for the running process `pid`.
    init(pid: pid_t, after seconds: Double) {
        timer.schedule(deadline: .now() + seconds)
        // The handler holds the pid and this watchdog weakly: nothing of the process, and no cycle.
        timer.setEventHandler { [weak self] in
            guard let self else { return }
            kill(pid, SIGKILL)
            lock.withLock { killed = true }
        }
        timer.resume()
    }

    /// Stops the clock; true when the process had already been killed for taking too long.
    @discardableResult
    func cancel() -> Bool {
        timer.cancel()
        return lock.withLock { killed }
    }

    deinit { timer.cancel() }
}
