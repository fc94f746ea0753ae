import Guides

/// Draws flow screens as text: every word from the catalog, wrapped by display width, stripped of control characters,
/// and paged to the terminal's height.
struct ScreenRenderer {
    /// The Vietnamese (source) localizer, used for any language without its own.
    let source: Localizer
    /// Localizers of the other offered languages, by code.
    var localizers: [String: Localizer] = [:]
    /// The localizer of the screen being drawn.
    var localizer: Localizer
    let style: TerminalStyle
    /// Columns to wrap at.
    var width: Int
    /// Rows a page may fill (the terminal's height less the prompt line); `Int.max` never pages (plain line mode).
    var rows = Int.max
    /// Where staff are, from the configuration (empty when not configured).
    let centre: String
    let counter: String
    let idleResetSeconds: Int
    /// Minutes a screen is kept while someone waits for staff.
    var staffWaitMinutes = 15
    /// Wrapped texts already seen, for `kiosk check`, which draws the same notes and legends thousands of times.
    var cache: WrapCache?
    /// Offer the listen key on every screen (the fit check measures screens at their tallest: any line may get a
    /// recording after the check).
    var listenEverywhere = false

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

    /// The renderer for `language` (the source one when that language has no catalog).
    func speaking(_ language: String) -> ScreenRenderer {
        var copy = self
        copy.localizer = localizers[language] ?? source
        return copy
    }

    /// The whole screen for `output` on one page, ending with a newline (plain line mode, tests, handouts).
    func render(_ output: FlowOutput) -> TerminalText {
        TerminalText(rendered: speaking(output.language).layout(output).lines.joined(separator: "\n") + "\n")
    }

    /// The pages of `output` at the renderer's height, each ending with a newline. Every text in them went through
    /// the sanitizer as it was wrapped; the only control sequences are the style's own.
    func pages(_ output: FlowOutput) -> [TerminalText] {
        pageLines(output).pages.map { TerminalText(rendered: $0.joined(separator: "\n") + "\n") }
    }

    /// The pages as lines, and whether they fit (for `kiosk check` and the tests).
    func pageLines(_ output: FlowOutput) -> Pager.Result {
        let speaker = speaking(output.language)
        return speaker.pager.pages(speaker.layout(output))
    }

    /// Whether `output` can be paged at the renderer's height without splitting its question and choices (the fit
    /// check: the text that pages is not even wrapped).
    func fitCheck(_ output: FlowOutput) -> Pager.Result {
        let speaker = speaking(output.language)
        return speaker.pager.check(speaker.layout(output, body: false))
    }

    /// A pager at this renderer's height, whose page lines are in its language.
    private var pager: Pager {
        Pager(rows: rows) { page, pages in
            [""] + wrapped(localizer.text(.pageMore, ["page": String(page), "pages": String(pages)]), style.title)
        }
    }

    /// The parts of the screen for `output`, in the current language. Without `body` the text that pages is left out
    /// (the fit check only needs the heights of the parts that cannot page).
    func layout(_ output: FlowOutput, body: Bool = true) -> ScreenLayout {
        var layout = fullLayout(output, body: body)
        if !body { layout.body = [] }
        return layout
    }

