import Glibc
import Synchronization

/// Signal flags set by handlers and read by the input loop (lock-free atomics are safe in a signal handler).
///
/// A handler may run on any thread, so it also writes a byte to a pipe that the input loop polls: the main thread
/// always wakes up, whichever thread the kernel chose.
enum Signals {
    /// Ctrl-C, Ctrl-\ or Ctrl-Z: offer a return to the start; never leave the program.
    static let interrupt = Atomic<Bool>(false)
    /// SIGTERM or SIGHUP: end cleanly.
    static let terminate = Atomic<Bool>(false)
    /// SIGWINCH: the terminal changed size; redraw.
    static let resize = Atomic<Bool>(false)
    /// The read end of the wake-up pipe (-1 before `install`).
    static let wakeRead = Atomic<Int32>(-1)
    /// The write end of the wake-up pipe.
    static let wakeWrite = Atomic<Int32>(-1)

    /// Installs the handlers. `poll` then wakes for them instead of the process stopping or dying.
    static func install() {
        var ends: [Int32] = [-1, -1]
        if pipe(&ends) == 0 {
            for end in ends {
                _ = fcntl(end, F_SETFL, fcntl(end, F_GETFL) | O_NONBLOCK)
                _ = fcntl(end, F_SETFD, FD_CLOEXEC)
            }
            wakeRead.store(ends[0], ordering: .relaxed)
            wakeWrite.store(ends[1], ordering: .relaxed)
        }
        for signal in [SIGINT, SIGQUIT, SIGTSTP] {
            handle(signal) { _ in
                Signals.interrupt.store(true, ordering: .relaxed)
                Signals.wake()
            }
        }
        for signal in [SIGTERM, SIGHUP] {
            handle(signal) { _ in
                Signals.terminate.store(true, ordering: .relaxed)
                Signals.wake()
            }
        }
        handle(SIGWINCH) { _ in
            Signals.resize.store(true, ordering: .relaxed)
            Signals.wake()
        }
        // A closed terminal must not kill the program before the session is recorded.
        Glibc.signal(SIGPIPE, SIG_IGN)
        // A file-size limit reached by the statistics file is a write error to report, not a reason to die.
        Glibc.signal(SIGXFSZ, SIG_IGN)
        // Whatever the parent blocked, this thread takes these signals.
        var set = sigset_t()
        sigemptyset(&set)
        for signal in [SIGINT, SIGQUIT, SIGTSTP, SIGTERM, SIGHUP, SIGWINCH] { sigaddset(&set, signal) }
        pthread_sigmask(SIG_UNBLOCK, &set, nil)
    }

    /// Unblocks every signal on the calling thread, so that a program it starts begins with none blocked: a child
    /// inherits the mask, and a kiosk started by a parent that blocks signals (a test runner's worker thread) would
    /// otherwise start players whose shell never learns that its own children ended.
    static func unblockAllOnThisThread() {
        var none = sigset_t()
        sigemptyset(&none)
        pthread_sigmask(SIG_SETMASK, &none, nil)
    }

    /// Writes one byte to the wake-up pipe (async-signal-safe).
    static func wake() {
        let fd = wakeWrite.load(ordering: .relaxed)
        guard fd >= 0 else { return }
        var byte: UInt8 = 1
        _ = write(fd, &byte, 1)
    }

    /// Empties the wake-up pipe.
    static func drain() {
        let fd = wakeRead.load(ordering: .relaxed)
        guard fd >= 0 else { return }
        var buffer = [UInt8](repeating: 0, count: 64)
        while read(fd, &buffer, buffer.count) > 0 {}
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
