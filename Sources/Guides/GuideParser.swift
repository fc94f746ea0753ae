/// Reads guide (`.guide`) and shared-block (`.steps`) files into raw documents, line by line.
///
/// The parser never throws: every problem becomes a diagnostic with its `path:line:col`, and parsing goes on.
enum GuideParser {
    /// Metadata keys a guide may carry, and whether they may repeat.
    static let guideKeys: [String: Bool] = [
        "guide": false, "code": false, "title": false, "summary": false, "keywords": true, "requires": true,
        "bring": true, "not-here": true, "fee": false, "time": false, "source": true, "checked": false,
        "status": false, "reviewed": false,
    ]
    /// Metadata keys a shared block may carry.
    static let blockKeys: [String: Bool] = ["steps": false, "title": false, "source": true, "checked": false]

    /// Parses checked source text.
    static func parse(_ source: SourceText) -> RawDocument {
        var document = RawDocument(path: source.path)
        document.diagnostics = source.diagnostics
        var current: RawStep?
        for (index, line) in source.lines.enumerated() {
            let number = index + 1
            let location = { (column: Int) in SourceLocation(path: source.path, line: number, column: column) }
            let trimmed = line.drop { $0 == " " || $0 == "\t" }
            if trimmed.isEmpty {
                current?.paragraphOpen = false
                continue
            }
            if trimmed.first == "#" { continue }
            let indent = line.unicodeScalars.count - trimmed.unicodeScalars.count
            if indent > 0 {
                guard var step = current else {
                    document.error(location(indent + 1), "indented line outside a step: steps start with `step id: title` at column 1")
                    continue
                }
                parseStepLine(String(trimmed), column: indent + 1, into: &step, document: &document, location: location)
                current = step
                continue
            }
            if let step = current {
                document.items.append(.step(step))
                current = nil
            }
            if line.hasPrefix("step ") || line == "step" {
                current = parseStepHeader(line, document: &document, location: location)
            } else if line.hasPrefix("use ") || line == "use" {
                let name = line.dropFirst(3).trimmingSpaces
                if !Identifier.isValid(name) {
                    document.error(location(5), "`use` needs the id of a shared block, as in `use dang-nhap-vneid`")
                } else {
                    document.items.append(.use(Located(text: String(name), location: location(5))))
                }
            } else if document.items.isEmpty {
                parseMetadata(line, document: &document, location: location)
            } else {
                document.error(location(1), "metadata must come before the first step; did you forget to indent this line?")
            }
        }
        if let step = current { document.items.append(.step(step)) }
        if document.kind == nil, !source.lines.isEmpty || source.diagnostics.isEmpty {
            document.error(SourceLocation(path: source.path, line: 1, column: 1),
                "missing `guide: id` (or `steps: id` for a shared block) at the top of the file")
        }
        return document
    }

    private static func parseMetadata(_ line: String, document: inout RawDocument, location: (Int) -> SourceLocation) {
        guard let colon = line.firstIndex(of: ":") else {
            document.error(location(1), "expected `key: value`, `step id: title` or `use block-id`")
            return
        }
        let key = String(line[..<colon])
        let rawValue = line[line.index(after: colon)...]
        let value = rawValue.trimmingSpaces
        let valueColumn = line[...colon].unicodeScalars.count + 1 + (rawValue.unicodeScalars.count - rawValue.drop { $0 == " " }.unicodeScalars.count)
        if document.kind == nil, let kind = DocumentKind(rawValue: key) {
            document.kind = kind
        }
        let keys = document.kind == .block ? blockKeys : guideKeys
        guard let repeats = keys[key] else {
            document.error(location(1), "unknown key \"\(key)\"" + Suggestion.suffix(for: key, among: keys.keys))
            return
        }
        guard !value.isEmpty else {
            document.error(location(valueColumn), "\"\(key)\" has no value")
            return
        }
        if !repeats, let earlier = document.first(key) {
            document.error(location(1), "\"\(key)\" is given twice (first at line \(earlier.location.line))")
            return
        }
        let located = Located(text: String(value), location: location(valueColumn))
        if key == DocumentKind.guide.rawValue || key == DocumentKind.block.rawValue {
            if DocumentKind(rawValue: key) != document.kind {
                document.error(location(1), "a file is either a guide (`guide:`) or a shared block (`steps:`), not both")
                return
            }
            if !Identifier.isValid(value) {
                document.error(located.location, "invalid id \"\(value)\": use a-z, 0-9 and -, starting with a letter")
            }
            document.id = located
        }
        document.metadata[key, default: []].append(located)
    }

