import Glibc
import Guides
import Synchronization

/// The one path to standard output and standard error: unbuffered `write(2)`, and every `String` sanitized on the
/// way out, so nothing from a guide, a catalog, a command-line argument, a file or a database can drive the
/// terminal of whoever reads it (escape sequences, bells, direction overrides are removed; line breaks stay).
/// Only `TerminalText`, built from the kiosk's own style codes and sanitized text, is written as it is.
///
/// A closed pipe or terminal (EPIPE, EIO) is ignored rather than fatal: the kiosk must never crash on output.
enum Output {
    /// Set when standard output could not be written (disk full, closed pipe): the command must not report success.
    static let outFailed = Atomic<Bool>(false)

    static func out(_ text: String) { out(bytes: TextLayout.sanitize(text, forOutput: true)) }

    static func err(_ text: String) {
        let clean = TextLayout.sanitize(text, forOutput: true)
        if toSyslog {
            // Inside the graphical session standard error is the citizen's screen: staff messages go to the journal.
            for line in clean.split(separator: "\n") where !line.isEmpty {
                String(line).withCString { message in withVaList([message]) { vsyslog(LOG_WARNING, "%s", $0) } }
            }
            return
        }
        _ = write(2, clean)
    }

    /// `KIOSK_STAFF_LOG=syslog` (set by kiosk-graphical@.service): standard error goes to syslog, that is the journal.
    static let toSyslog: Bool = {
        guard let value = getenv("KIOSK_STAFF_LOG"), String(cString: value) == "syslog" else { return false }
        openlog("kiosk", LOG_PID, LOG_USER)
        return true
    }()

    /// The kiosk's own screen: sanitized piece by piece when it was rendered.
    static func terminal(_ text: TerminalText) { out(bytes: text.text) }

    /// Redraws the progress line on standard error (sanitized text between a carriage return and an erase to the
    /// end of the line); nil erases it.
    static func progress(_ text: String?) {
        _ = write(2, "\r" + (text.map { TextLayout.sanitize($0, forOutput: true) } ?? "") + "\u{1B}[K")
    }

    /// Writes `lines`, each followed by a newline, in one write.
    static func out(lines: [String]) {
        guard !lines.isEmpty else { return }
        out(lines.joined(separator: "\n") + "\n")
    }

    /// Bytes that are not text (a spreadsheet), written as they are.
    static func out(binary bytes: [UInt8]) {
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeBufferPointer { Glibc.write(1, $0.baseAddress.map { $0 + offset }, bytes.count - offset) }
            if written < 0 && errno == EINTR { continue }
            if written <= 0 {
                outFailed.store(true, ordering: .relaxed)
                return
            }
            offset += written
        }
    }

    private static func out(bytes text: String) {
        if !write(1, text) { outFailed.store(true, ordering: .relaxed) }
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
