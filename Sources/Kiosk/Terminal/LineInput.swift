import Glibc

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
