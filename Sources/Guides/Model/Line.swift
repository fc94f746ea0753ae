/// A user-visible line with a stable identity (`msgctxt` in catalogs) and its Vietnamese source text.
public struct Line: Hashable, Sendable {
    /// The stable identity, derived from guide, step and part ids, never from the text.
    public let key: String
    /// The Vietnamese source text.
    public let text: String

    public init(key: String, text: String) {
        self.key = key
        self.text = text
    }
}
