import Foundation
import Guides

/// The terminal's width in columns (`TIOCGWINSZ`, then `$COLUMNS`, then 80).
enum TerminalSize {
    static func columns() -> Int {
        var size = winsize()
        if ioctl(1, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 { return Int(size.ws_col) }
        if let text = ProcessInfo.processInfo.environment["COLUMNS"], let value = Int(text), value > 0 { return value }
        return 80
    }
}
