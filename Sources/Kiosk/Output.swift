import Glibc

/// Unbuffered writes to standard output and standard error with `write(2)`.
///
/// A closed pipe or terminal (EPIPE, EIO) is ignored rather than fatal: the kiosk must never crash on output.
enum Output {
    static func out(_ text: String) { write(1, text) }

    static func err(_ text: String) { write(2, text) }

    /// Writes `lines`, each followed by a newline, in one write.
    static func out(lines: [String]) {
        guard !lines.isEmpty else { return }
        out(lines.joined(separator: "\n") + "\n")
    }

    private static func write(_ fd: Int32, _ text: String) {
        var text = text
        text.withUTF8 { buffer in
            var offset = 0
            while offset < buffer.count {
                let written = Glibc.write(fd, buffer.baseAddress.map { $0 + offset }, buffer.count - offset)
                if written < 0 && errno == EINTR { continue }
                if written <= 0 { return }
                offset += written
            }
        }
    }
}
