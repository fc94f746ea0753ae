/// Reads a review file (`guides/reviews/<guide>.review`): a header of `key: value` lines, then one block per step,
/// `step <id>: shows|differs|skipped` with indented `on:`, `version:`, `text:` and `note:` lines.
enum ReviewParser {
    static let headerKeys = ["review", "started", "version", "finished"]
    static let entryKeys = ["on", "version", "text", "note"]

    /// The review, or nil when the file is too broken to use, and every problem found, located.
    static func parse(_ source: SourceText) -> (review: Review?, diagnostics: [Diagnostic]) {
        var diagnostics = source.diagnostics
        func problem(_ line: Int, _ column: Int, _ message: String) {
            diagnostics.append(Diagnostic(.error, at: SourceLocation(path: source.path, line: line, column: column), message))
        }
        var header: [String: (value: String, line: Int)] = [:]
        var entries: [ReviewEntry] = []
        // The step block being read: its id, result and fields.
        var open: (step: String, result: ReviewResult, line: Int, fields: [String: (String, Int)])?

        func close() {
            guard let block = open else { return }
            open = nil
            let location = SourceLocation(path: source.path, line: block.line, column: 1)
            guard let on = block.fields["on"] else {
                return problem(block.line, 1, "step \"\(block.step)\" has no \"on: YYYY-MM-DD\" line: the day it was answered")
            }
            guard let day = Day(on.0) else { return problem(on.1, 3, "\"on\" must be a date written YYYY-MM-DD") }
            guard let text = block.fields["text"], text.0.count == 8, text.0.allSatisfy(\.isHexDigit) else {
                return problem(block.fields["text"]?.1 ?? block.line, 1,
                    "step \"\(block.step)\" needs a \"text:\" line of 8 hex digits (the step's wording when it was answered)")
            }
            guard !entries.contains(where: { $0.step == block.step }) else {
                return problem(block.line, 1, "step \"\(block.step)\" is answered twice: keep the latest answer only")
            }
            entries.append(ReviewEntry(step: block.step, result: block.result, day: day,
                version: block.fields["version"]?.0, fingerprint: text.0.lowercased(), note: block.fields["note"]?.0,
                location: location))
        }

        for (index, raw) in source.lines.enumerated() {
            let number = index + 1
            let trimmed = raw.trimmingSpaces
            if trimmed.isEmpty || trimmed.hasPrefix("#") { continue }
            let indented = raw.first == " " || raw.first == "\t"
            guard let colon = trimmed.firstIndex(of: ":") else {
                problem(number, 1, "expected \"key: value\"")
                continue
            }
            let key = String(trimmed[..<colon].trimmingSpaces)
            let value = String(trimmed[trimmed.index(after: colon)...].trimmingSpaces)
            if indented {
                guard open != nil else {
                    problem(number, 1, "an indented line belongs to a \"step <id>: …\" line above it")
                    continue
                }
                guard entryKeys.contains(key) else {
                    problem(number, 3, "unknown key \"\(Quoted.escape(key))\" in a step" + Suggestion.suffix(for: key, among: entryKeys))
                    continue
                }
                open?.fields[key] = (value, number)
            } else if key.hasPrefix("step ") {
                close()
                let id = String(key.dropFirst(5).trimmingSpaces)
                guard Identifier.isValid(id) || id.split(separator: ".").allSatisfy({ Identifier.isValid($0) }) else {
                    problem(number, 6, "\"\(Quoted.escape(id))\" is not a step id")
                    continue
                }
                guard let result = ReviewResult(rawValue: value) else {
                    problem(number, 1, "unknown answer \"\(Quoted.escape(value))\": use shows, differs or skipped"
                        + Suggestion.suffix(for: value, among: ReviewResult.allCases.map(\.rawValue)))
                    continue
                }
                open = (id, result, number, [:])
            } else {
                close()
                guard headerKeys.contains(key) else {
                    problem(number, 1, "unknown key \"\(Quoted.escape(key))\"" + Suggestion.suffix(for: key, among: headerKeys + ["step"]))
                    continue
                }
                header[key] = (value, number)
            }
        }
        close()
        let start = SourceLocation(path: source.path, line: 1, column: 1)
        guard let guide = header["review"], Identifier.isValid(guide.value) else {
            diagnostics.append(Diagnostic(.error, at: start, "missing \"review: <guide id>\" (the guide this review is of)"))
            return (nil, diagnostics)
        }
        guard let startedText = header["started"], let started = Day(startedText.value) else {
            diagnostics.append(Diagnostic(.error, at: header["started"].map { SourceLocation(path: source.path, line: $0.line, column: 1) } ?? start,
                "missing or malformed \"started: YYYY-MM-DD\" (the day the review began)"))
            return (nil, diagnostics)
        }
        var finished: Day?
        var finishedLocation: SourceLocation?
        if let text = header["finished"] {
            finishedLocation = SourceLocation(path: source.path, line: text.line, column: 1)
            finished = Day(text.value)
            if finished == nil { problem(text.line, 1, "\"finished\" must be a date written YYYY-MM-DD") }
        }
        return (Review(guide: guide.value, started: started, version: header["version"]?.value ?? "", entries: entries,
            path: source.path, finished: finished, finishedLocation: finishedLocation), diagnostics)
    }
}
