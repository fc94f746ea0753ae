import Glibc
import Synchronization

/// Unbuffered writes to standard output and standard error with `write(2)`.
///
/// A closed pipe or terminal (EPIPE, EIO) is ignored rather than fatal: the kiosk must never crash on output.
enum Output {
    /// Set when standard output could not be written (disk full, closed pipe): the command must not report success.
    static let outFailed = Atomic<Bool>(false)

    static func out(_ text: String) {
        if !write(1, text) { outFailed.store(true, ordering: .relaxed) }
    }

    static func err(_ text: String) { _ = write(2, text) }

    /// Writes `lines`, each followed by a newline, in one write.
    static func out(lines: [String]) {
        guard !lines.isEmpty else { return }
        out(lines.joined(separator: "\n") + "\n")
    }

    /// Writes all of `text`; false when the descriptor refused some of it.
    private static func write(_ fd: Int32, _ text: String) -> Bool {
        var text = text
        return text.withUTF8 { buffer in
            var offset = 0
            while offset < buffer.count {
                let written = Glibc.write(fd, buffer.baseAddress.map { $0 + offset }, buffer.count - offset)
                if written < 0 && errno == EINTR { continue }
                if written <= 0 { return false }
                offset += written
            }
            return true
        }
    }
}
