/// A parsed PO catalog.
public struct POCatalog: Sendable {
    public var entries: [POEntry] = []

    public init(entries: [POEntry] = []) {
        self.entries = entries
    }

    /// The header entry, if any.
    var header: POEntry? { entries.first { $0.isHeader && !$0.isObsolete } }

    /// A header field such as `Language` or `Plural-Forms`.
    func headerField(_ name: String) -> String? {
        guard let text = header?.strings.first else { return nil }
        for line in text.split(separator: "\n") {
            guard let colon = line.firstIndex(of: ":") else { continue }
            if line[..<colon].trimmingSpaces == name { return String(line[line.index(after: colon)...].trimmingSpaces) }
        }
        return nil
    }
}