    private func fullLayout(_ output: FlowOutput, body withBody: Bool) -> ScreenLayout {
        var layout = ScreenLayout()
        if output.volunteerSession { layout.header += wrapped(localizer.text(.volunteerReminder)) + [""] }
        switch output.view {
        case .welcome(let languages):
            layout.header += wrapped(localizer.text(.welcomeTitle), style.title) + [""]
            for (index, language) in languages.enumerated() {
                let name = language.name == language.vietnameseName ? language.name : "\(language.name) (\(language.vietnameseName))"
                layout.body += numbered(String(index + 1), name)
            }
            layout.closing += [""] + wrapped(localizer.text(.welcomePrompt))
            layout.keys = [.staff]
        case .menu(let guides):
            layout.header += wrapped(localizer.text(.menuTitle), style.title) + [""]
            if guides.isEmpty { layout.body += wrapped(localizer.text(.menuEmpty)) }
            // The number typed is the poster code: one number per guide on the menu, the poster and the handout.
            for guide in guides { layout.body += numbered(guide.code, title(of: guide)) }
            layout.closing += [""] + wrapped(localizer.text(.menuPrompt))
            layout.keys = [.staff, .back]
        case .results(let guides):
            layout.header += wrapped(localizer.text(.resultsTitle), style.title) + [""]
            for (index, guide) in guides.enumerated() {
                layout.body += numbered(String(index + 1), "\(title(of: guide))  \(codeTag(guide.code))")
            }
            layout.closing += [""] + wrapped(localizer.text(.resultsPrompt))
            layout.keys = [.staff, .back]
        case .guide(let screen):
            // A guide this language does not cover yet shows its lines in Vietnamese, its interface words translated.
            var speaker = self
            speaker.localizer = localizer.forGuide(screen.guide)
            // The guides to do first, each as its own coverage says.
            let required = zip(screen.requires, screen.requiredGuides).map { localizer.forGuide($1).text($0) }
            speaker.guideScreen(screen, required: required, into: &layout, body: withBody)
        case .thanks(let farewell):
            var speaker = self
            speaker.localizer = farewell.guide.map(localizer.forGuide) ?? localizer
            let papers = (farewell.bringGuide ?? farewell.guide).map(localizer.forGuide) ?? localizer
            speaker.farewellScreen(farewell, bring: farewell.bring.map(papers.text), waiting: output.waitingForStaff, into: &layout)
        case .idleWarning:
            layout.header += wrapped(localizer.text(.idleQuestion), style.title)
            layout.body += wrapped(localizer.text(.idleResetSoon, ["seconds": String(idleResetSeconds)]))
        case .confirmLeave:
            layout.header += wrapped(localizer.text(.leaveQuestion), style.title) + [""]
            layout.closing += numbered("1", localizer.text(.leaveYes)) + numbered("2", localizer.text(.leaveNo))
            layout.keys = [.staff]
        }
        let screenNotice: Notice? = if case .guide(let screen) = output.view { screen.notice } else { nil }
        let notesKey = "notes\u{0}\(localizer.language)\u{0}\(width)\u{0}\(String(describing: screenNotice))\u{0}"
            + "\(String(describing: output.notice))\u{0}\(output.waitingForStaff)\u{0}\(output.staffReached)"
        let notes = cache?.lines(key: notesKey) { self.notes(output, screenNotice) } ?? self.notes(output, screenNotice)
        if !notes.isEmpty { layout.notes = [""] + notes } else { layout.closing += layout.prompt }
        // The listen key, only where there is something to hear.
        let keys = layout.keys + (listenEverywhere || !recordings(output).isEmpty ? [.listen] : [])
        if !keys.isEmpty { layout.legend = [""] + legend(keys) }
        return layout
    }

    /// The recordings the listen key plays on `output`'s screen, in order.
    func recordings(_ output: FlowOutput) -> [String] {
        ScreenSpeech.recordings(of: output, localizer: localizers[output.language] ?? source, vietnamese: source)
    }

    /// A guide's title on the menu and the results, marked when its screens are in Vietnamese in this language.
    private func title(of guide: Guide) -> String {
        let title = localizer.forGuide(guide.id).text(guide.title)
        return localizer.showsInVietnamese(guide: guide.id) ? title + " " + localizer.text(.menuInVietnamese) : title
    }

