/// The Vietnamese source text of the interface words, read from `locales/ui.vi.txt` (`key = text` lines).
public struct UICatalog: Sendable {
    private var texts: [UIText: String] = [:]
    /// The line each text is written on.
    private var lines: [UIText: Int] = [:]
    /// Problems found while reading the file (unknown keys, missing keys, bad lines).
    public private(set) var diagnostics: [Diagnostic] = []

    /// Every key by its text: one hash lookup per line (`UIText(rawValue:)` compares with each case in turn, and the
    /// catalog is read before the first screen).
    private static let keys = Dictionary(uniqueKeysWithValues: UIText.allCases.map { ($0.rawValue, $0) })

    /// An empty catalog: every text shows its key (used only when the file cannot be read).
    init() {}

    /// Reads and checks the catalog at `path`.
    public init(contentsOf path: String) {
        self.init(SourceText(contentsOf: path))
    }

    /// Reads checked source text.
    init(_ source: SourceText) {
        diagnostics = source.diagnostics
        var seen: [UIText: Int] = [:]
        for (index, line) in source.lines.enumerated() {
            let number = index + 1
            let trimmed = line.trimmingSpaces
            if trimmed.isEmpty || trimmed.first == "#" { continue }
            let location = SourceLocation(path: source.path, line: number, column: 1)
            guard let equals = line.firstIndex(of: "=") else {
                diagnostics.append(Diagnostic(.error, at: location, "expected `key = text`"))
                continue
            }
            let keyText = String(line[..<equals].trimmingSpaces)
            let value = String(line[line.index(after: equals)...].trimmingSpaces)
            guard let key = Self.keys[keyText] else {
                diagnostics.append(Diagnostic(.error, at: location, "unknown interface key \"\(Quoted.escape(keyText))\""
                    + Suggestion.suffix(for: keyText, among: UIText.allCases.map(\.rawValue))))
                continue
            }
            if let earlier = seen[key] {
                diagnostics.append(Diagnostic(.error, at: location, "\"\(Quoted.escape(keyText))\" is given twice (first at line \(earlier))"))
                continue
            }
            seen[key] = number
            texts[key] = value
            lines[key] = number
        }
        let end = SourceLocation(path: source.path, line: max(1, source.lineCount), column: 1)
        for key in UIText.allCases where texts[key] == nil && source.lineCount > 0 {
            diagnostics.append(Diagnostic(.error, at: end, "missing interface text \"\(key.rawValue)\""))
        }
    }

    /// The line of the file where `key` is written.
    func line(of key: UIText) -> Int? { lines[key] }

    /// The Vietnamese text for `key`, or the key itself when it is missing (never empty on screen).
    func text(_ key: UIText) -> String { texts[key] ?? key.rawValue }

    /// The text for `key` with `{name}` placeholders filled from `values`.
    func text(_ key: UIText, _ values: [String: String]) -> String {
        Template.fill(text(key), values)
    }
}
