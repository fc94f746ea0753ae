/// The plain-words list (`guides/plain-words.txt`): words that confused first-time smartphone users at the counter,
/// each with the plain way to say it or the explanation to give. `kiosk check` applies it to the Vietnamese text of
/// every guide as warnings. A label the citizen must find on the phone stays as the phone shows it, in quotes
/// (`"passcode"`), and the first time a file quotes it outside a title, an explanation in brackets follows:
/// `"passcode" (mã 6 số…)`. A title stays short; the text under it explains.
public struct PlainWords: Sendable {
    struct Entry: Sendable {
        let word: String
        /// The word lowercased, to find it in any case.
        let folded: String
        let advice: String
        let line: Int
    }

    let path: String
    var entries: [Entry] = []
    /// Problems of the list itself (bad lines, words given twice).
    public private(set) var diagnostics: [Diagnostic] = []

    /// Reads the list at `path`.
    public init(contentsOf path: String) {
        self.init(SourceText(contentsOf: path))
    }

    init(_ source: SourceText) {
        path = source.path
        diagnostics = source.diagnostics
        var seen: [String: Int] = [:]
        for (index, line) in source.lines.enumerated() {
            let trimmed = line.trimmingSpaces
            if trimmed.isEmpty || trimmed.first == "#" { continue }
            let location = SourceLocation(path: source.path, line: index + 1, column: 1)
            guard let equals = line.firstIndex(of: "=") else {
                diagnostics.append(Diagnostic(.error, at: location, "expected `word = plain words or explanation`"))
                continue
            }
            let word = String(line[..<equals].trimmingSpaces)
            let advice = String(line[line.index(after: equals)...].trimmingSpaces)
            guard !word.isEmpty, !advice.isEmpty else {
                diagnostics.append(Diagnostic(.error, at: location, "both the word and the plain words are needed"))
                continue
            }
            let folded = word.lowercased()
            if let earlier = seen[folded] {
                diagnostics.append(Diagnostic(.error, at: location, "\"\(Quoted.escape(word))\" is given twice (first at line \(earlier))"))
                continue
            }
            seen[folded] = index + 1
            entries.append(Entry(word: word, folded: folded, advice: advice, line: index + 1))
        }
    }

    /// Warnings for every unexplained hard word in the Vietnamese text of `library`'s guides (shared blocks once).
    public func check(_ library: Library) -> [Diagnostic] {
        var lines: [SourceLocation: (line: Line, isTitle: Bool)] = [:]
        for guide in library.guides {
            for (line, isTitle) in Self.lines(of: guide) { if let location = line.location { lines[location] = (line, isTitle) } }
        }
        var diagnostics: [Diagnostic] = []
        // Reading order within each file: the first quoted use must carry the explanation.
        var explained = Set<String>()
        let ordered = lines.sorted { ($0.key.path, $0.key.line, $0.key.column) < ($1.key.path, $1.key.line, $1.key.column) }
        for (location, (line, isTitle)) in ordered {
            for entry in entries {
                for use in Self.uses(of: entry.folded, in: line.text) {
                    let at = SourceLocation(path: location.path, line: location.line, column: location.column + use.offset)
                    let reference = "(\(path):\(entry.line))"
                    if !use.quoted {
                        diagnostics.append(Diagnostic(.warning, at: at, "\"\(Quoted.escape(entry.word))\" is not a word every "
                            + "citizen knows: say \"\(Quoted.escape(entry.advice))\", or quote it as the phone shows it and "
                            + "explain it \(reference)"))
                    } else if !isTitle, explained.insert(location.path + "\u{0}" + entry.folded).inserted, !use.explained {
                        diagnostics.append(Diagnostic(.warning, at: at, "\"\(Quoted.escape(entry.word))\" is quoted as the "
                            + "phone shows it but not explained at its first use in this file: add \"(\(Quoted.escape(entry.advice)))\" "
                            + "after it \(reference)"))
                    }
                }
            }
        }
        return diagnostics
    }

    /// Every Vietnamese line a citizen reads in `guide`, and whether it is a title.
    static func lines(of guide: Guide) -> [(Line, Bool)] {
        var lines = [(guide.title, true)] + ([guide.summary, guide.fee, guide.time] + guide.bring + guide.notHere).map { ($0, false) }
        for step in guide.steps {
            lines.append((step.title, true))
            lines += ((step.body.map { [$0] } ?? []) + step.warnings + (step.check.map { [$0] } ?? []) + step.choices.map(\.label))
                .map { ($0, false) }
        }
        return lines
    }

    /// One place a word is used: its offset in characters, whether it is inside quotes, and whether an explanation in
    /// brackets follows the closing quote.
    struct Use: Equatable {
        let offset: Int
        let quoted: Bool
        let explained: Bool
    }

    /// The uses of `word` (lowercased) in `text` as a whole word.
    static func uses(of word: String, in text: String) -> [Use] {
        let characters = Array(text.lowercased())
        let target = Array(word)
        guard !target.isEmpty, characters.count >= target.count else { return [] }
        var uses: [Use] = []
        var quoteOpen: Int?
        var quotes: [(open: Int, close: Int)] = []
        for (index, character) in characters.enumerated() where character == "\"" || character == "“" || character == "”" {
            if let open = quoteOpen { quotes.append((open, index)); quoteOpen = nil } else { quoteOpen = index }
        }
        for start in 0...(characters.count - target.count) where Array(characters[start..<(start + target.count)]) == target {
            let before = start > 0 ? characters[start - 1] : " "
            let after = start + target.count < characters.count ? characters[start + target.count] : " "
            guard !before.isLetter, !before.isNumber, !after.isLetter, !after.isNumber else { continue }
            if let span = quotes.first(where: { $0.open < start && start + target.count <= $0.close }) {
                let rest = characters[(span.close + 1)...].drop { $0 == " " }
                uses.append(Use(offset: start, quoted: true, explained: rest.first == "("))
            } else {
                uses.append(Use(offset: start, quoted: false, explained: false))
            }
        }
        return uses
    }
}
