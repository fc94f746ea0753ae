import Guides

/// Writes a printable document as one self-contained HTML page (no scripts, no external files) that prints on A4.
struct HTMLWriter {
    /// Styles of the printable page.
    static let pageStyle = """
        @page { size: A4; margin: 18mm 16mm; }
        body { font-family: "Noto Sans", "DejaVu Sans", Arial, sans-serif; font-size: 12pt; line-height: 1.4; color: #000;
          max-width: 46em; margin: 1em auto; }
        h1 { font-size: 20pt; margin: 0 0 .2em; } h2 { font-size: 14pt; margin: 1em 0 .3em; border-bottom: 1px solid #999; }
        h3 { font-size: 12.5pt; margin: 1em 0 .3em; } .code { font-size: 16pt; font-weight: bold; }
        .warning { border-left: 4px solid #000; padding: .2em .6em; font-weight: bold; }
        .check { font-style: italic; } ol.choices { margin-top: .3em; } .step { break-inside: avoid; }
        .status, .sources { font-size: 9.5pt; color: #333; } a { color: #000; }
        """

    func write(_ document: PrintDocument) -> String {
        var out = ["<!DOCTYPE html>", "<html lang=\"\(h(document.language))\">", "<head>", "<meta charset=\"utf-8\">",
            "<title>\(h(document.title))</title>", "<style>\(Self.pageStyle)\(document.extraStyle)</style>", "</head>", "<body>"]
        for block in document.blocks {
            switch block {
            case .title(let text, _):
                out.append("<h1>\(h(text))</h1>")
            case .code(let label, let code):
                out.append("<p><span class=\"code\">\(h(label)) \(h(code))</span></p>")
            case .paragraph(let text):
                out.append("<p>\(h(text))</p>")
            case .list(let heading, let items):
                guard !items.isEmpty else { continue }
                out += ["<h2>\(h(heading))</h2>", "<ul>"] + items.map { "<li>\(h($0))</li>" } + ["</ul>"]
            case .numbered(let heading, let items):
                guard !items.isEmpty else { continue }
                out += ["<h2>\(h(heading))</h2>", "<ol>"] + items.map { "<li>\(h($0))</li>" } + ["</ol>"]
            case .facts(let facts):
                for (index, fact) in facts.enumerated() {
                    out.append((index == 0 ? "<p>" : "") + "<strong>\(h(fact.label)):</strong> \(h(fact.text))"
                        + (index == facts.count - 1 ? "</p>" : "<br>"))
                }
            case .step(let step):
                out += ["<div class=\"step\">", "<h3>\(h(step.heading))</h3>"]
                out += step.paragraphs.map { "<p>\(h($0))</p>" }
                out += step.warnings.map { "<p class=\"warning\">\(h($0.label)): \(h($0.text))</p>" }
                if let check = step.check { out.append("<p class=\"check\">\(h(check.label)): \(h(check.text))</p>") }
                out += ["<ol class=\"choices\">"] + step.choices.map { "<li>\(h($0))</li>" } + ["</ol>", "</div>"]
            case .links(let heading, let sources):
                guard !sources.isEmpty else { continue }
                out += ["<h2>\(h(heading))</h2>", "<ul class=\"sources\">"] + sources.map { source in
                    guard let url = source.url else { return "<li>\(h(source.text))</li>" }
                    return "<li><a href=\"\(h(url))\">\(h(url))</a>" + (source.note.map { " " + h($0) } ?? "") + "</li>"
                } + ["</ul>"]
            case .note(let text):
                out.append("<p class=\"status\">\(h(text))</p>")
            case .codes(let rows):
                out += ["<table>"] + rows.map { "<tr><td class=\"code\">\(h($0.label))</td><td>\(h($0.text))</td></tr>" } + ["</table>"]
            case .warning(let text):
                out.append("<p class=\"warning\">\(h(text))</p>")
            }
        }
        out += ["</body>", "</html>"]
        return out.joined(separator: "\n") + "\n"
    }

    /// Text escaped for HTML, without control characters.
    func h(_ text: String) -> String { Self.escape(text) }

    /// Text escaped for HTML (element text and double-quoted attributes), sanitized, on one line.
    static func escape(_ text: String) -> String {
        var out = ""
        for character in TextLayout.sanitize(text.replacingOccurrences(of: "\n", with: " ")) {
            switch character {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            default: out.append(character)
            }
        }
        return out
    }
}
