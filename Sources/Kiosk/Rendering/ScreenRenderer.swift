import Guides

/// Draws flow screens as text: every word from the catalog, wrapped by display width, stripped of control characters.
struct ScreenRenderer {
    /// The Vietnamese (source) localizer, used for any language without its own.
    let source: Localizer
    /// Localizers of the other offered languages, by code.
    var localizers: [String: Localizer] = [:]
    /// The localizer of the screen being drawn.
    private var localizer: Localizer
    let style: TerminalStyle
    /// Columns to wrap at.
    var width: Int
    /// Where staff are, from the configuration (empty when not configured).
    let centre: String
    let counter: String
    let idleResetSeconds: Int

    init(localizer: Localizer, localizers: [String: Localizer] = [:], style: TerminalStyle, width: Int, centre: String,
        counter: String, idleResetSeconds: Int) {
        source = localizer
        self.localizers = localizers
        self.localizer = localizer
        self.style = style
        self.width = width
        self.centre = centre
        self.counter = counter
        self.idleResetSeconds = idleResetSeconds
    }

    /// The whole screen for `output` in its language, ending with a newline. Every text in it went through the
    /// sanitizer as it was wrapped; the only control sequences are the style's own.
    func render(_ output: FlowOutput) -> TerminalText {
        var copy = self
        copy.localizer = localizers[output.language] ?? source
        return TerminalText(rendered: copy.renderScreen(output))
    }

    private func renderScreen(_ output: FlowOutput) -> String {
        var lines: [String] = []
        if output.volunteerSession { lines += wrapped(localizer.text(.volunteerReminder), style.dim) + [""] }
        switch output.view {
        case .welcome(let languages):
            lines += wrapped(localizer.text(.welcomeTitle), style.title) + [""]
            for (index, language) in languages.enumerated() {
                let name = language.name == language.vietnameseName ? language.name : "\(language.name) (\(language.vietnameseName))"
                lines += numbered(index + 1, name)
            }
            lines += [""] + wrapped(localizer.text(.welcomePrompt))
        case .menu(let guides):
            lines += wrapped(localizer.text(.menuTitle), style.title) + [""]
            if guides.isEmpty { lines += wrapped(localizer.text(.menuEmpty)) }
            for (index, guide) in guides.enumerated() {
                lines += numbered(index + 1, "\(localizer.text(guide.title))  \(codeTag(guide.code))")
            }
            lines += [""] + wrapped(localizer.text(.menuPrompt)) + wrapped(localizer.text(.menuVolunteer), style.dim)
        case .results(let guides):
            lines += wrapped(localizer.text(.resultsTitle), style.title) + [""]
            for (index, guide) in guides.enumerated() {
                lines += numbered(index + 1, "\(localizer.text(guide.title))  \(codeTag(guide.code))")
            }
            lines += [""] + wrapped(localizer.text(.resultsPrompt)) + [legend([.back])]
        case .guide(let screen):
            lines += guideScreen(screen)
        case .thanks(let outcome):
            lines += wrapped(localizer.text(thanksText(outcome)), style.title) + [""] + wrapped(localizer.text(.thanksNext))
        case .idleWarning:
            lines += wrapped(localizer.text(.idleQuestion), style.title)
            lines += wrapped(localizer.text(.idleResetSoon, ["seconds": String(idleResetSeconds)]))
        case .confirmLeave:
            lines += wrapped(localizer.text(.leaveQuestion), style.title) + [""]
            lines += numbered(1, localizer.text(.leaveYes)) + numbered(2, localizer.text(.leaveNo))
        }
        if let notice = output.notice { lines += [""] + wrapped(localizer.text(noticeText(notice)), style.notice) }
        return lines.joined(separator: "\n") + "\n"
    }

    private func guideScreen(_ screen: Screen) -> [String] {
        var lines: [String] = []
        switch screen.kind {
        case .overview:
            lines += wrapped(localizer.text(screen.guideTitle), style.title)
            if let summary = screen.summary { lines += wrapped(localizer.text(summary)) }
            lines += section(.overviewBring, screen.bring.map(localizer.text))
            lines += section(.overviewNotHere, screen.notHere.map(localizer.text))
            lines += section(.overviewRequires, screen.requires.map(localizer.text))
            if let fee = screen.fee { lines += [""] + wrapped("\(localizer.text(.overviewFee)): \(localizer.text(fee))") }
            if let time = screen.time { lines += wrapped("\(localizer.text(.overviewTime)): \(localizer.text(time))") }
            lines += section(.overviewSteps, screen.steps.map { "\($0.number). \(localizer.text($0.title))" }, bullet: "")
        case .step:
            var heading = screen.title.map(localizer.text) ?? ""
            if let progress = screen.progress {
                heading = localizer.text(.stepProgress, ["index": String(progress.index), "total": String(progress.total)])
                    + " · " + heading
            }
            lines += wrapped(localizer.text(screen.guideTitle), style.dim) + wrapped(heading, style.title) + [""]
            if let body = screen.body { lines += wrapped(localizer.text(body)) }
            for warning in screen.warnings { lines += [""] + wrapped("! " + localizer.text(warning), style.warning) }
            if let check = screen.check { lines += [""] + wrapped(localizer.text(check), style.title) }
        case .stepList:
            lines += wrapped(localizer.text(.stepListTitle), style.title) + [""]
            for item in screen.steps {
                let text = "\(item.isCurrent ? "▶" : " ") \(item.number). \(localizer.text(item.title))"
                lines += wrapped(text, item.isCurrent ? style.title : { $0 })
            }
        case .endQuestion, .ended:
            break
        }
        if let question = screen.question, screen.kind != .stepList { lines += [""] + wrapped(localizer.text(question), style.title) }
        lines.append("")
        for choice in screen.choices { lines += numbered(choice.number, localizer.text(choice.label)) }
        if let notice = screen.notice {
            lines += [""] + wrapped(localizer.text(noticeText(notice)), style.notice)
            if notice == .staffCalled, !centre.isEmpty {
                lines += wrapped(localizer.text(.staffWhere, ["centre": centre, "counter": counter]), style.notice)
            }
        }
        if screen.kind == .step { lines += [""] + wrapped(localizer.text(.stepPrompt)) }
        if !screen.keys.isEmpty { lines += ["", legend(screen.keys)] }
        return lines
    }

