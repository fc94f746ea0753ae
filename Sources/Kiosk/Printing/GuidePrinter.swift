import Guides

/// A whole guide as a printable document: overview, every step, every choice (for training and handouts), and the
/// poster of the citizen menu. The writers (text, Markdown, HTML) decide only the layout.
struct GuidePrinter {
    let library: Library
    /// Words in the printout's language (falling back to Vietnamese line by line).
    let ui: Localizer

    /// The handout of `guide`.
    func document(_ guide: Guide) -> PrintDocument {
        let mainPath = guide.mainPath
        var document = PrintDocument(language: ui.language, title: ui.text(guide.title))
        document.blocks = [
            .title(ui.text(guide.title), underlined: true),
            .code(label: ui.text(.showCode), code: guide.code, id: guide.id),
            .paragraph(ui.text(guide.summary)),
            .list(heading: ui.text(.overviewBring), items: guide.bring.map { ui.text($0) }),
            .list(heading: ui.text(.overviewNotHere), items: guide.notHere.map { ui.text($0) }),
            .list(heading: ui.text(.overviewRequires), items: guide.requires.map { id in
                library.guide(id).map { "\(ui.text($0.title)) (\(ui.text(.showCode)) \($0.code))" } ?? id
            }),
            .facts([PrintFact(label: ui.text(.overviewFee), text: ui.text(guide.fee)),
                PrintFact(label: ui.text(.overviewTime), text: ui.text(guide.time))]),
            .numbered(heading: ui.text(.overviewSteps), items: mainPath.compactMap { guide.step($0).map { ui.text($0.title) } }),
        ]
        for step in guide.steps {
            document.blocks.append(.step(PrintStep(
                heading: stepHeading(step, mainPath: mainPath),
                paragraphs: step.body.map { ui.text($0).split(separator: "\n").map(String.init) } ?? [],
                warnings: step.warnings.map { PrintFact(label: ui.text(.showWarning), text: ui.text($0)) },
                check: step.check.map { PrintFact(label: ui.text(.showCheck), text: ui.text($0)) },
                choices: step.choices.map { "\(ui.text($0.label)) → \(describe($0.target, in: guide, mainPath: mainPath))" })))
        }
        document.blocks.append(.links(heading: ui.text(.showSources), urls: Array(Set(guide.sources + guide.steps.flatMap(\.sources))).sorted()))
        document.blocks.append(.note(statusLine(guide)))
        return document
    }

    /// The poster: the code and title of every guide in `guides`, for the centre's wall.
    func poster(_ guides: [Guide]) -> PrintDocument {
        var document = PrintDocument(language: ui.language, title: ui.text(.posterTitle))
        document.extraStyle = " table { border-collapse: collapse; width: 100%; font-size: 16pt; }"
            + " td { border-bottom: 1px solid #999; padding: .35em .4em; } td.code { font-size: 26pt; font-weight: bold;"
            + " width: 3.2em; text-align: center; } h1 { font-size: 24pt; }"
        document.blocks = [
            .title(ui.text(.posterTitle), underlined: false),
            .paragraph(ui.text(.posterHow)),
            .codes(guides.map { PrintFact(label: $0.code, text: ui.text($0.title)) }),
            .warning(ui.text(.posterRule)),
        ]
        return document
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
}
