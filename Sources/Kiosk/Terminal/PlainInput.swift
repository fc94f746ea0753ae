import Glibc
import Guides

/// Plain line mode for pipes and scripts: no readline, no escape sequences; end of input ends the program.
///
/// Reading is linear in the input: each byte is looked at once, and a line longer than the kiosk reads is skipped to
/// its end without being kept (a 50 MB line costs one pass and a few kilobytes of memory).
final class PlainInput: LineInput {
    /// The longest line kept, in bytes (four per character at most).
    static let maximumLineBytes = KioskFlow.maximumLineLength * 4

    private var buffer: [UInt8] = []
    /// One read's bytes, reused: a 50 MB line must not cost a fresh 64 kB array per read.
    private var chunk = [UInt8](repeating: 0, count: 1 << 16)
    /// Where the next line starts in `buffer` (bytes before it are read already).
    private var start = 0
    /// Bytes of `buffer` before this offset are already known to hold no newline.
    private var scanned = 0
    /// True while the rest of an overlong line is being skipped.
    private var skipping = false
    private var ended = false
    /// The prompt is written once per screen: a read that timed out without a new screen (the kiosk looking at the
    /// board for an open call) does not write it again.
    private var promptDue = true

    func read(prompt: String, deadline: UInt64?) -> ReadEvent {
        if promptDue || prompt.isEmpty { Output.out(prompt) }
        promptDue = false
        while true {
            if let event = nextLine() { return event }
            if ended {
                if skipping {
                    skipping = false
                    buffer = []
                    (start, scanned) = (0, 0)
                    return .overlong
                }
                if start >= buffer.count { return .endOfInput }
                let line = buffer[start...]
                buffer = []
                (start, scanned) = (0, 0)
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
                let count = chunk.withUnsafeMutableBytes { Glibc.read(0, $0.baseAddress, $0.count) }
                if count > 0 {
                    take(count)
                } else if count == 0 || errno != EINTR {
                    ended = true
                }
            }
        }
    }

    /// Adds the first `count` bytes of `chunk` to the buffer; while an overlong line is skipped, only what follows its
    /// end is kept (found with `memchr`, so skipping costs one fast pass).
    private func take(_ count: Int) {
        guard skipping, buffer.count == start else {
            buffer += chunk[..<count]
            return
        }
        let newline = chunk.withUnsafeBytes { bytes -> Int? in
            guard let base = bytes.baseAddress, let found = memchr(base, 0x0A, count) else { return nil }
            return base.distance(to: UnsafeRawPointer(found))
        }
        // Keep the end of the skipped line (its newline) and what follows; nextLine reports the line as overlong.
        if let newline {
            buffer = Array(chunk[newline..<count])
            (start, scanned) = (0, 0)
        }
    }

    /// The next complete line in the buffer, or an overlong line skipped to its end; nil when more input is needed.
    private func nextLine() -> ReadEvent? {
        guard let newline = buffer[scanned...].firstIndex(of: 0x0A) else {
            scanned = buffer.count
            if buffer.count - start > Self.maximumLineBytes {
                // Keep nothing of a line that is already too long; skip the rest of it as it comes.
                skipping = true
                buffer = []
                start = 0
                scanned = 0
            }
            return nil
        }
        var line = buffer[start..<newline]
        start = newline + 1
        scanned = start
        // Lines are taken from the front by moving an offset; the buffer is compacted only now and then.
        if start > 1 << 16 && start * 2 > buffer.count {
            buffer.removeSubrange(..<start)
            scanned -= start
            start = 0
        }
        if skipping || line.count > Self.maximumLineBytes {
            skipping = false
            Output.out("\n")
            return .overlong
        }
        if line.last == 0x0D { line = line.dropLast() }
        Output.out("\n")
        return .line(String(decoding: line, as: UTF8.self))
    }


    func remember(_ line: String) {}
    /// Plain line mode has no line editor to redisplay.
    func screenWasRedrawn() { promptDue = true }
    /// Plain line mode has no completion.
    func setCompletions(_ complete: @escaping @Sendable (String) -> [String]) {}

    /// Piped input is a script, not a visitor: nothing to forget.
    func forgetEverything() {}
    func restore() {}
}
