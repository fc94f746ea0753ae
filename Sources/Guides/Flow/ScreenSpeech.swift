/// What the listen key reads on a screen, in the order a person reads it: the notice that just appeared, then the
/// title, the instruction, the warnings, the check question and the answers, each after its number (on a menu: its
/// title, every guide's code and title, and what to type), and last "0, call staff". A visitor who does not read
/// hears what to type.
public enum ScreenSpeech {
    /// One text to read, and the guide it belongs to (whose language coverage decides how it shows).
    public struct Item: Hashable, Sendable {
        public let text: ScreenText
        public let guide: String?
        /// A guide's title on the menu or the results: in a language that does not cover that guide, "(bằng tiếng
        /// Việt)" is said after it, as it is shown.
        public var isListedTitle = false
        /// The digits to type for it (an answer's number, a poster code), said before it.
        public var digits: [UIText] = []
    }

    /// The texts of `output`'s screen, in reading order.
    public static func items(of output: FlowOutput) -> [Item] {
        var items: [Item] = []
        // What to type is said before what it chooses: the digits of a number or code, one by one, kept with it.
        var digits: [UIText] = []
        func add(_ item: Item) {
            var item = item
            item.digits = digits
            digits = []
            items.append(item)
        }
        func ui(_ key: UIText) { add(Item(text: .ui(key), guide: nil)) }
        func line(_ line: Line?, _ guide: String?) { if let line { add(Item(text: .line(line), guide: guide)) } }
        func title(_ line: Line, _ guide: String) { add(Item(text: .line(line), guide: guide, isListedTitle: true)) }
        func number(_ text: String) { digits = text.compactMap(UIText.digit) }
        // The staff key, last: "0, call staff".
        func staffKey() {
            number(LegendKey.staff.symbol)
            ui(.keyStaff)
        }
        if let notice = output.notice { ui(notice.text) }
        switch output.view {
        case .welcome:
            ui(.welcomeTitle)
            ui(.welcomePrompt)
            staffKey()
        case .menu(let guides), .results(let guides):
            let isMenu = if case .menu = output.view { true } else { false }
            ui(isMenu ? .menuTitle : .resultsTitle)
            for (index, guide) in guides.enumerated() {
                number(isMenu ? guide.code : String(index + 1))
                title(guide.title, guide.id)
            }
            ui(isMenu ? .menuPrompt : .resultsPrompt)
            staffKey()
        case .guide(let screen):
            let guide = screen.guide
            if let notice = screen.notice { ui(notice.text) }
            switch screen.kind {
            case .overview:
                line(screen.guideTitle, guide)
                line(screen.summary, guide)
                if !screen.steps.isEmpty { ui(.overviewSteps) }
                for item in screen.steps { line(item.title, guide) }
                if !screen.notHere.isEmpty { ui(.overviewNotHere) }
                for item in screen.notHere { line(item, guide) }
                if !screen.requires.isEmpty { ui(.overviewRequires) }
                for (item, id) in zip(screen.requires, screen.requiredGuides) { line(item, id) }
                if screen.fee != nil { ui(.overviewFee) }
                line(screen.fee, guide)
                if screen.time != nil { ui(.overviewTime) }
                line(screen.time, guide)
                if !screen.bring.isEmpty { ui(.overviewBring) }
                for item in screen.bring { line(item, guide) }
            case .step:
                line(screen.title, guide)
                line(screen.body, guide)
                for warning in screen.warnings { line(warning, guide) }
                line(screen.check, guide)
            case .stepList:
                ui(.stepListTitle)
                ui(.stepListQuestion)
                for item in screen.steps {
                    number(String(item.number))
                    line(item.title, guide)
                }
            case .endQuestion, .ended:
                break
            }
            if let question = screen.question, screen.kind != .stepList { ui(question) }
            for choice in screen.choices {
                number(String(choice.number))
                switch choice.label {
                case .line(let label): line(label, guide)
                case .ui(let key): ui(key)
                }
            }
            if screen.keys.contains(.staff) { staffKey() }
        case .thanks(let farewell):
            ui(farewell.headline)
            if farewell.outcome == .later {
                if !farewell.bring.isEmpty { ui(.overviewBring) }
                for item in farewell.bring { line(item, farewell.bringGuide ?? farewell.guide) }
            }
            // As drawn: a summary that waits for staff says how staff answer it, not "Enter for the next person".
            let waiting = farewell.outcome == .staff && output.waitingForStaff
            ui(waiting ? .staffAnswerHint : .thanksNext)
            if !waiting { staffKey() }
        case .idleWarning:
            ui(.idleQuestion)
        case .confirmLeave:
            ui(.leaveQuestion)
            number("1")
            ui(.leaveYes)
            number("2")
            ui(.leaveNo)
            staffKey()
        }
        return items
    }

    /// The recordings to play for `output`, in order: for each text, its fresh recording in the screen's language
    /// (`localizer`), else, when the text shows in Vietnamese there, its Vietnamese recording (`vietnamese`); a text
    /// without either is skipped (silence, never a made-up voice), with its digits. A text's digits play before it
    /// when they are all recorded in its voice. A listed guide shown in Vietnamese is followed by the recording of
    /// "(bằng tiếng Việt)" in the screen's language.
    public static func recordings(of output: FlowOutput, localizer: Localizer, vietnamese: Localizer) -> [String] {
        items(of: output).flatMap { item -> [String] in
            let speaker = item.guide.map(localizer.forGuide) ?? localizer
            // The text in the visitor's language, else in Vietnamese where it shows in Vietnamese; its digits in the
            // same voice, and only all of them (a code said in part would send the visitor to another guide).
            let voice: Localizer
            if speaker.audio(item.text) != nil {
                voice = speaker
            } else if speaker.showsVietnamese(item.text), vietnamese.audio(item.text) != nil {
                voice = vietnamese
            } else {
                return []
            }
            let digits = item.digits.compactMap { voice.audio(.ui($0)) }
            var files = (digits.count == item.digits.count ? digits : []) + [voice.audio(item.text)].compactMap { $0 }
            if item.isListedTitle, let id = item.guide, localizer.showsInVietnamese(guide: id),
                let marker = localizer.audio(.ui(.menuInVietnamese)) {
                files.append(marker)
            }
            return files
        }
    }
}
