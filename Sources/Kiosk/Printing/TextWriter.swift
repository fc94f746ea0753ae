import Guides

/// Writes a printable document as plain text, wrapped by display width.
struct TextWriter {
    /// Line width of the printout.
    var columns = 72

    func write(_ document: PrintDocument) -> String {
        var out: [String] = []
        for block in document.blocks {
            switch block {
            case .title(let text, let underlined):
                if underlined {
                    // As wide as the title's widest line in display columns (a long title wraps first).
                    let lines = TextLayout.wrap(text, columns: columns)
                    out += lines + [String(repeating: "=", count: lines.map { TextLayout.width(of: $0) }.max() ?? 0)]
                } else {
                    out += wrap(text, indent: "") + [""]
                }
            case .code(let label, let code):
                out.append("\(label): \(code)")
            case .paragraph(let text):
                out += wrap(text, indent: "") + [""]
            case .list(let heading, let items):
                out += section(heading, items, bullet: "• ")
            case .numbered(let heading, let items):
                guard !items.isEmpty else { continue }
                out += section(heading, items.enumerated().map { "\($0.offset + 1). \($0.element)" }, bullet: "")
            case .facts(let facts):
                for fact in facts { out += wrap("\(fact.label): \(fact.text)", indent: "") }
                out.append("")
            case .step(let step):
                out.append(step.heading)
                if !step.paragraphs.isEmpty { out += wrap(step.paragraphs.joined(separator: "\n"), indent: "  ") }
                for warning in step.warnings { out += wrap("\(warning.label): \(warning.text)", indent: "  ! ", hanging: "    ") }
                if let check = step.check { out += wrap("\(check.label): \(check.text)", indent: "  ? ", hanging: "    ") }
                for (index, choice) in step.choices.enumerated() {
                    out += wrap("\(index + 1)) \(choice)", indent: "  ", hanging: "     ")
                }
                out.append("")
            case .links(let heading, let sources):
                out += section(heading, sources.map(\.text), bullet: "• ")
            case .note(let text):
                out.append(text)
            case .codes(let rows):
                for row in rows {
                    let code = row.label.count < 4 ? String(repeating: " ", count: 4 - row.label.count) + row.label : row.label
                    let title = TextLayout.wrap(row.text, columns: columns - 8)
                    out += title.enumerated().map { ($0.offset == 0 ? "  \(code)  " : String(repeating: " ", count: 8)) + $0.element }
                }
                out.append("")
            case .warning(let text):
                out += wrap(text, indent: "")
            }
        }
        return out.joined(separator: "\n") + "\n"
    }

    private func section(_ heading: String, _ items: [String], bullet: String) -> [String] {
        guard !items.isEmpty else { return [] }
        var out = [heading + ":"]
        for item in items { out += wrap(bullet + item, indent: "  ", hanging: "  " + String(repeating: " ", count: bullet.count)) }
        return out + [""]
    }

    private func wrap(_ text: String, indent: String, hanging: String? = nil) -> [String] {
        let lines = TextLayout.wrap(text, columns: columns - TextLayout.width(of: indent))
        return lines.enumerated().map { ($0.offset == 0 ? indent : hanging ?? indent) + $0.element }
    }
}
