/// A choice as written: label and the unresolved target words.
struct RawChoice: Sendable {
    let label: Located
    let target: Located
}
