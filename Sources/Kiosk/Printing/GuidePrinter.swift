import Guides

/// A whole guide as a printable document: overview, every step, every choice (for training and handouts), and the
/// poster of the citizen menu. The writers (text, Markdown, HTML) decide only the layout.
struct GuidePrinter {
    let library: Library
    /// Words in the printout's language (falling back to Vietnamese line by line).
    let ui: Localizer

    /// The handout of `guide`.
    func document(_ guide: Guide) -> PrintDocument {
        // A guide the language does not cover yet prints in Vietnamese, as the kiosk shows it.
        let ui = self.ui.forGuide(guide.id)
        let mainPath = guide.mainPath
        var document = PrintDocument(language: ui.language, title: ui.text(guide.title))
        document.blocks = [
            .title(ui.text(guide.title), underlined: true),
            .code(label: ui.text(.showCode), code: guide.code),
            .paragraph(ui.text(guide.summary)),
            .list(heading: ui.text(.overviewBring), items: guide.bring.map { ui.text($0) }),
            .list(heading: ui.text(.overviewNotHere), items: guide.notHere.map { ui.text($0) }),
            .list(heading: ui.text(.overviewRequires), items: guide.requires.map { id in
                library.guide(id).map { "\(self.ui.forGuide($0.id).text($0.title)) (\(ui.text(.showCode)) \($0.code))" } ?? id
            }),
            .facts([PrintFact(label: ui.text(.overviewFee), text: ui.text(guide.fee)),
                PrintFact(label: ui.text(.overviewTime), text: ui.text(guide.time))]),
            .numbered(heading: ui.text(.overviewSteps), items: mainPath.compactMap { guide.step($0).map { ui.text($0.title) } }),
        ]
        let parents = Self.branchParents(guide)
        for step in guide.steps {
            document.blocks.append(.step(PrintStep(
                heading: stepHeading(step, guide: guide, mainPath: mainPath, parents: parents),
                paragraphs: step.body.map { ui.text($0).split(separator: "\n").map(String.init) } ?? [],
                warnings: step.warnings.map { PrintFact(label: ui.text(.showWarning), text: ui.text($0)) },
                check: step.check.map { PrintFact(label: ui.text(.showCheck), text: ui.text($0)) },
                choices: step.choices.map { "\(ui.text($0.label)) → \(describe($0.target, in: guide, mainPath: mainPath))" })))
        }
        document.blocks.append(.links(heading: ui.text(.showSources), sources: SourceAddress.handoutOrder(guide.sources + guide.steps.flatMap(\.sources))))
        document.blocks.append(.note(statusLine(guide)))
        return document
    }

    /// The poster: the code and title of every guide in `guides`, for the centre's wall.
    func poster(_ guides: [Guide]) -> PrintDocument {
        var document = PrintDocument(language: ui.language, title: ui.text(.posterTitle))
        // One A4 sheet for up to about 20 guides (proved with a real browser engine in the tests): the wall poster is
        // read from a step away, so the codes stay large and the titles readable.
        document.extraStyle = " @page { size: A4; margin: 12mm 14mm; } body { margin: 0 auto; }"
            + " table { border-collapse: collapse; width: 100%; font-size: 15pt; line-height: 1.2; }"
            + " td { border-bottom: 1px solid #999; padding: .25em .4em; } td.code { font-size: 24pt; font-weight: bold;"
            + " width: 3.2em; text-align: center; } h1 { font-size: 20pt; } p { margin: .4em 0; }"
        document.blocks = [
            .title(ui.text(.posterTitle), underlined: false),
            .paragraph(ui.text(.posterHow)),
            .codes(guides.map { guide in
                let title = ui.forGuide(guide.id).text(guide.title)
                return PrintFact(label: guide.code, text: ui.showsInVietnamese(guide: guide.id) ? title + " " + ui.text(.menuInVietnamese) : title)
            }),
            .warning(ui.text(.posterRule)),
        ]
        return document
    }

    /// "Sources checked on … · Status: sourced, not yet reviewed by staff (reviewed date)", in the reader's language.
    func statusLine(_ guide: Guide) -> String {
        let status: UIText = switch guide.status {
        case .draft: .statusDraft
        case .sourced: .statusSourced
        case .reviewed: .statusReviewed
        }
        var line = "\(ui.text(.showChecked)) \(guide.checked) · \(ui.text(.showStatus)): \(ui.text(status))"
        if let reviewed = guide.reviewed { line += " (\(reviewed))" }
        return line
    }

    /// "Step 6/12 · Title · Code to continue: 21-6" on the main path; a fix-up step is "Step 2/12 (extra) · Title",
    /// as the kiosk shows it. No internal ids.
    func stepHeading(_ step: Step, guide: Guide, mainPath: [String], parents: [String: Int]) -> String {
        let total = String(mainPath.count)
        if let index = mainPath.firstIndex(of: step.id) {
            let title = ui.text(.stepProgress, ["index": String(index + 1), "total": total])
            let resume = guide.code.isEmpty ? "" : " · \(ui.text(.showResume)): \(guide.code)-\(index + 1)"
            return "\(title) · \(ui.text(step.title))\(resume)"
        }
        let parent = parents[step.id] ?? 1
        return "\(ui.text(.stepProgressBranch, ["index": String(parent), "total": total])) · \(ui.text(step.title))"
    }

    /// For each step off the main path, the main-path step (1-based) it is first reached from.
    static func branchParents(_ guide: Guide) -> [String: Int] {
        let mainPath = guide.mainPath
        let main = Set(mainPath)
        var parents: [String: Int] = [:]
        for (offset, id) in mainPath.enumerated() {
            var queue = [id]
            while let current = queue.popLast() {
                for choice in guide.step(current)?.choices ?? [] {
                    guard case .step(let next) = choice.target, !main.contains(next), parents[next] == nil else { continue }
                    parents[next] = offset + 1
                    queue.append(next)
                }
            }
        }
        return parents
    }

    func describe(_ target: Target, in guide: Guide, mainPath: [String]) -> String {
        switch target {
        case .step(let id):
            let title = guide.step(id).map { ui.text($0.title) } ?? id
            guard let index = mainPath.firstIndex(of: id) else { return "\(ui.text(.showExtraStep)): \(title)" }
            return "\(ui.text(.showChoiceStep)) \(index + 1): \(title)"
        case .guide(let id):
            return "\(ui.text(.showChoiceGuide)): \(library.guide(id).map { ui.text($0.title) } ?? id)"
        case .end(let kind):
            let outcome: UIText = kind == .done ? .showEndDone : kind == .staff ? .endStaff : .endLater
            return "\(ui.text(.showChoiceEnd)) (\(ui.text(outcome)))"
        }
    }
}
