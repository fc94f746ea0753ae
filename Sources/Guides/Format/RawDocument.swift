/// A parsed guide or block file: metadata lines and items, plus what went wrong while parsing it.
struct RawDocument: Sendable {
    let path: String
    var kind: DocumentKind?
    var id: Located?
    /// Metadata values by key, in file order.
    var metadata: [String: [Located]] = [:]
    var items: [RawItem] = []
    var diagnostics: [Diagnostic] = []
    /// The location of the `guide:`/`steps:` line, or line 1.
    var headerLocation: SourceLocation { id?.location ?? SourceLocation(path: path, line: 1, column: 1) }

    func first(_ key: String) -> Located? { metadata[key]?.first }
    func all(_ key: String) -> [Located] { metadata[key] ?? [] }

    mutating func error(_ location: SourceLocation, _ message: String) {
        diagnostics.append(Diagnostic(.error, at: location, message))
    }

    mutating func warning(_ location: SourceLocation, _ message: String) {
        diagnostics.append(Diagnostic(.warning, at: location, message))
    }
}
