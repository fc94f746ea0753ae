import Foundation
import Guides

/// The terminal's size (`TIOCGWINSZ`, then `$COLUMNS` / `$LINES`, then 80x24).
enum TerminalSize {
    static func columns() -> Int {
        var size = winsize()
        if ioctl(1, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 { return Int(size.ws_col) }
        if let text = ProcessInfo.processInfo.environment["COLUMNS"], let value = Int(text), value > 0 { return value }
        return 80
    }

    /// Rows: a screen taller than this is paged, since the Linux console has no scrollback.
    static func rows() -> Int {
        var size = winsize()
        if ioctl(1, UInt(TIOCGWINSZ), &size) == 0, size.ws_row > 0 { return max(8, Int(size.ws_row)) }
        if let text = ProcessInfo.processInfo.environment["LINES"], let value = Int(text), value > 0 { return max(8, value) }
        return 24
    }
}
