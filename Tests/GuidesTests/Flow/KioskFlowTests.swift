@testable import Guides
import Testing

/// The whole citizen flow at engine level: welcome, menu, search, codes, volunteer launch, idle, interrupts, reset.
@Suite struct KioskFlowTests {
    static let languages = [Language(code: "vi", name: "Tiếng Việt", vietnameseName: "Tiếng Việt"),
        Language(code: "en", name: "English", vietnameseName: "Tiếng Anh")]

    func flow() -> KioskFlow {
        KioskFlow(library: PlayThroughTests.shipped, languages: Self.languages)
    }

    func line(_ flow: inout KioskFlow, _ text: String) -> FlowOutput { flow.handle(.line(text)) }

    func guideScreen(_ output: FlowOutput) -> Screen? {
        if case .guide(let screen) = output.view { return screen }
        return nil
    }

    func farewell(_ output: FlowOutput) -> Farewell? {
        if case .thanks(let farewell) = output.view { return farewell }
        return nil
    }

    static let startKhaiSinh = SessionEvent.started(guide: "khai-sinh", language: "vi", launchedBy: .citizen)

    @Test func enterAtWelcomeChoosesTheDefaultLanguage() {
        var kiosk = flow()
        #expect(kiosk.output().view == .welcome(Self.languages))
        let menu = line(&kiosk, "")
        guard case .menu(let guides) = menu.view else { Issue.record("not the menu"); return }
        // Every citizen guide, in poster-code order (51 and 52 included): the number typed is the code.
        let citizen = PlayThroughTests.shipped.citizenGuides
        #expect(Set(guides.map(\.id)) == Set(citizen.map(\.id)) && guides.count == citizen.count)
        #expect(guides.map { Int($0.code) ?? 0 } == guides.map { Int($0.code) ?? 0 }.sorted())
        #expect(guides.contains { $0.code == "51" } && guides.contains { $0.code == "52" })
        #expect(guides.first?.id == "kich-hoat-vneid" && guides.allSatisfy { $0.status.isShownToCitizens })
        #expect(kiosk.language == "vi")
    }

    @Test func aLanguageNumberSetsTheLanguageOfTheSession() {
        var kiosk = flow()
        _ = line(&kiosk, "2")
        #expect(line(&kiosk, "21").events.isEmpty)
        let start = line(&kiosk, "1")
        #expect(start.events.first == .started(guide: "khai-sinh", language: "en", launchedBy: .citizen))
    }

    @Test func aDigitThatIsNoLanguageIsAMistakeButAPosterCodeStarts() {
        var kiosk = flow()
        let wrong = line(&kiosk, "3")
        #expect(wrong.notice == .invalidChoice && wrong.view == .welcome(Self.languages) && wrong.events.isEmpty)
        let code = line(&kiosk, "21")
        #expect(guideScreen(code)?.kind == .overview && code.events.isEmpty)
        #expect(line(&kiosk, "1").events.first == Self.startKhaiSinh)
    }

    @Test func wordsAtWelcomeSearchAtOnce() {
        var kiosk = flow()
        let results = line(&kiosk, "ddawng kys khai sinh")
        guard case .results(let guides) = results.view else { Issue.record("no results"); return }
        #expect(guides.first?.id == "khai-sinh")
        #expect(results.keepInHistory)
        let started = line(&kiosk, "1")
        #expect(guideScreen(started)?.kind == .overview)
        // Back from the overview: the results again, and nothing recorded (the wrong guide, seen and left).
        let back = line(&kiosk, "-")
        guard case .results = back.view else { Issue.record("back from the overview left the results"); return }
        #expect(back.events.isEmpty)
        #expect(line(&kiosk, "-").view == .menu(kiosk.menuGuides))
    }

    @Test func aPosterCodeJumpsToItsGuide() {
        var kiosk = flow()
        _ = line(&kiosk, "")
        let started = line(&kiosk, "12")
        #expect(guideScreen(started)?.guideTitle == PlayThroughTests.shipped.guide("dang-nhap-dvcqg")?.title)
        #expect(line(&kiosk, "2").events.first == .started(guide: "dang-nhap-dvcqg", language: "vi", launchedBy: .citizen))
        #expect(line(&kiosk, "").view == .welcome(Self.languages))
        _ = line(&kiosk, "")
        #expect(line(&kiosk, "99").notice == .noSuchCode)
    }

