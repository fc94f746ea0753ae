@testable import Guides
import Testing

/// The whole citizen flow at engine level: welcome, menu, search, codes, volunteer launch, idle, interrupts, reset.
@Suite struct KioskFlowTests {
    static let keys: LegendLetters = [.back: "q", .repeat: "x", .list: "d", .staff: "g", .quit: "t"]
    static let languages = [Language(code: "vi", name: "Tiếng Việt", vietnameseName: "Tiếng Việt"),
        Language(code: "en", name: "English", vietnameseName: "Tiếng Anh")]

    func flow() -> KioskFlow {
        KioskFlow(library: PlayThroughTests.shipped, languages: Self.languages, keys: Self.keys)
    }

    func line(_ flow: inout KioskFlow, _ text: String) -> FlowOutput { flow.handle(.line(text)) }

    func guideScreen(_ output: FlowOutput) -> Screen? {
        if case .guide(let screen) = output.view { return screen }
        return nil
    }

    @Test func enterAtWelcomeChoosesTheDefaultLanguage() {
        var kiosk = flow()
        #expect(kiosk.output().view == .welcome(Self.languages))
        let menu = line(&kiosk, "")
        guard case .menu(let guides) = menu.view else { Issue.record("not the menu"); return }
        #expect(guides.map(\.id) == Array(PlayThroughTests.shipped.citizenGuides.prefix(KioskFlow.menuSize)).map(\.id))
        #expect(guides.first?.id == "kich-hoat-vneid" && guides.allSatisfy { $0.status.isShownToCitizens })
        #expect(kiosk.language == "vi")
    }

    @Test func aLanguageNumberSetsTheLanguageOfTheSession() {
        var kiosk = flow()
        _ = line(&kiosk, "2")
        let start = line(&kiosk, "21")
        #expect(start.events == [.started(guide: "khai-sinh", language: "en", launchedBy: .citizen)])
    }

    @Test func aDigitThatIsNoLanguageIsAMistakeButAPosterCodeStarts() {
        var kiosk = flow()
        let wrong = line(&kiosk, "3")
        #expect(wrong.notice == .invalidChoice && wrong.view == .welcome(Self.languages) && wrong.events.isEmpty)
        let code = line(&kiosk, "21")
        #expect(code.events == [.started(guide: "khai-sinh", language: "vi", launchedBy: .citizen)])
    }

    @Test func wordsAtWelcomeSearchAtOnce() {
        var kiosk = flow()
        let results = line(&kiosk, "ddawng kys khai sinh")
        guard case .results(let guides) = results.view else { Issue.record("no results"); return }
        #expect(guides.first?.id == "khai-sinh")
        #expect(results.keepInHistory)
        let started = line(&kiosk, "1")
        #expect(guideScreen(started)?.kind == .overview)
        #expect(started.events == [.started(guide: "khai-sinh", language: "vi", launchedBy: .citizen)])
    }

    @Test func aPosterCodeJumpsToItsGuide() {
        var kiosk = flow()
        _ = line(&kiosk, "")
        let started = line(&kiosk, "12")
        #expect(started.events == [.started(guide: "dang-nhap-dvcqg", language: "vi", launchedBy: .citizen)])
    }

    @Test func noMatchKeepsTheMenuWithANotice() {
        var kiosk = flow()
        _ = line(&kiosk, "")
        let output = line(&kiosk, "xyzzy qwerty")
        #expect(output.notice == .noMatch)
        guard case .menu = output.view else { Issue.record("left the menu"); return }
    }

    @Test func aVolunteerLaunchIsCountedAndReminded() {
        var kiosk = flow()
        _ = line(&kiosk, "")
        #expect(line(&kiosk, "+").notice == .volunteerHowTo)
        let started = line(&kiosk, "+21")
        #expect(started.events == [.started(guide: "khai-sinh", language: "vi", launchedBy: .volunteer)])
        #expect(started.volunteerSession)
        #expect(line(&kiosk, "1").volunteerSession)
    }

