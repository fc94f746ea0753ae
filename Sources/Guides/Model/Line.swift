/// A user-visible line with a stable identity (`msgctxt` in catalogs) and its Vietnamese source text.
public struct Line: Hashable, Sendable {
    /// The stable identity, derived from guide, step and item ids, never from the text or the line's position.
    let key: String
    /// The Vietnamese source text.
    public let text: String
    /// Where the line is written (for `#:` references in catalogs); nil for lines made by the program.
    let location: SourceLocation?

    init(key: String, text: String, location: SourceLocation? = nil) {
        self.key = key
        self.text = text
        self.location = location
    }
}
