import Glibc

/// Plain line mode for pipes and scripts: no readline, no escape sequences; end of input ends the program.
final class PlainInput: LineInput {
    private var buffer: [UInt8] = []
    private var ended = false

    func read(prompt: String, deadline: UInt64?) -> ReadEvent {
        Output.out(prompt)
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
    /// Plain line mode has no line editor to redisplay.
    func screenWasRedrawn() {}
    /// Plain line mode has no completion.
    func setCompletions(_ titles: [String]) {}

    /// Piped input is a script, not a visitor: nothing to forget.
    func forgetEverything() {}
    func restore() {}
}
