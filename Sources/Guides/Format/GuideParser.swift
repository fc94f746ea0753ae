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
    /// Metadata keys whose lines are items of a list, each with its own id.
    static let itemKeys: Set<String> = ["bring", "not-here"]
    /// Metadata keys a shared block may carry.
    static let blockKeys: [String: Bool] = ["steps": false, "title": false, "source": true, "checked": false]

    /// Parses checked source text.
    static func parse(_ source: SourceText) -> RawDocument {
        var document = RawDocument(path: source.path)
        document.diagnostics = source.diagnostics
        var current: RawStep?
        for index in 0..<source.lineCount {
            source.withLine(index) { line in
                parseLine(line, number: index + 1, current: &current, document: &document)
            }
        }
        if let step = current { document.items.append(.step(step)) }
        if document.kind == nil, source.lineCount > 0 || source.diagnostics.isEmpty {
            document.error(SourceLocation(path: source.path, line: 1, column: 1),
                "missing `guide: id` (or `steps: id` for a shared block) at the top of the file")
        }
        return document
    }

    /// Parses one line: a comment, a blank, a metadata line, a step header, a `use` line, or a line of the current step.
    private static func parseLine(_ line: LineView, number: Int, current: inout RawStep?, document: inout RawDocument) {
        let path = document.path
        let location = { (offset: Int) in SourceLocation(path: path, line: number, column: line.column(offset)) }
        let start = line.skipSpaces(from: 0)
        if start == line.count {
            current?.paragraphOpen = false
            return
        }
        if line.bytes[start] == UInt8(ascii: "#") { return }
        if start > 0 {
            guard var step = current else {
                document.error(location(start), "indented line outside a step: steps start with `step id: title` at column 1")
                return
            }
            parseStepLine(line, start: start, into: &step, document: &document, location: location)
            current = step
            return
        }
        if let step = current {
            document.items.append(.step(step))
            current = nil
        }
        if line.has("step ", at: 0) || (line.count == 4 && line.has("step", at: 0)) {
            current = parseStepHeader(line, document: &document, location: location)
        } else if line.has("use ", at: 0) || (line.count == 3 && line.has("use", at: 0)) {
            let name = line.text(3, line.count)
            if !Identifier.isValid(name) {
                document.error(location(4), "`use` needs the id of a shared block, as in `use dang-nhap-vneid`")
            } else {
                document.items.append(.use(Located(text: name, location: location(line.skipSpaces(from: 3)))))
            }
        } else if document.items.isEmpty {
            parseMetadata(line, document: &document, location: location)
        } else {
            document.error(location(0), "metadata must come before the first step; did you forget to indent this line?")
        }
    }

    private static func parseMetadata(_ line: LineView, document: inout RawDocument, location: (Int) -> SourceLocation) {
        guard let colon = line.find(UInt8(ascii: ":")) else {
            document.error(location(0), "expected `key: value`, `step id: title` or `use block-id`")
            return
        }
        var key = line.text(0, colon)
        let value = line.text(colon + 1, line.count)
        // `bring` and `not-here` lines carry their own id (`bring giay-chung-sinh: …`), so that inserting, removing or
        // reordering one never changes another's identity in the translation catalogs.
        var itemID: String?
        if let space = key.firstIndex(of: " ") {
            itemID = String(key[key.index(after: space)...].trimmingSpaces)
            key = String(key[..<space])
        }
        let valueOffset = line.skipSpaces(from: colon + 1)
        if document.kind == nil, let kind = DocumentKind(rawValue: key) {
            document.kind = kind
        }
        let keys = document.kind == .block ? blockKeys : guideKeys
        guard let repeats = keys[key] else {
            document.error(location(0), "unknown key \"\(key)\"" + Suggestion.suffix(for: key, among: keys.keys))
            return
        }
        guard !value.isEmpty else {
            document.error(location(valueOffset), "\"\(key)\" has no value")
            return
        }
        if !repeats, let earlier = document.first(key) {
            document.error(location(0), "\"\(key)\" is given twice (first at line \(earlier.location.line))")
            return
        }
        var located = Located(text: value, location: location(valueOffset))
        if Self.itemKeys.contains(key) {
            guard let id = itemID, Identifier.isValid(id) else {
                document.error(location(0), "a `\(key)` line needs its own id, as in `\(key) \(Self.suggestedID(value)): …`: "
                    + "translations key on it (a-z, 0-9 and -, starting with a letter)")
                return
            }
            if let earlier = document.all(key).first(where: { $0.id == id }) {
                document.error(location(key.utf8.count + 1), "\(key) id \"\(id)\" is used twice (first at line \(earlier.location.line))")
                return
            }
            located.id = id
        } else if itemID != nil {
            document.error(location(0), "unknown key \"\(key) \(itemID ?? "")\": only `bring` and `not-here` lines carry an id")
            return
        }
        if key == DocumentKind.guide.rawValue || key == DocumentKind.block.rawValue {
            if DocumentKind(rawValue: key) != document.kind {
                document.error(location(0), "a file is either a guide (`guide:`) or a shared block (`steps:`), not both")
                return
            }
            if !Identifier.isValid(value) {
                document.error(located.location, "invalid id \"\(value)\": use a-z, 0-9 and -, starting with a letter")
            }
            document.id = located
        }
        document.metadata[key, default: []].append(located)
    }

    private static func parseStepHeader(_ line: LineView, document: inout RawDocument, location: (Int) -> SourceLocation) -> RawStep? {
        guard let colon = line.find(UInt8(ascii: ":"), from: 5) else {
            document.error(location(0), "a step header is `step id: title`")
            return nil
        }
        let id = line.text(5, colon)
        let title = line.text(colon + 1, line.count)
        if !Identifier.isValid(id) {
            document.error(location(5), "invalid step id \"\(id)\": use a-z, 0-9 and -, starting with a letter")
            return nil
        }
        if title.isEmpty {
            document.error(location(line.count), "step \"\(id)\" has no title after the colon")
        }
        return RawStep(id: Located(text: id, location: location(line.skipSpaces(from: 5))),
            title: Located(text: title, location: location(line.skipSpaces(from: colon + 1))))
    }

    private static func parseStepLine(
        _ line: LineView, start: Int, into step: inout RawStep, document: inout RawDocument, location: (Int) -> SourceLocation
    ) {
        let marker = line.bytes[start]
        let contentOffset = line.skipSpaces(from: start + 1)
        switch marker {
        case UInt8(ascii: "!"):
            // A line without its id is reported and kept under the suggested id, so the rest of the step still checks.
            let found = itemID(line, from: contentOffset, end: line.count)
            let (id, textOffset) = found ?? (Self.suggestedID(line.text(contentOffset, line.count)), contentOffset)
            if found == nil {
                document.error(location(contentOffset), "a warning is `! id: text`, as in `! \(id): \(line.text(contentOffset, line.count).prefix(30))…`: "
                    + "translations key on the id")
            }
            if step.warnings.contains(where: { $0.id == id }) {
                document.error(location(contentOffset), "warning id \"\(id)\" is used twice in step \"\(step.id.text)\"")
                return
            }
            let warning = line.text(textOffset, line.count)
            if warning.isEmpty { document.error(location(contentOffset), "warning \"\(id)\" has no text after its id") }
            step.warnings.append(Located(text: warning, location: location(textOffset), id: id))
        case UInt8(ascii: "?"):
            if step.check != nil {
                document.error(location(start), "step \"\(step.id.text)\" has a second check question; keep one")
            } else if line.text(contentOffset, line.count).isEmpty {
                document.error(location(start), "the check question after `?` is empty")
            } else {
                step.check = Located(text: line.text(contentOffset, line.count), location: location(contentOffset))
            }
        case UInt8(ascii: "-"):
            guard let arrow = line.findArrow(from: start + 1) else {
                document.error(location(start), "a choice is `- answer -> target`; this one has no `->`")
                return
            }
            let found = itemID(line, from: contentOffset, end: arrow)
            let (id, labelOffset) = found ?? (Self.suggestedID(line.text(start + 1, arrow)), contentOffset)
            if found == nil {
                document.error(location(contentOffset), "a choice is `- id: answer -> target`, as in `- \(id): "
                    + "\(line.text(start + 1, arrow).prefix(30)) -> …`: translations key on the id")
            }
            let label = line.text(labelOffset, arrow)
            let target = line.text(arrow + 2, line.count)
            let targetOffset = line.skipSpaces(from: arrow + 2)
            if label.isEmpty { document.error(location(labelOffset), "this choice has no answer text before `->`") }
            if target.isEmpty { document.error(location(targetOffset), "this choice has no target after `->`") }
            if let earlier = step.choices.first(where: { $0.label.id == id }) {
                document.error(location(contentOffset), "choice id \"\(id)\" is used twice in step \"\(step.id.text)\" "
                    + "(first at line \(earlier.location.line))")
                return
            }
            guard !label.isEmpty, !target.isEmpty else { return }
            step.choices.append(RawChoice(label: Located(text: label, location: location(labelOffset), id: id),
                target: Located(text: target, location: location(targetOffset)), location: location(contentOffset)))
        default:
            if line.has("source:", at: start) {
                let urlOffset = line.skipSpaces(from: start + 7)
                step.sources.append(Located(text: line.text(urlOffset, line.count), location: location(urlOffset)))
                return
            }
            if !step.choices.isEmpty {
                document.error(location(start), "body text after the choices; put the text before the first `-` line")
                return
            }
            let text = line.text(start, line.count)
            if step.bodyLocation == nil { step.bodyLocation = location(start) }
            if step.paragraphOpen, let last = step.paragraphs.popLast() {
                step.paragraphs.append(last + " " + text)
            } else {
                step.paragraphs.append(text)
            }
            step.paragraphOpen = true
        }
    }
}

