/// A choice as written: label and the unresolved target words.
struct RawChoice: Sendable {
    /// The label, with the choice's own id (`- co: Có -> next`) in `label.id`.
    let label: Located
    let target: Located
    /// Where the choice starts (its id).
    let location: SourceLocation
}