    @Test func noMatchKeepsTheMenuWithANotice() {
        var kiosk = flow()
        _ = line(&kiosk, "")
        let output = line(&kiosk, "xyzzy qwerty")
        #expect(output.notice == .noMatch)
        guard case .menu = output.view else { Issue.record("left the menu"); return }
    }

    @Test func aNeedNoGuideCoversLeavesTheResultsForTheMenuWithANotice() {
        var kiosk = flow()
        _ = line(&kiosk, "")
        guard case .results(let found) = line(&kiosk, "khai sinh").view, found.first?.id == "khai-sinh" else {
            Issue.record("no results for khai sinh")
            return
        }
        // A passport is not a guide of this library: no guide is offered, not even the previous results.
        let output = line(&kiosk, "lam ho chieu")
        #expect(output.notice == .noMatch)
        #expect(output.keepInHistory)
        guard case .menu = output.view else { Issue.record("the previous results stayed under the notice"); return }
        #expect(line(&kiosk, "1").notice == .noSuchCode)
    }

    @Test func aDraftIsNamedAndNeverOpened() throws {
        var kiosk = flow()
        _ = line(&kiosk, "")
        let draft = try #require(PlayThroughTests.shipped.guide("binh-dan-hoc-vu-so"))
        #expect(draft.status == .draft)
        let output = line(&kiosk, "binh dan hoc vu so")
        #expect(output.notice == .beingPrepared(guide: draft.id, title: draft.title))
        #expect(output.events.isEmpty)
        guard case .menu = output.view else { Issue.record("not the menu"); return }
        // Nor by its code, nor by its title (Tab completes drafts' titles, so the notice answers them).
        #expect(line(&kiosk, draft.code).notice == .noSuchCode)
        #expect(line(&kiosk, draft.title.text).notice == .beingPrepared(guide: draft.id, title: draft.title))
    }

    @Test func englishVisitorsSearchTheEnglishText() {
        let search = LibrarySearchTests.search
        var kiosk = KioskFlow(library: PlayThroughTests.shipped, languages: Self.languages, search: search)
        _ = line(&kiosk, "2")
        #expect(kiosk.language == "en")
        guard case .results(let found) = line(&kiosk, "scam call").view else { Issue.record("no results"); return }
        #expect(found.first?.id == "canh-giac-lua-dao")
        // The English title, sent whole (as Tab completes it), opens the guide at once.
        let output = line(&kiosk, "Birth registration for your child (with permanent residence and health insurance card)")
        #expect(guideScreen(output)?.guideTitle.key == "khai-sinh:title")
        // Vietnamese words work for an English reader too.
        var other = KioskFlow(library: PlayThroughTests.shipped, languages: Self.languages, search: search)
        _ = line(&other, "2")
        guard case .results(let again) = line(&other, "khai sinh").view else { Issue.record("no results"); return }
        #expect(again.first?.id == "khai-sinh")
    }

    @Test func aVolunteerLaunchIsCountedAndReminded() {
        var kiosk = flow()
        _ = line(&kiosk, "")
        #expect(line(&kiosk, "+").notice == .volunteerHowTo)
        let started = line(&kiosk, "+21")
        #expect(started.volunteerSession)
        let first = line(&kiosk, "1")
        #expect(first.events.first == .started(guide: "khai-sinh", language: "vi", launchedBy: .volunteer))
        #expect(first.volunteerSession)
    }

    @Test func startVolunteerFromTheShell() throws {
        var kiosk = flow()
        let guide = try #require(PlayThroughTests.shipped.guide("21"))
        _ = kiosk.startVolunteer(guide, language: "en")
        #expect(line(&kiosk, "1").events.first == .started(guide: "khai-sinh", language: "en", launchedBy: .volunteer))
    }

    @Test(arguments: ["012345678901", "0912 345 678", "123456", "a.nguyen@gmail.com"])
    func personalDataIsDroppedEverywhere(text: String) {
        var kiosk = flow()
        _ = line(&kiosk, "")
        let atMenu = line(&kiosk, text)
        #expect(atMenu.notice == .personalDataDropped && !atMenu.keepInHistory && atMenu.events.isEmpty)
        guard case .menu = atMenu.view else { Issue.record("left the menu"); return }
        _ = line(&kiosk, "21")
        _ = line(&kiosk, "1")
        let inStep = line(&kiosk, text)
        #expect(inStep.notice == .personalDataDropped && inStep.events.isEmpty)
        #expect(guideScreen(inStep)?.kind == .step)
    }

