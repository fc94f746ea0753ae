/// The language list in `locales/languages.txt`: `code | own name | Vietnamese name | notes` per line.
public struct LanguageList: Sendable {
    public private(set) var languages: [Language] = []
    public private(set) var diagnostics: [Diagnostic] = []

    /// Vietnamese alone, when no list can be read.
    public static let vietnameseOnly = [Language(code: "vi", name: "Tiếng Việt", vietnameseName: "Tiếng Việt")]

    /// Reads and checks the list at `path`.
    public init(contentsOf path: String) {
        let source = SourceText(contentsOf: path)
        diagnostics = source.diagnostics
        for (index, line) in source.lines.enumerated() {
            let trimmed = line.trimmingSpaces
            if trimmed.isEmpty || trimmed.first == "#" { continue }
            let fields = line.split(separator: "|", omittingEmptySubsequences: false).map { String($0.trimmingSpaces) }
            let location = SourceLocation(path: path, line: index + 1, column: 1)
            guard fields.count >= 3, !fields[1].isEmpty, !fields[2].isEmpty else {
                diagnostics.append(Diagnostic(.error, at: location, "expected `code | name | Vietnamese name | notes`"))
                continue
            }
            guard (2...3).contains(fields[0].count), fields[0].allSatisfy({ $0.isASCII && $0.isLowercase }) else {
                diagnostics.append(Diagnostic(.error, at: location, "\"\(Quoted.escape(fields[0]))\" is not a language code (2 or 3 lowercase letters)"))
                continue
            }
            if languages.contains(where: { $0.code == fields[0] }) {
                diagnostics.append(Diagnostic(.error, at: location, "language \"\(Quoted.escape(fields[0]))\" is listed twice"))
                continue
            }
            languages.append(Language(code: fields[0], name: fields[1], vietnameseName: fields[2]))
        }
    }
}