    /// Notices and the waiting-for-staff lines of `output`.
    private func notes(_ output: FlowOutput, _ screenNotice: Notice?) -> [String] {
        var notes: [String] = []
        if let notice = screenNotice { notes += wrapped(localizer.text(notice.text), style.notice) }
        if let notice = output.notice {
            if case .beingPrepared(let guide, let title) = notice {
                let name = localizer.forGuide(guide).text(title)
                notes += wrapped(localizer.text(.noticeBeingPrepared, ["title": name]), style.notice)
            } else {
                notes += wrapped(localizer.text(notice.text), style.notice)
            }
            if notice.sendsToStaff, !centre.isEmpty, !counter.isEmpty {
                notes += wrapped(localizer.text(.staffWhere, ["centre": centre, "counter": counter]), style.notice)
            }
        }
        if output.waitingForStaff {
            // A call that reached nobody keeps saying so on every redraw, not only right after the key.
            if !output.staffReached, output.notice != .staffNotReached {
                notes += wrapped(localizer.text(.noticeStaffNotReached), style.notice)
            }
            notes += wrapped(localizer.text(.staffWaiting, ["minutes": String(staffWaitMinutes)]), style.notice)
        }
        return notes
    }

    /// A numbered row (`  21. Title`); its text wraps within the width left after the number, aligned under itself.
    func numbered(_ number: String, _ text: String) -> [String] {
        let prefix = "  \(number). "
        let indent = String(repeating: " ", count: prefix.count)
        let body = wrapped(text, indent: indent, hanging: indent)
        return body.enumerated().map { index, line in
            index == 0 ? "  " + style.number("\(number).") + " " + String(line.dropFirst(prefix.count)) : line
        }
    }

    /// `[Mã số 21]`, kept on one line (no-break spaces): a code is never cut.
    func codeTag(_ code: String) -> String {
        "[" + (localizer.text(.showCode) + " " + code).replacingOccurrences(of: " ", with: "\u{00A0}") + "]"
    }

    /// The key legend, `[0] Gọi cán bộ   [-] Quay lại …`: the same symbols in every language, packed whole onto lines.
    func legend(_ keys: [LegendKey]) -> [String] {
        guard let cache else { return makeLegend(keys) }
        return cache.lines(key: "legend\u{0}\(localizer.language)\u{0}\(width)\u{0}" + keys.map(\.rawValue).joined(separator: ",")) {
            makeLegend(keys)
        }
    }

    private func makeLegend(_ keys: [LegendKey]) -> [String] {
        let parts = keys.map { key -> String in
            let label: UIText = switch key {
            case .back: .keyBack
            case .repeat: .keyRepeat
            case .list: .keyList
            case .staff: .keyStaff
            case .quit: .keyQuit
            case .listen: .keyListen
            }
            return "[\(key.symbol)] \(sanitized(localizer.text(label)))"
        }
        var lines: [String] = []
        for part in parts {
            if let last = lines.last, TextLayout.width(of: last) + 3 + TextLayout.width(of: part) <= width {
                lines[lines.count - 1] = last + "   " + part
            } else {
                lines.append(part)
            }
        }
        return lines.map(style.number)
    }

    func sanitized(_ text: String) -> String { TextLayout.sanitize(text) }

    func wrapped(_ text: String, _ styling: (String) -> String = { $0 }, indent: String = "", hanging: String? = nil) -> [String] {
        // The widest of the first-line indent and the hanging one: no wrapped line may pass the width.
        let margin = max(TextLayout.width(of: indent), TextLayout.width(of: hanging ?? indent))
        let columns = max(20, width - margin)
        let lines: [String]
        if let cache {
            lines = cache.lines(text, columns: columns) { TextLayout.wrap(TextLayout.sanitize(text, keepNewlines: true), columns: columns) }
        } else {
            lines = TextLayout.wrap(TextLayout.sanitize(text, keepNewlines: true), columns: columns)
        }
        return lines.enumerated().map { styling(($0.offset == 0 ? indent : hanging ?? indent) + $0.element) }
    }

    func wrapped(_ text: String, indent: String, hanging: String) -> [String] {
        wrapped(text, { $0 }, indent: indent, hanging: hanging)
    }
}
