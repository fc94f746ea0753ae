/// A text value with the place it was written.
struct Located: Hashable, Sendable {
    let text: String
    let location: SourceLocation
}

/// A choice as written: label and the unresolved target words.
struct RawChoice: Sendable {
    let label: Located
    let target: Located
}

/// A step as written, before `use` expansion and target resolution.
struct RawStep: Sendable {
    let id: Located
    let title: Located
    var paragraphs: [String] = []
    var warnings: [Located] = []
    var check: Located?
    var sources: [Located] = []
    var choices: [RawChoice] = []
    /// True while body lines continue the current paragraph.
    var paragraphOpen = false
}

/// A line at column 1 of the step area: a step or a `use` of a shared block.
enum RawItem: Sendable {
    case step(RawStep)
    case use(Located)
}

/// Whether a file is a guide (`guide:`) or a shared block (`steps:`).
enum DocumentKind: String, Sendable {
    case guide
    case block = "steps"
}

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

/// The rule for guide, block and step ids: `a-z`, digits and `-`, starting with a letter, at most 60 characters.
enum Identifier {
    static func isValid(_ text: some StringProtocol) -> Bool {
        guard let first = text.utf8.first, (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(first), text.utf8.count <= 60
        else { return false }
        return text.utf8.allSatisfy {
            (UInt8(ascii: "a")...UInt8(ascii: "z")).contains($0) || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0)
                || $0 == UInt8(ascii: "-")
        }
    }
}
