@testable import Guides
import Testing

/// The session engine: every input on a small library with a branch, a shared block and a jump into another guide.
@Suite struct SessionTests {
    let lib = library([
        "main.guide": header(id: "main", code: "1", extra: "requires: pre") + "\n" + """
            step one: Một
              Thân bài một.
              ! canh-bao: Cảnh báo.
              ? Màn hình có hiện chữ A không?
              - co: Có -> next
              - khong: Không -> fix
              - chua-co-tai: Chưa có tài khoản -> guide pre
            use blk
            step three: Ba
              - xong: Xong -> end done
              - de-sau: Để sau -> end later
            step fix: Sửa
              - da-sua: Đã sửa -> one
              - van-loi: Vẫn lỗi -> end staff
            """,
        "pre.guide": header(id: "pre", code: "2") + "\nstep p1: Trước\n  - xong: Xong -> end done\n",
        "shared/blk.steps": "steps: blk\nsource: https://example.gov.vn/blk\nstep two: Hai\n  - tiep: Tiếp -> next\n",
    ])

    func start(_ launchedBy: LaunchedBy = .citizen) -> (Session, SessionOutput) {
        guard let guide = lib.guide("main") else { Issue.record("no main guide"); return Session.start(lib.guides[0], language: "vi", launchedBy: launchedBy, library: lib) }
        return Session.start(guide, language: "vi", launchedBy: launchedBy, library: lib)
    }

    @Test func theLibraryUnderTestIsValid() {
        #expect(rendered(lib) == [])
        #expect(lib.guide("main")?.mainPath == ["one", "blk.two", "three"])
    }

    @Test func startShowsTheOverviewAndRecordsWhoLaunched() {
        let (_, output) = start(.volunteer)
        #expect(output.events == [.started(guide: "main", language: "vi", launchedBy: .volunteer)])
        #expect(output.screen.kind == .overview)
        #expect(output.screen.requires.map(\.text) == ["Tiêu đề pre"])
        #expect(output.screen.steps.map(\.title.text) == ["Một", "Hai", "Ba"])
        #expect(output.screen.choices.map(\.label) == [.ui(.overviewReady), .ui(.overviewNotYet)])
    }

    @Test func theMainPathToDone() {
        var (session, _) = start()
        let first = session.handle(.choose(1))
        #expect(first.screen.title?.text == "Một")
        #expect(first.screen.progress == Progress(index: 1, total: 3))
        #expect(first.screen.warnings.map(\.text) == ["Cảnh báo."])
        #expect(first.screen.check?.key == "main/one:check")
        #expect(first.screen.keys == [.staff, .back, .repeat, .list, .quit])
        #expect(first.events == [.stepShown(guide: "main", step: "one", index: 1)])
        let second = session.handle(.choose(1))
        #expect(second.screen.title?.key == "blk/two:title")
        #expect(second.screen.progress == Progress(index: 2, total: 3))
        _ = session.handle(.choose(1))
        let question = session.handle(.choose(1))
        #expect(question.screen.kind == .endQuestion)
        #expect(question.events.isEmpty)
        let end = session.handle(.choose(1))
        #expect(end.screen.kind == .ended && end.screen.outcome == .done)
        #expect(end.events == [.ended(outcome: .done, guide: "main", step: "three", stepGuide: "main")])
        #expect(session.isEnded)
        #expect(session.handle(.choose(1)).events.isEmpty)
    }

    @Test func aBranchStepKeepsTheLastMainPathNumber() {
        var (session, _) = start()
        _ = session.handle(.choose(1))
        let fix = session.handle(.choose(2))
        #expect(fix.screen.title?.text == "Sửa")
        // Shown as "extra to step 1 of 3", never as step 1 itself.
        #expect(fix.screen.progress == Progress(index: 1, total: 3, isBranch: true))
        #expect(fix.events == [.stepShown(guide: "main", step: "fix", index: nil)])
        #expect(session.handle(.choose(2)).events == [.ended(outcome: .staff, guide: "main", step: "fix", stepGuide: "main")])
    }

    @Test func backRetracesThePathActuallyTaken() {
        var (session, _) = start()
        _ = session.handle(.choose(1))   // one
        _ = session.handle(.choose(2))   // fix
        _ = session.handle(.choose(1))   // one again
        _ = session.handle(.choose(1))   // blk.two
        var back = session.handle(.back)
        #expect(back.screen.title?.text == "Một")
        #expect(back.events == [.back(guide: "main", step: "blk.two"), .stepShown(guide: "main", step: "one", index: 1)])
        back = session.handle(.back)
        #expect(back.screen.title?.text == "Sửa")
        back = session.handle(.back)
        #expect(back.screen.title?.text == "Một")
        back = session.handle(.back)
        #expect(back.screen.kind == .overview)
        back = session.handle(.back)
        #expect(back.screen.kind == .overview && back.screen.notice == .firstScreen && back.events.isEmpty)
    }