    @Test func theKeypadKeysDriveTheSession() {
        var kiosk = flow()
        _ = line(&kiosk, "21")
        _ = line(&kiosk, "1")
        _ = line(&kiosk, "1")
        #expect(guideScreen(line(&kiosk, "-"))?.progress == Progress(index: 1, total: 12))
        #expect(guideScreen(line(&kiosk, "*"))?.kind == .stepList)
        #expect(guideScreen(line(&kiosk, ""))?.kind == .step)
        #expect(guideScreen(line(&kiosk, "."))?.notice == .shownAgain)
        let help = line(&kiosk, "0")
        #expect(help.events == [.helpAsked(guide: "khai-sinh", step: "chuan-bi")])
        #expect(help.staffCall == StaffCallRequest(guide: "khai-sinh", step: "chuan-bi", stepIndex: 1))
        #expect(line(&kiosk, "zz").notice == .invalidChoice)
        // Quit asks first; "no" stays on the step.
        #expect(line(&kiosk, "/").view == .confirmLeave)
        #expect(guideScreen(line(&kiosk, "2"))?.kind == .step)
        _ = line(&kiosk, "/")
        let quit = line(&kiosk, "1")
        #expect(quit.events == [.ended(outcome: .quit, guide: "khai-sinh", step: "chuan-bi", stepGuide: "khai-sinh")])
        #expect(farewell(quit)?.outcome == .quit && farewell(quit)?.resumeCode == "21-1")
        #expect(line(&kiosk, "").view == .welcome(Self.languages))
    }

    /// The keys are symbols, not letters: whatever the language, `-` goes back and `/` asks before quitting.
    @Test func theKeysAreTheSameInEveryLanguage() {
        for language in ["1", "2"] {
            var kiosk = KioskFlow(library: PlayThroughTests.shipped, languages: Self.languages, defaultLanguage: "en")
            _ = line(&kiosk, language)
            _ = line(&kiosk, "21")
            _ = line(&kiosk, "1")
            let back = line(&kiosk, "-")
            #expect(guideScreen(back)?.kind == .overview && back.events == [.back(guide: "khai-sinh", step: "chuan-bi")])
            #expect(line(&kiosk, "/").view == .confirmLeave)
            #expect(line(&kiosk, "q").events.isEmpty, "a letter is no key")
        }
    }

    @Test func aResumeCodeReopensTheGuideAtItsStep() {
        var kiosk = flow()
        let resumed = line(&kiosk, "21-6")
        #expect(guideScreen(resumed)?.progress == Progress(index: 6, total: 12))
        #expect(resumed.events.first == Self.startKhaiSinh && resumed.events.count == 2)
        _ = line(&kiosk, "/")
        #expect(farewell(line(&kiosk, "1"))?.resumeCode == "21-6")
        _ = line(&kiosk, "")
        _ = line(&kiosk, "")
        #expect(line(&kiosk, "21-13").notice == .noSuchCode)
        #expect(line(&kiosk, "98-1").notice == .noSuchCode)
        #expect(line(&kiosk, "+21-2").volunteerSession)
    }

    @Test func notYetShowsWhatToBringAndTheCode() throws {
        var kiosk = flow()
        _ = line(&kiosk, "21")
        let later = line(&kiosk, "2")
        let guide = try #require(PlayThroughTests.shipped.guide("khai-sinh"))
        #expect(farewell(later)?.bring == guide.bring && farewell(later)?.resumeCode == "21")
        #expect(later.events.first == Self.startKhaiSinh)
        // The list stays long enough to copy: the warning time, not the short thanks time.
        #expect(kiosk.deadline() == FlowDeadline(at: kiosk.timing.warning, input: .idleTimeout))
    }

