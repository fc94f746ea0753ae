import Guides

extension GuidePrinter {
    /// The guide as Markdown, for a commune web page or a chat group.
    func markdown(_ guide: Guide) -> String {
        let main = guide.mainPath
        var out = ["# \(md(ui.text(guide.title)))", "", "**\(md(ui.text(.showCode))):** \(guide.code)", "", md(ui.text(guide.summary)), ""]
        func list(_ heading: UIText, _ items: [String]) {
            guard !items.isEmpty else { return }
            out += ["## \(md(ui.text(heading)))", ""] + items.map { "- " + md($0) } + [""]
        }
        list(.overviewBring, guide.bring.map { ui.text($0) })
        list(.overviewNotHere, guide.notHere.map { ui.text($0) })
        list(.overviewRequires, guide.requires.compactMap { library.guide($0) }.map { "\(ui.text($0.title)) (\(ui.text(.showCode)) \($0.code))" })
        out += ["**\(md(ui.text(.overviewFee))):** \(md(ui.text(guide.fee)))", "",
            "**\(md(ui.text(.overviewTime))):** \(md(ui.text(guide.time)))", ""]
        out += ["## \(md(ui.text(.overviewSteps)))", ""]
        out += main.enumerated().compactMap { index, id in guide.step(id).map { "\(index + 1). \(md(ui.text($0.title)))" } } + [""]
        for step in guide.steps {
            out += ["### \(md(stepHeading(step, mainPath: main)))", ""]
            if let body = step.body { out += [md(ui.text(body)).replacingOccurrences(of: "\n", with: "\n\n"), ""] }
            for warning in step.warnings { out += ["> **\(md(ui.text(.showWarning))):** \(md(ui.text(warning)))", ""] }
            if let check = step.check { out += ["**\(md(ui.text(.showCheck))):** \(md(ui.text(check)))", ""] }
            for (index, choice) in step.choices.enumerated() {
                out.append("\(index + 1). \(md(ui.text(choice.label))) → \(md(describe(choice.target, in: guide, mainPath: main)))")
            }
            out.append("")
        }
        let sources = Array(Set(guide.sources + guide.steps.flatMap(\.sources))).sorted()
        out += ["## \(md(ui.text(.showSources)))", ""] + sources.map { "- <\($0)>" } + [""]
        out.append("_\(md(statusLine(guide)))_")
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
}
