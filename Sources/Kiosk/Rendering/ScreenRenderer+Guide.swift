import Guides

extension ScreenRenderer {
    /// A guide screen: the overview, a step, the list of steps or the end question.
    func guideScreen(_ screen: Screen, required: [String]? = nil, into layout: inout ScreenLayout, body: Bool = true) {
        switch screen.kind {
        case .overview:
            // What it is and the steps first; what to bring last, right above the question about it.
            layout.header += wrapped(localizer.text(screen.guideTitle), style.title)
            // (Without `body`, only the parts that cannot page are laid out: the fit check.)
            if body, let summary = screen.summary { layout.body += wrapped(localizer.text(summary)) }
            if body { layout.body += section(.overviewSteps, screen.steps.map { "\($0.number). \(localizer.text($0.title))" }, bullet: "") }
            if body { layout.body += section(.overviewNotHere, screen.notHere.map(localizer.text)) }
            if body { layout.body += section(.overviewRequires, required ?? screen.requires.map(localizer.text)) }
            if body, let fee = screen.fee { layout.body += [""] + wrapped("\(localizer.text(.overviewFee)): \(localizer.text(fee))") }
            if body, let time = screen.time { layout.body += wrapped("\(localizer.text(.overviewTime)): \(localizer.text(time))") }
            layout.lead = section(.overviewBring, screen.bring.map(localizer.text))
        case .step:
            var heading = screen.title.map(localizer.text) ?? ""
            if let progress = screen.progress {
                let values = ["index": String(progress.index), "total": String(progress.total)]
                heading = localizer.text(progress.isBranch ? .stepProgressBranch : .stepProgress, values) + " · " + heading
            }
            layout.header += wrapped(localizer.text(screen.guideTitle)) + wrapped(heading, style.title) + [""]
            layout.compactHeader = wrapped(heading, style.title) + [""]
            if body, let text = screen.body { layout.body += wrapped(localizer.text(text)) }
            for warning in screen.warnings where body { layout.body += [""] + wrapped("! " + localizer.text(warning), style.warning) }
            if body, let check = screen.check { layout.body += [""] + wrapped(localizer.text(check), style.title) }
        case .stepList:
            // The question comes under the title, so every page of a long list says what to type.
            layout.header += wrapped(localizer.text(screen.guideTitle)) + wrapped(localizer.text(.stepListTitle), style.title)
                + wrapped(localizer.text(.stepListQuestion)) + [""]
            layout.compactHeader = wrapped(localizer.text(.stepListTitle), style.title) + wrapped(localizer.text(.stepListQuestion)) + [""]
            for item in screen.steps where body {
                let text = "\(item.number). \(localizer.text(item.title))"
                layout.body += wrapped(text, item.isCurrent ? style.title : { $0 }, indent: item.isCurrent ? "▶ " : "  ", hanging: "     ")
            }
        case .endQuestion, .ended:
            layout.header += wrapped(localizer.text(screen.guideTitle))
        }
        if let question = screen.question, screen.kind != .stepList {
            layout.closing += [""] + wrapped(localizer.text(question), style.title)
        }
        if !screen.choices.isEmpty { layout.closing.append("") }
        for choice in screen.choices { layout.closing += numbered(String(choice.number), localizer.text(choice.label)) }
        if screen.kind == .step { layout.prompt = [""] + wrapped(localizer.text(.stepPrompt)) }
        layout.keys = screen.keys
    }

    /// The screen after a session: thanks, and what to take away (papers to bring, the resume code); a "needs staff"
    /// summary says where the citizen got to and waits for staff.
    func farewellScreen(_ farewell: Farewell, bring: [String]? = nil, waiting: Bool, into layout: inout ScreenLayout) {
        layout.header += wrapped(localizer.text(farewell.headline), style.title)
        let takeAway = farewell.takesAway
        if takeAway, let title = farewell.guideTitle {
            layout.body += [""] + wrapped(localizer.text(.summaryGuide, ["title": localizer.text(title)]))
            if farewell.outcome == .staff, let progress = farewell.progress {
                layout.body += wrapped(localizer.text(.summaryStep, ["index": String(progress.index), "total": String(progress.total)]))
            }
        }
        if farewell.outcome == .later { layout.body += section(.overviewBring, bring ?? farewell.bring.map(localizer.text)) }
        if takeAway, let code = farewell.resumeCode {
            // A code without a step (`21`) reopens the guide, not a step.
            let text: UIText = code.contains("-") ? .summaryResume : .summaryResumeGuide
            layout.body += [""] + wrapped(localizer.text(text, ["code": code]), style.title)
        }
        let forStaff = farewell.outcome == .staff && waiting
        layout.closing += [""] + wrapped(localizer.text(forStaff ? .staffAnswerHint : .thanksNext))
        // The staff key works here too; the summary for staff says how staff answer instead.
        if !forStaff { layout.keys = [.staff] }
    }

    func section(_ heading: UIText, _ items: [String], bullet: String = "• ") -> [String] {
        guard !items.isEmpty else { return [] }
        var lines = [""] + wrapped(localizer.text(heading) + ":", style.title)
        for item in items { lines += wrapped(bullet + item, indent: "  ", hanging: "  " + String(repeating: " ", count: bullet.count)) }
        return lines
    }
}