extension GuideParser {
    /// Reads `id:` at `from` (before `end`): the id and the offset of the text after the colon, or nil when the line
    /// does not start with a valid id and a colon.
    fileprivate static func itemID(_ line: LineView, from: Int, end: Int) -> (String, Int)? {
        guard let colon = line.find(UInt8(ascii: ":"), from: from), colon < end else { return nil }
        // `https://…` is text, not an id: the id's colon ends the word.
        guard colon + 1 >= line.count || line.bytes[colon + 1] == 0x20 || line.bytes[colon + 1] == 0x09 else { return nil }
        let id = line.text(from, colon)
        guard Identifier.isValid(id) else { return nil }
        return (id, line.skipSpaces(from: colon + 1))
    }

    /// An id made from the first words of `text` without accents (`Giấy chứng sinh của bé` → `giay-chung-sinh`),
    /// offered when a line lacks its id.
    static func suggestedID(_ text: String) -> String {
        let words = TextFolding.tokens(text)
            .map { String(String.UnicodeScalarView($0.unicodeScalars.filter { ("a"..."z").contains($0) || ("0"..."9").contains($0) })) }
            .filter { !$0.isEmpty }
        var id = words.prefix(3).joined(separator: "-")
        if let first = id.unicodeScalars.first, !("a"..."z").contains(first) { id = "x-" + id }
        return id.isEmpty ? "id" : String(id.prefix(40))
    }
}