    @Test func aCallForStaffIsPlacedOnceAndKeepsTheScreen() {
        var kiosk = flow()
        _ = line(&kiosk, "21")
        _ = kiosk.handle(.line("1"), at: 1_000)
        let asked = kiosk.handle(.line("0"), at: 2_000)
        #expect(asked.staffCall != nil && asked.events == [.helpAsked(guide: "khai-sinh", step: "chuan-bi")])
        let placed = kiosk.handle(.staffCallResult(delivered: true), at: 2_000)
        #expect(placed.notice == .staffCalled && placed.waitingForStaff && guideScreen(placed)?.kind == .step)
        #expect(kiosk.deadline() == FlowDeadline(at: 2_000 + kiosk.timing.staffWait, input: .idleWarning))
        // A second press rings again and moves the call to where the citizen is now; it stays delivered.
        _ = kiosk.handle(.line("1"), at: 2_500)
        let again = kiosk.handle(.line("0"), at: 3_000)
        #expect(again.staffCall == StaffCallRequest(guide: "khai-sinh", step: "giay-to", stepIndex: 2))
        #expect(kiosk.handle(.staffCallResult(delivered: false), at: 3_000).staffReached)
        // Stopping keeps the call on the farewell (the citizen may still wait); clearing the farewell ends it.
        _ = line(&kiosk, "/")
        let left = line(&kiosk, "1")
        #expect(left.callEnded == nil && left.waitingForStaff)
        let next = line(&kiosk, "")
        #expect(next.resetTerminal && next.callEnded == .left && !next.waitingForStaff)
    }