    @Test func startVolunteerFromTheShell() throws {
        var kiosk = flow()
        let guide = try #require(PlayThroughTests.shipped.guide("21"))
        let started = kiosk.startVolunteer(guide, language: "en")
        #expect(started.events == [.started(guide: "khai-sinh", language: "en", launchedBy: .volunteer)])
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

    @Test func legendLettersDriveTheSession() {
        var kiosk = flow()
        _ = line(&kiosk, "21")
        _ = line(&kiosk, "1")
        _ = line(&kiosk, "1")
        #expect(guideScreen(line(&kiosk, "q"))?.progress == Progress(index: 1, total: 12))
        #expect(guideScreen(line(&kiosk, "d"))?.kind == .stepList)
        #expect(guideScreen(line(&kiosk, "x"))?.kind == .stepList)
        #expect(guideScreen(line(&kiosk, "q"))?.kind == .step)
        #expect(line(&kiosk, "g").events == [.helpAsked(guide: "khai-sinh", step: "chuan-bi")])
        #expect(line(&kiosk, "zz").notice == .invalidChoice)
        let quit = line(&kiosk, "t")
        #expect(quit.events == [.ended(outcome: .quit, guide: "khai-sinh", step: "chuan-bi", stepGuide: "khai-sinh")])
        #expect(quit.view == .thanks(.quit))
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
        #expect(left.events == [.ended(outcome: .quit, guide: "khai-sinh", step: nil, stepGuide: nil)])
        #expect(left.resetTerminal && left.view == .welcome(Self.languages))
        #expect(kiosk.handle(.interrupt).view == .welcome(Self.languages))
    }

    @Test func terminateAndEndOfInputCloseTheOpenSession() {
        var a = flow()
        _ = line(&a, "21")
        let stopped = a.handle(.terminate)
        #expect(stopped.exit && stopped.events == [.ended(outcome: .interrupted, guide: "khai-sinh", step: nil, stepGuide: nil)])
        var b = flow()
        _ = line(&b, "21")
        let ended = b.handle(.endOfInput)
        #expect(ended.exit && ended.events == [.ended(outcome: .quit, guide: "khai-sinh", step: nil, stepGuide: nil)])
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
        #expect(output.view == .thanks(.done))
        guard case .ended(.done, "kich-hoat-vneid", _, _)? = events.last else {
            Issue.record("the session did not end done: \(String(describing: events.last))")
            return
        }
        #expect(events.first == .stepShown(guide: "kich-hoat-vneid", step: "da-duyet", index: 1))
        let next = line(&kiosk, "")
        #expect(next.resetTerminal && next.view == .welcome(Self.languages))
    }

    /// With English as the default language, a visitor who picks Vietnamese types the Vietnamese letters the screen shows.
    @Test func theLettersFollowTheChosenLanguageWhateverTheDefault() {
        let english: LegendLetters = [.back: "b", .repeat: "r", .list: "l", .staff: "h", .quit: "q"]
        var kiosk = KioskFlow(library: PlayThroughTests.shipped, languages: Self.languages, defaultLanguage: "en", keys: Self.keys,
            keysByLanguage: ["en": english])
        _ = line(&kiosk, "1")
        _ = line(&kiosk, "21")
        _ = line(&kiosk, "1")
        let back = line(&kiosk, "q")
        #expect(back.events.contains(.back(guide: "khai-sinh", step: "chuan-bi")) || guideScreen(back)?.kind == .overview,
            "q is Vietnamese back, not English quit: \(back.events)")
        #expect(!back.events.contains { if case .ended = $0 { true } else { false } })
    }

    @Test func aPlusAndANumberOnTheWelcomeScreenIsAVolunteerNotALanguage() {
        var kiosk = flow()
        let started = line(&kiosk, "+2")
        #expect(started.volunteerSession && kiosk.language == "vi")
    }
}
