import Foundation
import Guides

/// ANSI styling and screen control. Colours go with `NO_COLOR` or `TERM=dumb`; clearing the screen and the
/// scrollback (privacy between visitors) stays on any terminal that is not `dumb`. Plain line mode has neither.
struct TerminalStyle: Sendable {
    /// Bold and colours.
    let enabled: Bool
    /// Clearing the screen and the scrollback.
    let clears: Bool

    init(enabled: Bool, clears: Bool? = nil) {
        self.enabled = enabled
        self.clears = clears ?? enabled
    }

    /// Styles for a real terminal, unless the environment asks for none.
    static func forTerminal(environment: [String: String] = ProcessInfo.processInfo.environment) -> TerminalStyle {
        let noColor = environment["NO_COLOR"].map { !$0.isEmpty } ?? false
        let dumb = environment["TERM"] == "dumb"
        return TerminalStyle(enabled: !noColor && !dumb, clears: !dumb)
    }

    private func wrap(_ text: String, _ code: String) -> String { enabled ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text }

    func title(_ text: String) -> String { wrap(text, "1") }
    func warning(_ text: String) -> String { wrap(text, "1;33") }
    func notice(_ text: String) -> String { wrap(text, "1;36") }
    func number(_ text: String) -> String { wrap(text, "1") }

    /// Clears the screen and the scrollback, and resets attributes: drawn before every screen, so nothing of an earlier
    /// screen (or visitor) stays.
    var wipe: String { clears ? "\u{1B}[0m\u{1B}[H\u{1B}[2J\u{1B}[3J" : "" }
}
