import Glibc

/// What waiting for a line ended with.
enum ReadEvent: Equatable {
    case line(String)
    case timeout
    case interrupt
    case endOfInput
    case terminate
    case resize
}

/// A source of typed lines with an idle timeout: readline on a terminal, plain reads on a pipe.
protocol LineInput: AnyObject {
    /// Shows `prompt` and waits for a line, at most `timeoutMilliseconds` (negative: forever).
    func read(prompt: String, timeoutMilliseconds: Int) -> ReadEvent
    /// Adds a line to this visitor's history (for the up arrow).
    func remember(_ line: String)
    /// Forgets the line being typed and all history: the next visitor starts clean.
    func forgetEverything()
    /// Puts the terminal back as it was.
    func restore()
    /// The guide titles Tab completes, in the visitor's language.
    func setCompletions(_ titles: [String])
}

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

/// Monotonic time in milliseconds.
enum Monotonic {
    static func milliseconds() -> UInt64 {
        var now = timespec()
        clock_gettime(CLOCK_MONOTONIC, &now)
        return UInt64(now.tv_sec) * 1000 + UInt64(now.tv_nsec) / 1_000_000
    }
}

/// Plain line mode for pipes and scripts: no readline, no escape sequences; end of input ends the program.
final class PlainInput: LineInput {
    private var buffer: [UInt8] = []
    private var ended = false

    func read(prompt: String, timeoutMilliseconds: Int) -> ReadEvent {
        Output.out(prompt)
        let deadline = timeoutMilliseconds < 0 ? nil : Monotonic.milliseconds() + UInt64(timeoutMilliseconds)
        while true {
            if let newline = buffer.firstIndex(of: 0x0A) {
                var line = Array(buffer[..<newline])
                buffer.removeSubrange(...newline)
                if line.last == 0x0D { line.removeLast() }
                Output.out("\n")
                return .line(String(decoding: line, as: UTF8.self))
            }
            if ended {
                if buffer.isEmpty { return .endOfInput }
                let line = buffer
                buffer = []
                Output.out("\n")
                return .line(String(decoding: line, as: UTF8.self))
            }
            switch InputWait.wait(fd: 0, until: deadline) {
            case .timeout: return .timeout
            case .interrupt: return .interrupt
            case .terminate: return .terminate
            case .resize: return .resize
            case .failed, .hangup: ended = true
            case .ready:
                var chunk = [UInt8](repeating: 0, count: 4096)
                let count = chunk.withUnsafeMutableBytes { Glibc.read(0, $0.baseAddress, $0.count) }
                if count > 0 { buffer += chunk[..<count] } else if count == 0 || errno != EINTR { ended = true }
            }
        }
    }

    func remember(_ line: String) {}
    /// Plain line mode has no completion.
    func setCompletions(_ titles: [String]) {}

    /// Piped input is a script, not a visitor: nothing to forget.
    func forgetEverything() {}
    func restore() {}
}
