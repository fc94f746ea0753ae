import Guides

/// Writes a printable document as Markdown, for a commune web page or a chat group.
struct MarkdownWriter {
    func write(_ document: PrintDocument) -> String {
        var out: [String] = []
        for block in document.blocks {
            switch block {
            case .title(let text, _):
                out += ["# \(md(text))", ""]
            case .code(let label, let code):
                out += ["**\(md(label)):** \(md(code))", ""]
            case .paragraph(let text):
                out += [md(text), ""]
            case .list(let heading, let items):
                guard !items.isEmpty else { continue }
                out += ["## \(md(heading))", ""] + items.map { "- " + md($0) } + [""]
            case .numbered(let heading, let items):
                guard !items.isEmpty else { continue }
                out += ["## \(md(heading))", ""] + items.enumerated().map { "\($0.offset + 1). \(md($0.element))" } + [""]
            case .facts(let facts):
                for fact in facts { out += ["**\(md(fact.label)):** \(md(fact.text))", ""] }
            case .step(let step):
                out += ["### \(md(step.heading))", ""]
                if !step.paragraphs.isEmpty { out += [step.paragraphs.map(md).joined(separator: "\n\n"), ""] }
                for warning in step.warnings { out += ["> **\(md(warning.label)):** \(md(warning.text))", ""] }
                if let check = step.check { out += ["**\(md(check.label)):** \(md(check.text))", ""] }
                out += step.choices.enumerated().map { "\($0.offset + 1). \(md($0.element))" }
                out.append("")
            case .links(let heading, let sources):
                guard !sources.isEmpty else { continue }
                out += ["## \(md(heading))", ""] + sources.map { source in
                    guard let url = source.url else { return "- \(md(source.text))" }
                    return "- <\(link(url))>" + (source.note.map { " " + md($0) } ?? "")
                } + [""]
            case .note(let text):
                out.append("_\(md(text))_")
            case .codes(let rows):
                out += rows.map { "- **\(md($0.label))** \(md($0.text))" } + [""]
            case .warning(let text):
                out += ["**\(md(text))**", ""]
            }
        }
        return out.joined(separator: "\n") + "\n"
    }

    /// Text with Markdown's special characters escaped.
    func md(_ text: String) -> String {
        var out = ""
        for character in TextLayout.sanitize(text, keepNewlines: true) {
            if "\\`*_{}[]<>#|".contains(character) { out.append("\\") }
            out.append(character)
        }
        return out
    }

    /// A web address inside `<…>`: no spaces, angle brackets or controls.
    private func link(_ url: String) -> String {
        String(TextLayout.sanitize(url).filter { $0 != "<" && $0 != ">" && $0 != " " })
    }
}
