/// A source of typed lines: readline on a terminal, plain reads on a pipe.
protocol LineInput: AnyObject {
    /// Shows `prompt` (or, when a line is being typed, redisplays it) and waits for the next event, until `deadline`
    /// on the monotonic clock (nil: forever).
    func read(prompt: String, deadline: UInt64?) -> ReadEvent
    /// The screen was cleared and redrawn: the prompt and the line being typed must be shown again.
    func screenWasRedrawn()
    /// Adds a line to this visitor's history (for the up arrow).
    func remember(_ line: String)
    /// Forgets the line being typed, its undo list and all history: the next visitor starts clean.
    func forgetEverything()
    /// Puts the terminal back as it was.
    func restore()
    /// What Tab offers for the typed line: the titles of the guides search finds for it, in the visitor's language.
    func setCompletions(_ complete: @escaping @Sendable (String) -> [String])
}