    @Test func needsStaffKeepsItsSummaryUntilStaffPressTheStaffKey() {
        var kiosk = flow()
        _ = line(&kiosk, "21-12")
        let ended = line(&kiosk, "1")
        guard case .guide(let question) = ended.view, question.kind == .endQuestion else { Issue.record("no end question"); return }
        let staff = line(&kiosk, "2")
        #expect(farewell(staff)?.outcome == .staff && farewell(staff)?.progress == Progress(index: 12, total: 12))
        #expect(staff.staffCall == StaffCallRequest(guide: "khai-sinh", step: "xong", stepIndex: 12))
        let failed = kiosk.handle(.staffCallResult(delivered: false))
        #expect(failed.notice == .staffNotReached && failed.waitingForStaff)
        #expect(kiosk.deadline()?.at == kiosk.timing.staffWait)
        #expect(farewell(line(&kiosk, ""))?.outcome == .staff, "Enter by the citizen does not clear the summary")
        #expect(!kiosk.output().staffReached)
        let again = line(&kiosk, "0")
        #expect(farewell(again)?.outcome == .staff && again.notice == .staffNotReached && again.callEnded == nil,
            "the citizen pressing 0 again does not close the call")
        let answered = line(&kiosk, "00")
        #expect(answered.callEnded == .answered && answered.resetTerminal && answered.view == .welcome(Self.languages))
    }

    @Test func theStaffKeyWorksAtTheWelcomeScreenTheMenuAndTheResults() {
        for path in [[], [""], ["", "khai sinh"]] {
            var kiosk = flow()
            for text in path { _ = line(&kiosk, text) }
            let before = kiosk.output().view
            let asked = line(&kiosk, "0")
            #expect(asked.staffCall == StaffCallRequest(guide: nil, step: nil, stepIndex: nil) && asked.view == before)
            #expect(kiosk.handle(.staffCallResult(delivered: true)).notice == .staffCalled)
        }
    }

    @Test func idleWarnsThenResetsAndTimesTheSessionOut() {
        var kiosk = flow()
        _ = line(&kiosk, "21")
        _ = line(&kiosk, "1")
        #expect(kiosk.handle(.idleWarning).view == .idleWarning)
        #expect(guideScreen(line(&kiosk, ""))?.kind == .step)
        _ = kiosk.handle(.idleWarning)
        let reset = kiosk.handle(.idleTimeout)
        #expect(reset.events == [.ended(outcome: .timeout, guide: "khai-sinh", step: "chuan-bi", stepGuide: "khai-sinh")])
        #expect(reset.resetTerminal)
        #expect(reset.view == .welcome(Self.languages))
        #expect(!kiosk.isInSession)
    }

    @Test func interruptOffersAReturnToTheStart() {
        var kiosk = flow()
        _ = line(&kiosk, "21")
        #expect(kiosk.handle(.interrupt).view == .confirmLeave)
        #expect(guideScreen(line(&kiosk, "2"))?.kind == .overview)
        _ = kiosk.handle(.interrupt)
        let left = line(&kiosk, "1")
        #expect(left.events == [Self.startKhaiSinh, .ended(outcome: .quit, guide: "khai-sinh", step: nil, stepGuide: nil)])
        #expect(farewell(left)?.resumeCode == "21")
        let next = line(&kiosk, "")
        #expect(next.resetTerminal && next.view == .welcome(Self.languages))
        #expect(kiosk.handle(.interrupt).view == .welcome(Self.languages))
    }

    @Test func terminateAndEndOfInputCloseTheOpenSession() {
        var a = flow()
        _ = line(&a, "21")
        let stopped = a.handle(.terminate)
        #expect(stopped.exit && stopped.events == [Self.startKhaiSinh, .ended(outcome: .interrupted, guide: "khai-sinh", step: nil, stepGuide: nil)])
        var b = flow()
        _ = line(&b, "21")
        let ended = b.handle(.endOfInput)
        #expect(ended.exit && ended.events == [Self.startKhaiSinh, .ended(outcome: .quit, guide: "khai-sinh", step: nil, stepGuide: nil)])
        var c = flow()
        #expect(c.handle(.endOfInput).events.isEmpty)
    }

    @Test func theMainPathEndsDoneThenThanksThenAResetForTheNextPerson() {
        var kiosk = flow()
        _ = line(&kiosk, "11")
        var events: [SessionEvent] = []
        var output = line(&kiosk, "1")
        var guard_ = 0
        while case .guide = output.view, guard_ < 40 {
            events += output.events
            output = line(&kiosk, "1")
            guard_ += 1
        }
        events += output.events
        #expect(farewell(output)?.outcome == .done && farewell(output)?.resumeCode == nil)
        guard case .ended(.done, "kich-hoat-vneid", _, _)? = events.last else {
            Issue.record("the session did not end done: \(String(describing: events.last))")
            return
        }
        #expect(events.first == .started(guide: "kich-hoat-vneid", language: "vi", launchedBy: .citizen))
        #expect(events.dropFirst().first == .stepShown(guide: "kich-hoat-vneid", step: "da-duyet", index: 1))
        let next = line(&kiosk, "")
        #expect(next.resetTerminal && next.view == .welcome(Self.languages))
    }

    @Test func aWholeTitleOpensItsGuideAndTheStaffKeyWorksOnTheLeaveQuestion() {
        var kiosk = flow()
        _ = line(&kiosk, "")
        let opened = line(&kiosk, "Đăng ký khai sinh cho con (kèm thường trú, thẻ BHYT)")
        #expect(guideScreen(opened)?.kind == .overview)
        _ = line(&kiosk, "1")
        _ = line(&kiosk, "/")
        let call = line(&kiosk, "0")
        #expect(call.staffCall != nil && guideScreen(call)?.kind == .step)
    }

    @Test func aPlusAndANumberOnTheWelcomeScreenIsAVolunteerNotALanguage() {
        var kiosk = flow()
        let wrong = line(&kiosk, "+2")
        #expect(wrong.notice == .noSuchCode && kiosk.language == "vi")
        #expect(line(&kiosk, "+21").volunteerSession)
    }

    @Test func aCallAnsweredOnTheBoardEndsTheLongWait() {
        var kiosk = flow()
        _ = kiosk.handle(.line("21-3"), at: 1_000)
        _ = kiosk.handle(.line("0"), at: 2_000)
        _ = kiosk.handle(.staffCallResult(delivered: true), at: 2_000)
        let answered = kiosk.handle(.staffCallAnswered, at: 5_000)
        #expect(!answered.waitingForStaff && guideScreen(answered)?.progress == Progress(index: 3, total: 12))
        #expect(kiosk.deadline() == FlowDeadline(at: 5_000 + kiosk.timing.warning, input: .idleWarning))
        // A new press calls again.
        #expect(line(&kiosk, "0").staffCall != nil)
    }

    @Test func theStaffKeyOnAFarewellCallsStaffAndKeepsTheCode() {
        var kiosk = flow()
        _ = line(&kiosk, "21-4")
        _ = line(&kiosk, "/")
        _ = line(&kiosk, "1")
        let asked = line(&kiosk, "0")
        #expect(asked.staffCall == StaffCallRequest(guide: "khai-sinh", step: "tim-thu-tuc", stepIndex: 4))
        #expect(farewell(kiosk.handle(.staffCallResult(delivered: true)))?.resumeCode == "21-4")
        let next = line(&kiosk, "")
        #expect(next.resetTerminal && next.callEnded == .left)
    }

    @Test func backFromAnOverviewClosesTheSessionForKioskGuide() throws {
        var kiosk = flow()
        let guide = try #require(PlayThroughTests.shipped.guide("21"))
        _ = kiosk.startVolunteer(guide)
        let back = line(&kiosk, "-")
        #expect(back.sessionClosed && back.events.isEmpty)
    }
}