    @Test func intoAnotherGuideAndBack() {
        var (session, _) = start()
        _ = session.handle(.choose(1))
        let inner = session.handle(.choose(3))
        #expect(inner.screen.guideTitle.text == "Tiêu đề pre")
        #expect(inner.screen.title?.text == "Trước")
        #expect(inner.events == [.stepShown(guide: "pre", step: "p1", index: 1)])
        let back = session.handle(.back)
        #expect(back.screen.title?.text == "Một" && back.screen.guideTitle.text == "Tiêu đề main")
        _ = session.handle(.choose(3))
        let returned = session.handle(.choose(1))
        #expect(returned.screen.title?.text == "Một")
        #expect(returned.screen.notice == .returnedFromGuide)
        #expect(returned.events == [.stepShown(guide: "main", step: "one", index: 1)])
        let backIntoInner = session.handle(.back)
        #expect(backIntoInner.screen.title?.text == "Trước")
    }

    @Test func callStaffRepeatAndListKeepTheCitizenWhereTheyAre() {
        var (session, _) = start()
        _ = session.handle(.choose(1))
        let help = session.handle(.callStaff)
        #expect(help.events == [.helpAsked(guide: "main", step: "one")])
        #expect(help.screen.notice == nil && help.screen.title?.text == "Một")
        let again = session.handle(.repeat)
        #expect(again.events.isEmpty && again.screen.title?.text == "Một" && again.screen.notice == .shownAgain)
        let list = session.handle(.listSteps)
        #expect(list.screen.kind == .stepList)
        #expect(list.screen.steps.filter(\.isCurrent).map(\.number) == [1])
        let returned = session.handle(.back)
        #expect(returned.screen.kind == .step && returned.screen.title?.text == "Một" && returned.events.isEmpty)
    }

    @Test func anInvalidNumberChangesNothing() {
        var (session, _) = start()
        _ = session.handle(.choose(1))
        for number in [0, 4, 99, -1] {
            let output = session.handle(.choose(number))
            #expect(output.screen.notice == .invalidChoice && output.screen.title?.text == "Một" && output.events.isEmpty)
        }
    }

    @Test func quitIdleAndNotYetEndTheSession() {
        var (a, _) = start()
        #expect(a.handle(.choose(2)).events == [.ended(outcome: .later, guide: "main", step: nil, stepGuide: nil)])
        var (b, _) = start()
        _ = b.handle(.choose(1))
        #expect(b.handle(.idle).events == [.ended(outcome: .timeout, guide: "main", step: "one", stepGuide: "main")])
        var (c, _) = start()
        _ = c.handle(.choose(1))
        #expect(c.handle(.quit).events == [.ended(outcome: .quit, guide: "main", step: "one", stepGuide: "main")])
    }

    @Test func theEndQuestionAnswersMapToOutcomes() {
        for (number, outcome) in [(1, SessionOutcome.done), (2, .staff), (3, .later)] {
            var (session, _) = start()
            for _ in 0..<4 { _ = session.handle(.choose(1)) }
            #expect(session.handle(.choose(number)).screen.outcome == outcome)
        }
    }

    @Test func backFromTheEndQuestionIsABack() {
        var (session, _) = start()
        for _ in 0..<3 { _ = session.handle(.choose(1)) }
        #expect(session.handle(.choose(1)).screen.kind == .endQuestion)
        let back = session.handle(.back)
        #expect(back.screen.title?.text == "Ba")
        #expect(back.events == [.back(guide: "main", step: "three"), .stepShown(guide: "main", step: "three", index: 3)])
    }

    @Test func theListOfStepsGoesBackToADoneStepButNotAhead() {
        var (session, _) = start()
        _ = session.handle(.choose(1))
        _ = session.handle(.choose(1))
        let list = session.handle(.listSteps)
        #expect(list.screen.steps.map(\.isDone) == [true, false, false])
        #expect(list.screen.steps.filter(\.isCurrent).map(\.number) == [2])
        let ahead = session.handle(.choose(3))
        #expect(ahead.screen.notice == .stepNotReached && ahead.screen.kind == .stepList && ahead.events.isEmpty)
        let jumped = session.handle(.choose(1))
        #expect(jumped.screen.title?.text == "Một" && jumped.screen.progress == Progress(index: 1, total: 3))
        #expect(jumped.events == [.back(guide: "main", step: "blk.two"), .stepShown(guide: "main", step: "one", index: 1)])
        // As if back had been pressed until there: back goes further back (the overview), never forward again.
        #expect(session.handle(.back).screen.kind == .overview)
        _ = session.handle(.choose(1))
        _ = session.handle(.listSteps)
        let enter = session.handle(.repeat)
        #expect(enter.screen.kind == .step && enter.screen.title?.text == "Một")
    }

    @Test func aResumeStartOpensTheStepAndKnowsItsCode() {
        let library = lib
        guard let guide = library.guide("main") else { Issue.record("no guide"); return }
        var (session, output) = Session.start(guide, language: "vi", launchedBy: .citizen, library: library, resumeAt: 2)
        #expect(output.events == [.started(guide: "main", language: "vi", launchedBy: .citizen),
            .stepShown(guide: "main", step: "blk.two", index: 2)])
        #expect(output.screen.progress == Progress(index: 2, total: 3))
        #expect(session.resumeCode == guide.code + "-2")
        // Back from a resumed step reaches the overview, whose code is the guide's own.
        #expect(session.handle(.back).screen.kind == .overview)
        #expect(session.resumeCode == guide.code)
        let (fresh, _) = Session.start(guide, language: "vi", launchedBy: .citizen, library: library)
        #expect(fresh.resumeCode == guide.code)
    }
}
