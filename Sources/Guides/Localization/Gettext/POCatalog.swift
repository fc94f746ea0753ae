/// A parsed PO catalog.
public struct POCatalog: Sendable {
    public var entries: [POEntry] = []

    public init(entries: [POEntry] = []) {
        self.entries = entries
    }

    /// The entries in use (not obsolete, not the header), by context.
    public var byContext: [String: POEntry] {
        var entries: [String: POEntry] = [:]
        for entry in self.entries where !entry.isHeader && !entry.isObsolete { entries[entry.context ?? entry.id] = entry }
        return entries
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
