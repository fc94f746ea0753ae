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
    case stepListQuestion = "step-list.question"
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
    case keyListen = "key.listen"
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
    case menuEmpty = "menu.empty"
    /// After the title of a guide this language does not cover yet: its screens are in Vietnamese.
    case menuInVietnamese = "menu.in-vietnamese"
    case resultsTitle = "results.title"
    case resultsPrompt = "results.prompt"
    case stepPrompt = "step.prompt"
    case noticePersonalData = "notice.personal-data"
    case noticeNoMatch = "notice.no-match"
    case noticeBeingPrepared = "notice.being-prepared"
    /// Never shown: the words search leaves out of a query.
    case searchFillers = "search.fillers"
    /// Never shown: short forms typed in messages (`ko = không`), read as the words they stand for.
    case searchShortForms = "search.short-forms"
    case noticeTooLong = "notice.too-long"
    case noticeVolunteerHowTo = "notice.volunteer-how-to"
    case volunteerReminder = "volunteer.reminder"
    case idleQuestion = "idle.question"
    case idleResetSoon = "idle.reset-soon"
    case leaveQuestion = "leave.question"
    case leaveYes = "leave.yes"
    case leaveNo = "leave.no"
    case staffWhere = "staff.where"
    case thanksNext = "end.thanks-next"
    case posterTitle = "poster.title"
    case posterHow = "poster.how"
    case posterRule = "poster.rule"
    case stepProgressBranch = "step.progress-branch"
    case noticeShownAgain = "notice.shown-again"
    case noticeStepNotReached = "notice.step-not-reached"
    case noticeStaffNotReached = "notice.staff-not-reached"
    case noticeNoCode = "notice.no-code"
    case staffWaiting = "staff.waiting"
    case staffAnswerHint = "staff.answer-hint"
    case summaryGuide = "summary.guide"
    case summaryStep = "summary.step"
    case summaryResume = "summary.resume"
    case summaryResumeGuide = "summary.resume-guide"
    case pageMore = "page.more"
    case showResume = "show.resume"
    case showExtraStep = "show.extra-step"
    case statusDraft = "status.draft"
    case statusSourced = "status.sourced"
    case statusReviewed = "status.reviewed"
    case boardTitle = "board.title"
    case boardEmpty = "board.empty"
    case boardRow = "board.row"
    case boardAtMenu = "board.at-menu"
    case boardPrompt = "board.prompt"
    case boardAnswered = "board.answered"
    case boardUnavailable = "board.unavailable"
    case recordTitle = "record.title"
    case recordLine = "record.line"
    case recordVietnamese = "record.vietnamese"
    case recordTranslation = "record.translation"
    case recordNoTranslation = "record.no-translation"
    case recordStale = "record.stale"
    case recordReady = "record.ready"
    case recordRecording = "record.recording"
    case recordReview = "record.review"
    case recordKept = "record.kept"
    case recordSkipped = "record.skipped"
    case recordFailed = "record.failed"
    case recordSilent = "record.silent"
    case recordDone = "record.done"
    case recordNothing = "record.nothing"
    /// Never shown: the digits, said before numbered answers and codes by the listen key.
    case say0 = "say.0", say1 = "say.1", say2 = "say.2", say3 = "say.3", say4 = "say.4"
    case say5 = "say.5", say6 = "say.6", say7 = "say.7", say8 = "say.8", say9 = "say.9"

    /// False for the lines no kiosk screen shows: what search reads, and what staff see (`kiosk record`, the board,
    /// handouts and the poster, a guide's status). A language is offered to citizens without them, and they are never
    /// recorded. (`show.code`, "Mã số", is on the results screen too.)
    public var isShown: Bool {
        if self == .showCode { return true }
        if self == .searchFillers || self == .searchShortForms || isSpoken { return false }
        return !["record.", "board.", "show.", "poster.", "status."].contains { rawValue.hasPrefix($0) }
    }

    /// How many of the interface lines a screen shows are not among `translated` (keys without `ui:`): the one rule
    /// for offering a language, used by the kiosk's quick scan, `kiosk locales status` and the start-up message.
    public static func missingToOffer(translated: Set<String>) -> Int {
        allCases.count { $0.isShown && !translated.contains($0.rawValue) }
    }

    /// True for the lines only heard, never shown: the digits the listen key says (`say.0`…`say.9`). They are
    /// recorded with the interface, and do not decide whether a language is offered.
    public var isSpoken: Bool { rawValue.hasPrefix("say.") }

    /// The word for one digit, said by the listen key.
    public static func digit(_ character: Character) -> UIText? {
        character.wholeNumberValue.flatMap { UIText(rawValue: "say.\($0)") }
    }
}
