import Guides

extension GuidePrinter {
    /// Styles of the printable page: one self-contained file that prints well on A4.
    static let pageStyle = """
        @page { size: A4; margin: 18mm 16mm; }
        body { font-family: "DejaVu Sans", "Noto Sans", Arial, sans-serif; font-size: 12pt; line-height: 1.4; color: #000;
          max-width: 46em; margin: 1em auto; }
        h1 { font-size: 20pt; margin: 0 0 .2em; } h2 { font-size: 14pt; margin: 1em 0 .3em; border-bottom: 1px solid #999; }
        h3 { font-size: 12.5pt; margin: 1em 0 .3em; } .code { font-size: 16pt; font-weight: bold; }
        .warning { border-left: 4px solid #000; padding: .2em .6em; font-weight: bold; }
        .check { font-style: italic; } ol.choices { margin-top: .3em; } .step { break-inside: avoid; }
        .status, .sources { font-size: 9.5pt; color: #333; } a { color: #000; }
        """

    /// The guide as one self-contained HTML page (no scripts, no external files) for printing or posting.
    func html(_ guide: Guide) -> String {
        let main = guide.mainPath
        var out = ["<!DOCTYPE html>", "<html lang=\"\(ui.language)\">", "<head>", "<meta charset=\"utf-8\">",
            "<title>\(h(ui.text(guide.title)))</title>", "<style>\(Self.pageStyle)</style>", "</head>", "<body>",
            "<h1>\(h(ui.text(guide.title)))</h1>",
            "<p><span class=\"code\">\(h(ui.text(.showCode))) \(h(guide.code))</span></p>",
            "<p>\(h(ui.text(guide.summary)))</p>"]
        func list(_ heading: UIText, _ items: [String]) {
            guard !items.isEmpty else { return }
            out += ["<h2>\(h(ui.text(heading)))</h2>", "<ul>"] + items.map { "<li>\(h($0))</li>" } + ["</ul>"]
        }
        list(.overviewBring, guide.bring.map { ui.text($0) })
        list(.overviewNotHere, guide.notHere.map { ui.text($0) })
        list(.overviewRequires, guide.requires.compactMap { library.guide($0) }.map { "\(ui.text($0.title)) (\(ui.text(.showCode)) \($0.code))" })
        out += ["<p><strong>\(h(ui.text(.overviewFee))):</strong> \(h(ui.text(guide.fee)))<br>",
            "<strong>\(h(ui.text(.overviewTime))):</strong> \(h(ui.text(guide.time)))</p>",
            "<h2>\(h(ui.text(.overviewSteps)))</h2>", "<ol>"]
        out += main.compactMap { guide.step($0) }.map { "<li>\(h(ui.text($0.title)))</li>" } + ["</ol>"]
        for step in guide.steps {
            out += ["<div class=\"step\">", "<h3>\(h(stepHeading(step, mainPath: main)))</h3>"]
            if let body = step.body { out += ui.text(body).split(separator: "\n").map { "<p>\(h(String($0)))</p>" } }
            for warning in step.warnings { out.append("<p class=\"warning\">\(h(ui.text(.showWarning))): \(h(ui.text(warning)))</p>") }
            if let check = step.check { out.append("<p class=\"check\">\(h(ui.text(.showCheck))): \(h(ui.text(check)))</p>") }
            out.append("<ol class=\"choices\">")
            out += step.choices.map { "<li>\(h(ui.text($0.label))) → \(h(describe($0.target, in: guide, mainPath: main)))</li>" }
            out += ["</ol>", "</div>"]
        }
        let sources = Array(Set(guide.sources + guide.steps.flatMap(\.sources))).sorted()
        out += ["<h2>\(h(ui.text(.showSources)))</h2>", "<ul class=\"sources\">"]
        out += sources.map { "<li><a href=\"\(h($0))\">\(h($0))</a></li>" }
        out += ["</ul>", "<p class=\"status\">\(h(statusLine(guide)))</p>", "</body>", "</html>"]
        return out.joined(separator: "\n") + "\n"
    }

    /// Text escaped for HTML, without control characters.
    func h(_ text: String) -> String {
        var out = ""
        for character in TextLayout.sanitize(text) {
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
