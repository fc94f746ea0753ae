import Glibc

/// Waits on `fd` for input with `poll`, waking for signals; the shared core of both inputs.
enum InputWait {
    enum Result { case ready, timeout, interrupt, terminate, resize, hangup, failed }

    /// `hangupFirst`: on a terminal, a hang-up means nobody is there, even if the kernel also reports input
    /// (a pipe, by contrast, may still hold lines to read after its writer closed).
    static func wait(fd: Int32, until deadline: UInt64?, hangupFirst: Bool = false) -> Result {
        while true {
            if Signals.take(Signals.terminate) { return .terminate }
            if Signals.take(Signals.interrupt) { return .interrupt }
            if Signals.take(Signals.resize) { return .resize }
            var timeout: Int32 = -1
            if let deadline {
                let now = Monotonic.milliseconds()
                if now >= deadline { return .timeout }
                timeout = Int32(clamping: deadline - now)
            }
            var descriptors = [pollfd(fd: fd, events: Int16(POLLIN), revents: 0),
                pollfd(fd: Signals.wakeRead.load(ordering: .relaxed), events: Int16(POLLIN), revents: 0)]
            let ready = poll(&descriptors, descriptors[1].fd >= 0 ? 2 : 1, timeout)
            if ready < 0 {
                if errno == EINTR { continue }
                return .failed
            }
            if ready == 0 { continue }
            if descriptors[1].revents != 0 {
                Signals.drain()
                continue
            }
            let events = Int32(descriptors[0].revents)
            if hangupFirst && events & Int32(POLLHUP | POLLERR | POLLNVAL) != 0 { return .hangup }
            if events & Int32(POLLIN) != 0 { return .ready }
            // The terminal or pipe is gone (hang-up, error): there is nobody left to guide.
            if events & Int32(POLLHUP | POLLERR | POLLNVAL) != 0 { return .hangup }
        }
    }
}
