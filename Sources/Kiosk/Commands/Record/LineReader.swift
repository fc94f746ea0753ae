import Glibc

/// Lines from standard input, read without a buffer the poll cannot see, so a line can be waited for with a time
/// limit while a recorder runs (a buffered reader would hold a second typed line where `poll` never finds it).
/// Ctrl-C, SIGTERM or SIGHUP (`Signals`) end the input, whichever thread the signal reached.
final class LineReader {
    private var pending: [UInt8] = []
    private var ended = false
    private var interrupted = false

    /// True once Ctrl-C or a stop signal ended the input.
    var isInterrupted: Bool { interrupted || Signals.terminate.load(ordering: .relaxed) || Signals.interrupt.load(ordering: .relaxed) }

    enum Result: Equatable { case line(String), timeout, end }

    /// The next line (without its newline), waiting at most `milliseconds` (forever when nil).
    func next(waiting milliseconds: Int32? = nil) -> Result {
        while true {
            if let newline = pending.firstIndex(of: 0x0A) {
                let line = String(decoding: pending[..<newline], as: UTF8.self)
                pending.removeSubrange(...newline)
                return .line(line.hasSuffix("\r") ? String(line.dropLast()) : line)
            }
            if ended {
                guard !pending.isEmpty else { return .end }
                defer { pending.removeAll() }
                return .line(String(decoding: pending, as: UTF8.self))
            }
            // Once stopped by a signal, the input stays ended (every later read says so at once).
            if interrupted || Signals.take(Signals.interrupt) || Signals.take(Signals.terminate) {
                interrupted = true
                return .end
            }
            var descriptors = [pollfd(fd: 0, events: Int16(POLLIN), revents: 0),
                pollfd(fd: Signals.wakeRead.load(ordering: .relaxed), events: Int16(POLLIN), revents: 0)]
            let ready = poll(&descriptors, descriptors[1].fd >= 0 ? 2 : 1, milliseconds ?? -1)
            if ready < 0 {
                if errno == EINTR { continue }
                ended = true
                continue
            }
            if ready == 0 { return .timeout }
            if descriptors[1].revents != 0 {
                Signals.drain()
                continue
            }
            var buffer = [UInt8](repeating: 0, count: 4096)
            let count = read(0, &buffer, buffer.count)
            if count <= 0 {
                if count < 0 && errno == EINTR { continue }
                ended = true
            } else {
                pending += buffer[..<count]
                // A person types short keys; a flood of input is cut, never held.
                if pending.count > 1 << 16 { pending.removeFirst(pending.count - (1 << 16)) }
            }
        }
    }
}
