import Glibc
import Synchronization

/// Signal flags set by handlers and read by the input loop (lock-free atomics are safe in a signal handler).
enum Signals {
    /// Ctrl-C, Ctrl-\ or Ctrl-Z: offer a return to the start; never leave the program.
    static let interrupt = Atomic<Bool>(false)
    /// SIGTERM or SIGHUP: end cleanly.
    static let terminate = Atomic<Bool>(false)
    /// SIGWINCH: the terminal changed size; redraw.
    static let resize = Atomic<Bool>(false)

    /// Installs the handlers. `poll` and `read` then return EINTR instead of the process stopping or dying.
    static func install() {
        for signal in [SIGINT, SIGQUIT, SIGTSTP] { handle(signal) { _ in Signals.interrupt.store(true, ordering: .relaxed) } }
        for signal in [SIGTERM, SIGHUP] { handle(signal) { _ in Signals.terminate.store(true, ordering: .relaxed) } }
        handle(SIGWINCH) { _ in Signals.resize.store(true, ordering: .relaxed) }
        // A closed terminal must not kill the program before the session is recorded.
        Glibc.signal(SIGPIPE, SIG_IGN)
    }

    private static func handle(_ signal: Int32, _ handler: @convention(c) (Int32) -> Void) {
        var action = sigaction()
        action.__sigaction_handler.sa_handler = handler
        sigemptyset(&action.sa_mask)
        action.sa_flags = 0   // no SA_RESTART: a blocking poll must wake up
        sigaction(signal, &action, nil)
    }

    /// Reads and clears a flag.
    static func take(_ flag: borrowing Atomic<Bool>) -> Bool {
        flag.exchange(false, ordering: .relaxed)
    }
}
