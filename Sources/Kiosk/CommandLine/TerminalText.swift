/// Text for the terminal that may carry the kiosk's own control sequences: built only from `TerminalStyle`'s codes
/// and from text that went through the sanitizer, so it is written as it is. Anything else is a plain `String`, and
/// `Output` sanitizes it on the way out.
struct TerminalText: Sendable {
    let text: String

    /// Text that passed through `TextLayout.sanitize` piece by piece, with the style's codes around it
    /// (the screen renderer's output).
    init(rendered text: String) { self.text = text }

    /// One of `TerminalStyle`'s own sequences (clear, wipe).
    init(control sequence: String) { text = sequence }

    static let empty = TerminalText(control: "")

    static func + (lhs: TerminalText, rhs: TerminalText) -> TerminalText { TerminalText(rendered: lhs.text + rhs.text) }
}
