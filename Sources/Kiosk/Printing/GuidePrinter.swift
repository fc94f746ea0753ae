import Guides

/// A whole guide as readable, printable text: overview, every step, every choice (for training and handouts).
struct GuidePrinter {
    let library: Library
    /// Words in the printout's language (falling back to Vietnamese line by line).
    let ui: Localizer
    /// Line width of the printout.
    var columns = 72

    /// The printout of `guide`.
    func text(_ guide: Guide) -> String {
        var out: [String] = []
        let mainPath = guide.mainPath
        out.append(ui.text(guide.title))
        out.append(String(repeating: "=", count: min(columns, TextLayout.width(of: ui.text(guide.title)))))
        out.append("\(ui.text(.showCode)): \(guide.code) · \(guide.id)")
        out += wrap(ui.text(guide.summary), indent: "")
        out.append("")
        section(&out, ui.text(.overviewBring), guide.bring.map { ui.text($0) })
        section(&out, ui.text(.overviewNotHere), guide.notHere.map { ui.text($0) })
        section(&out, ui.text(.overviewRequires), guide.requires.map { id in
            library.guide(id).map { "\(ui.text($0.title)) (\(ui.text(.showCode)) \($0.code))" } ?? id
        })
        out += wrap("\(ui.text(.overviewFee)): \(ui.text(guide.fee))", indent: "")
        out += wrap("\(ui.text(.overviewTime)): \(ui.text(guide.time))", indent: "")
        out.append("")
        section(&out, ui.text(.overviewSteps), mainPath.enumerated().compactMap { index, id in
            guide.step(id).map { "\(index + 1). \(ui.text($0.title))" }
        }, bullet: "")
        for step in guide.steps {
            out.append(stepHeading(step, mainPath: mainPath))
            if let body = step.body { out += wrap(ui.text(body), indent: "  ") }
            for warning in step.warnings { out += wrap("\(ui.text(.showWarning)): \(ui.text(warning))", indent: "  ! ", hanging: "    ") }
            if let check = step.check { out += wrap("\(ui.text(.showCheck)): \(ui.text(check))", indent: "  ? ", hanging: "    ") }
            for (index, choice) in step.choices.enumerated() {
                out += wrap("\(index + 1)) \(ui.text(choice.label)) → \(describe(choice.target, in: guide, mainPath: mainPath))",
                    indent: "  ", hanging: "     ")
            }
            out.append("")
        }
        section(&out, ui.text(.showSources), Array(Set(guide.sources + guide.steps.flatMap(\.sources))).sorted())
        out.append(statusLine(guide))
        return out.joined(separator: "\n") + "\n"
    }

    /// "Sources checked on … · Status: sourced (reviewed date)".
    func statusLine(_ guide: Guide) -> String {
        var status = "\(ui.text(.showChecked)) \(guide.checked) · \(ui.text(.showStatus)): \(guide.status.rawValue)"
        if let reviewed = guide.reviewed { status += " (\(reviewed))" }
        return status
    }

    func stepHeading(_ step: Step, mainPath: [String]) -> String {
        let title = Template.fill(ui.text(.stepProgress), [
            "index": mainPath.firstIndex(of: step.id).map { String($0 + 1) } ?? "*", "total": String(mainPath.count),
        ])
        return "\(title) · \(ui.text(step.title))   [\(step.id)]"
    }

    func describe(_ target: Target, in guide: Guide, mainPath: [String]) -> String {
        switch target {
        case .step(let id):
            let title = guide.step(id).map { ui.text($0.title) } ?? id
            let number = mainPath.firstIndex(of: id).map { " \($0 + 1)" } ?? ""
            return "\(ui.text(.showChoiceStep))\(number): \(title)"
        case .guide(let id):
            return "\(ui.text(.showChoiceGuide)): \(library.guide(id).map { ui.text($0.title) } ?? id)"
        case .end(let kind):
            let outcome: UIText = kind == .done ? .showEndDone : kind == .staff ? .endStaff : .endLater
            return "\(ui.text(.showChoiceEnd)) (\(ui.text(outcome)))"
        }
    }

    private func section(_ out: inout [String], _ heading: String, _ items: [String], bullet: String = "• ") {
        guard !items.isEmpty else { return }
        out.append(heading + ":")
        for item in items { out += wrap(bullet + item, indent: "  ", hanging: "  " + String(repeating: " ", count: bullet.count)) }
        out.append("")
    }

    private func wrap(_ text: String, indent: String, hanging: String? = nil) -> [String] {
        let lines = TextLayout.wrap(text, columns: columns - TextLayout.width(of: indent))
        return lines.enumerated().map { ($0.offset == 0 ? indent : hanging ?? indent) + $0.element }
    }
}