    private func section(_ heading: UIText, _ items: [String], bullet: String = "• ") -> [String] {
        guard !items.isEmpty else { return [] }
        var lines = [""] + wrapped(localizer.text(heading) + ":", style.title)
        for item in items { lines += wrapped(bullet + item, indent: "  ", hanging: "  " + String(repeating: " ", count: bullet.count)) }
        return lines
    }

    /// A numbered row; its text wraps within the width left after the number, aligned under the first line.
    private func numbered(_ number: Int, _ text: String) -> [String] {
        let prefix = "  \(number). "
        let indent = String(repeating: " ", count: prefix.count)
        let body = wrapped(text, indent: indent, hanging: indent)
        return body.enumerated().map { index, line in
            index == 0 ? "  " + style.number("\(number).") + " " + String(line.dropFirst(prefix.count)) : line
        }
    }

    /// `[Mã số 21]`, kept on one line (no-break spaces): a code is never cut.
    private func codeTag(_ code: String) -> String {
        "[" + (localizer.text(.showCode) + " " + code).replacingOccurrences(of: " ", with: "\u{00A0}") + "]"
    }

    /// The key legend: `[q] Quay lại   [x] Xem lại …`.
    func legend(_ keys: [LegendKey]) -> String {
        let parts = keys.map { key -> String in
            let (letter, label): (UIText, UIText) = switch key {
            case .back: (.keyBackLetter, .keyBack)
            case .repeat: (.keyRepeatLetter, .keyRepeat)
            case .list: (.keyListLetter, .keyList)
            case .staff: (.keyStaffLetter, .keyStaff)
            case .quit: (.keyQuitLetter, .keyQuit)
            }
            return "[\(sanitized(localizer.text(letter)))] \(sanitized(localizer.text(label)))"
        }
        // Pack whole entries onto lines, three spaces apart, so a key never wraps away from its label.
        var lines: [String] = []
        for part in parts {
            if let last = lines.last, TextLayout.width(of: last) + 3 + TextLayout.width(of: part) <= width {
                lines[lines.count - 1] = last + "   " + part
            } else {
                lines.append(part)
            }
        }
        return lines.map(style.dim).joined(separator: "\n")
    }

    private func sanitized(_ text: String) -> String { TextLayout.sanitize(text) }

    private func wrapped(_ text: String, _ styling: (String) -> String = { $0 }, indent: String = "", hanging: String? = nil) -> [String] {
        let clean = TextLayout.sanitize(text, keepNewlines: true)
        let lines = TextLayout.wrap(clean, columns: max(20, width - TextLayout.width(of: indent)))
        return lines.enumerated().map { styling(($0.offset == 0 ? indent : hanging ?? indent) + $0.element) }
    }

    private func wrapped(_ text: String, indent: String, hanging: String) -> [String] {
        wrapped(text, { $0 }, indent: indent, hanging: hanging)
    }

    private func thanksText(_ outcome: SessionOutcome) -> UIText {
        switch outcome {
        case .done: return .thanks
        case .staff: return .thanksStaff
        case .later: return .thanksLater
        case .quit, .interrupted: return .thanksQuit
        case .timeout: return .thanksTimeout
        }
    }

    private func noticeText(_ notice: FlowNotice) -> UIText {
        switch notice {
        case .personalDataDropped: return .noticePersonalData
        case .noMatch: return .noticeNoMatch
        case .invalidChoice: return .noticeInvalidChoice
        case .volunteerHowTo: return .noticeVolunteerHowTo
        case .lineTooLong: return .noticeTooLong
        }
    }

    private func noticeText(_ notice: Notice) -> UIText {
        switch notice {
        case .staffCalled: return .noticeStaffCalled
        case .invalidChoice: return .noticeInvalidChoice
        case .firstScreen: return .noticeFirstScreen
        case .returnedFromGuide: return .noticeReturned
        }
    }
}