    private static func parseStepHeader(_ line: String, document: inout RawDocument, location: (Int) -> SourceLocation) -> RawStep? {
        let rest = line.dropFirst(5)
        guard let colon = rest.firstIndex(of: ":") else {
            document.error(location(1), "a step header is `step id: title`")
            return nil
        }
        let id = rest[..<colon].trimmingSpaces
        let title = rest[rest.index(after: colon)...].trimmingSpaces
        if !Identifier.isValid(id) {
            document.error(location(6), "invalid step id \"\(id)\": use a-z, 0-9 and -, starting with a letter")
            return nil
        }
        if title.isEmpty {
            document.error(location(line.unicodeScalars.count + 1), "step \"\(id)\" has no title after the colon")
        }
        let titleColumn = line.unicodeScalars.count - title.unicodeScalars.count + 1
        return RawStep(id: Located(text: String(id), location: location(6)),
            title: Located(text: String(title), location: location(titleColumn)))
    }

    private static func parseStepLine(
        _ text: String, column: Int, into step: inout RawStep, document: inout RawDocument, location: (Int) -> SourceLocation
    ) {
        let marker = text.first
        let content = text.dropFirst().trimmingSpaces
        let contentColumn = column + text.unicodeScalars.count - content.unicodeScalars.count
        switch marker {
        case "!":
            step.warnings.append(Located(text: String(content), location: location(contentColumn)))
        case "?":
            if step.check != nil {
                document.error(location(column), "step \"\(step.id.text)\" has a second check question; keep one")
            } else {
                step.check = Located(text: String(content), location: location(contentColumn))
            }
        case "-":
            guard let arrow = content.range(of: "->") else {
                document.error(location(column), "a choice is `- answer -> target`; this one has no `->`")
                return
            }
            let label = content[..<arrow.lowerBound].trimmingSpaces
            let target = content[arrow.upperBound...].trimmingSpaces
            let targetColumn = column + text.unicodeScalars.count - target.unicodeScalars.count
            if label.isEmpty { document.error(location(contentColumn), "this choice has no answer text before `->`") }
            if target.isEmpty { document.error(location(targetColumn), "this choice has no target after `->`") }
            guard !label.isEmpty, !target.isEmpty else { return }
            step.choices.append(RawChoice(label: Located(text: String(label), location: location(contentColumn)),
                target: Located(text: String(target), location: location(targetColumn))))
        default:
            if text.hasPrefix("source:") {
                let url = text.dropFirst(7).trimmingSpaces
                step.sources.append(Located(text: String(url), location: location(column + 7)))
                return
            }
            if !step.choices.isEmpty {
                document.error(location(column), "body text after the choices; put the text before the first `-` line")
                return
            }
            if step.paragraphOpen, let last = step.paragraphs.popLast() {
                step.paragraphs.append(last + " " + text)
            } else {
                step.paragraphs.append(text)
            }
            step.paragraphOpen = true
        }
    }
}

extension StringProtocol {
    /// The text without leading and trailing spaces and tabs.
    var trimmingSpaces: SubSequence {
        let isSpace = { (c: Character) in c == " " || c == "\t" }
        guard let start = firstIndex(where: { !isSpace($0) }), let end = lastIndex(where: { !isSpace($0) }) else {
            return self[endIndex...]
        }
        return self[start...end]
    }
}
