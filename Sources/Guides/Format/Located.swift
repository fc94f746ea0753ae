/// A text value with the place it was written.
struct Located: Hashable, Sendable {
    let text: String
    let location: SourceLocation
}
