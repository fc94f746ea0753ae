/// Interface words that are not part of any guide: their Vietnamese source lives in `locales/ui.vi.txt`.
///
/// The raw value is the stable key (`msgctxt` is `ui:` + key).
public enum UIText: String, Sendable, CaseIterable {
    case overviewReady = "overview.ready"
    case overviewNotYet = "overview.not-yet"
    case overviewBring = "overview.bring"
    case overviewNotHere = "overview.not-here"
    case overviewFee = "overview.fee"
    case overviewTime = "overview.time"
    case overviewRequires = "overview.requires"
    case overviewSteps = "overview.steps"
    case overviewQuestion = "overview.question"
    case stepProgress = "step.progress"
    case stepListTitle = "step-list.title"
    case stepListReturn = "step-list.return"
    case endQuestion = "end.question"
    case endDone = "end.done"
    case endStaff = "end.staff"
    case endLater = "end.later"
    case thanks = "end.thanks"
    case thanksStaff = "end.thanks-staff"
    case thanksLater = "end.thanks-later"
    case thanksQuit = "end.thanks-quit"
    case thanksTimeout = "end.thanks-timeout"
    case keyBack = "key.back"
    case keyRepeat = "key.repeat"
    case keyList = "key.list"
    case keyStaff = "key.staff"
    case keyQuit = "key.quit"
    case noticeStaffCalled = "notice.staff-called"
    case noticeInvalidChoice = "notice.invalid-choice"
    case noticeFirstScreen = "notice.first-screen"
    case noticeReturned = "notice.returned"
    case showSources = "show.sources"
    case showChecked = "show.checked"
    case showStatus = "show.status"
    case showChoiceEnd = "show.choice-end"
    case showEndDone = "show.end-done"
    case showChoiceGuide = "show.choice-guide"
    case showChoiceStep = "show.choice-step"
    case showWarning = "show.warning"
    case showCheck = "show.check"
    case showCode = "show.code"
    case welcomeTitle = "welcome.title"
    case welcomePrompt = "welcome.prompt"
    case menuTitle = "menu.title"
    case menuPrompt = "menu.prompt"
    case menuVolunteer = "menu.volunteer"
    case menuEmpty = "menu.empty"
    case resultsTitle = "results.title"
    case resultsPrompt = "results.prompt"
    case stepPrompt = "step.prompt"
    case noticePersonalData = "notice.personal-data"
    case noticeNoMatch = "notice.no-match"
    case noticeVolunteerHowTo = "notice.volunteer-how-to"
    case volunteerReminder = "volunteer.reminder"
    case idleQuestion = "idle.question"
    case idleResetSoon = "idle.reset-soon"
    case leaveQuestion = "leave.question"
    case leaveYes = "leave.yes"
    case leaveNo = "leave.no"
    case staffWhere = "staff.where"
    case thanksNext = "end.thanks-next"
    case keyBackLetter = "key.back.letter"
    case keyRepeatLetter = "key.repeat.letter"
    case keyListLetter = "key.list.letter"
    case keyStaffLetter = "key.staff.letter"
    case keyQuitLetter = "key.quit.letter"
    case posterTitle = "poster.title"
    case posterHow = "poster.how"
    case posterRule = "poster.rule"
}

/// Text on a screen: a guide line (translated by its key) or an interface word.
public enum ScreenText: Hashable, Sendable {
    case line(Line)
    case ui(UIText)
}

/// The keys offered on a screen besides the numbered choices; the terminal shows a legend for them.
public enum LegendKey: String, Sendable, CaseIterable {
    case back, `repeat`, list, staff, quit
}

/// A short message shown above a screen's choices after an input that did not move on.
public enum Notice: Hashable, Sendable {
    case staffCalled, invalidChoice, firstScreen, returnedFromGuide
}

/// "Step k of n": the position along the guide's main path.
public struct Progress: Hashable, Sendable {
    public let index: Int
    public let total: Int

    public init(index: Int, total: Int) {
        self.index = index
        self.total = total
    }
}

/// One numbered choice on a screen.
public struct ScreenChoice: Hashable, Sendable {
    public let number: Int
    public let label: ScreenText

    public init(number: Int, label: ScreenText) {
        self.number = number
        self.label = label
    }
}

/// One row of the list of steps (along the main path).
public struct StepListItem: Hashable, Sendable {
    public let number: Int
    public let title: Line
    public let isCurrent: Bool
}

/// Everything a terminal needs to draw one screen; plain data, no I/O.
public struct Screen: Hashable, Sendable {
    /// Which kind of screen this is.
    public enum Kind: Hashable, Sendable { case overview, step, stepList, endQuestion, ended }

    public var kind: Kind
    /// The title of the guide being followed (the inner guide after a jump).
    public var guideTitle: Line
    /// The step title, on step screens.
    public var title: Line?
    /// "step k of n" along the main path, on step screens.
    public var progress: Progress?
    public var summary: Line?
    public var body: Line?
    public var warnings: [Line] = []
    public var check: Line?
    public var bring: [Line] = []
    public var notHere: [Line] = []
    public var fee: Line?
    public var time: Line?
    /// Titles of guides needed first.
    public var requires: [Line] = []
    /// Step titles along the main path (overview and list of steps).
    public var steps: [StepListItem] = []
    /// The question above the choices (overview and end question).
    public var question: UIText?
    public var choices: [ScreenChoice] = []
    public var keys: [LegendKey] = []
    public var notice: Notice?
    /// Set on the final screen: how the session ended.
    public var outcome: SessionOutcome?

    public init(kind: Kind, guideTitle: Line) {
        self.kind = kind
        self.guideTitle = guideTitle
    }
}
