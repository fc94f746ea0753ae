@testable import Guides
import Testing

/// Idle time and overlays in the pure flow: keystrokes count as activity, and dismissing any overlay (the idle
/// warning, the leave question) returns to the screen under it, whatever came before.
@Suite struct OverlayTests {
    static let timing = IdleTiming(warningSeconds: 120, resetSeconds: 30, thanksSeconds: 15)

    func flow() -> KioskFlow {
        KioskFlow(library: PlayThroughTests.shipped, languages: KioskFlowTests.languages, timing: Self.timing)
    }

    /// A flow on step 1 of guide 21, the last input at `t = 10_000`.
    func inSession() -> KioskFlow {
        var kiosk = flow()
        _ = kiosk.handle(.line("21"), at: 9_000)
        _ = kiosk.handle(.line("1"), at: 10_000)
        return kiosk
    }

    func isStepOne(_ output: FlowOutput) -> Bool {
        guard case .guide(let screen) = output.view else { return false }
        return screen.kind == .step && screen.progress?.index == 1
    }

    @Test func aCleanWelcomeScreenWaitsForeverAndATouchedOneIsWipedAfterTheWarningTime() {
        var kiosk = flow()
        #expect(kiosk.deadline() == nil)
        _ = kiosk.handle(.keystroke, at: 5_000)
        #expect(kiosk.deadline() == FlowDeadline(at: 125_000, input: .idleTimeout))
        let wiped = kiosk.handle(.idleTimeout, at: 125_000)
        #expect(wiped.resetTerminal && wiped.view == .welcome(KioskFlowTests.languages))
        #expect(kiosk.deadline() == nil)
    }

    @Test func everyKeystrokeCountsAsActivity() {
        var kiosk = inSession()
        #expect(kiosk.deadline() == FlowDeadline(at: 130_000, input: .idleWarning))
        // A slow typist: a key every 100 s never reaches the warning.
        for time in stride(from: UInt64(110_000), through: 510_000, by: 100_000) {
            let output = kiosk.handle(.keystroke, at: time)
            #expect(!output.redraw, "a keystroke redrew the screen over the line being typed")
            #expect(kiosk.deadline() == FlowDeadline(at: time + 120_000, input: .idleWarning))
        }
        #expect(isStepOne(kiosk.output()))
    }

    @Test func theWarningThenTheResetEndTheSessionAsTimedOut() {
        var kiosk = inSession()
        let warned = kiosk.handle(.idleWarning, at: 130_000)
        #expect(warned.view == .idleWarning && warned.events.isEmpty)
        #expect(kiosk.deadline() == FlowDeadline(at: 160_000, input: .idleTimeout))
        let reset = kiosk.handle(.idleTimeout, at: 160_000)
        #expect(reset.resetTerminal && reset.view == .welcome(KioskFlowTests.languages))
        #expect(reset.events == [.ended(outcome: .timeout, guide: "khai-sinh", step: "chuan-bi", stepGuide: "khai-sinh")])
    }

    @Test func aKeystrokeDuringTheWarningReturnsToTheStep() {
        var kiosk = inSession()
        _ = kiosk.handle(.idleWarning, at: 130_000)
        let back = kiosk.handle(.keystroke, at: 140_000)
        #expect(back.redraw && isStepOne(back))
        #expect(kiosk.deadline() == FlowDeadline(at: 260_000, input: .idleWarning))
    }

    /// Every order of overlays, dismissed by "2" (stay) or Enter: always back on the step, never on another overlay.
    @Test(arguments: [
        [FlowInput.idleWarning], [.interrupt], [.idleWarning, .interrupt], [.interrupt, .idleWarning],
        [.interrupt, .interrupt], [.idleWarning, .idleWarning], [.idleWarning, .interrupt, .idleWarning],
    ], ["2", ""])
    func dismissingAnyOverlayReturnsToTheBaseScreen(overlays: [FlowInput], answer: String) {
        var kiosk = inSession()
        var time: UInt64 = 130_000
        for overlay in overlays {
            let shown = kiosk.handle(overlay, at: time)
            #expect(shown.view == (overlay == .idleWarning ? .idleWarning : .confirmLeave))
            time += 1_000
        }
        let dismissed = kiosk.handle(.line(answer), at: time)
        #expect(isStepOne(dismissed), "\(overlays) then \"\(answer)\" shows \(dismissed.view)")
        #expect(dismissed.events.isEmpty && kiosk.isInSession)
        #expect(kiosk.deadline() == FlowDeadline(at: time + 120_000, input: .idleWarning))
    }

    @Test func leavingFromTheQuestionEndsTheSessionEvenAfterAWarning() {
        var kiosk = inSession()
        _ = kiosk.handle(.idleWarning, at: 130_000)
        _ = kiosk.handle(.interrupt, at: 131_000)
        let left = kiosk.handle(.line("1"), at: 132_000)
        guard case .thanks(let farewell) = left.view else { Issue.record("no farewell"); return }
        #expect(farewell.outcome == .quit && farewell.resumeCode == "21-1")
        #expect(left.events == [.ended(outcome: .quit, guide: "khai-sinh", step: "chuan-bi", stepGuide: "khai-sinh")])
    }

    @Test func personalDataTypedUnderTheWarningIsDroppedAndTheStepReturns() {
        var kiosk = inSession()
        _ = kiosk.handle(.idleWarning, at: 130_000)
        let dropped = kiosk.handle(.line("066190001234"), at: 131_000)
        #expect(dropped.notice == .personalDataDropped && isStepOne(dropped) && !dropped.keepInHistory)
    }

    @Test func theThanksScreenResetsByItselfAfterItsTime() {
        var kiosk = flow()
        _ = kiosk.handle(.line("21"), at: 1_000)
        _ = kiosk.handle(.line("1"), at: 2_000)
        _ = kiosk.handle(.line("/"), at: 2_500)
        _ = kiosk.handle(.line("1"), at: 2_800)
        _ = kiosk.handle(.line(""), at: 3_000)
        // After a guide followed to its end ("done"), the thanks screen has no code to copy: the short time.
        _ = kiosk.handle(.line("11"), at: 4_000)
        var output = kiosk.handle(.line("1"), at: 5_000)
        while case .guide = output.view { output = kiosk.handle(.line("1"), at: 5_000) }
        guard case .thanks(let farewell) = output.view else { Issue.record("no thanks"); return }
        #expect(farewell.outcome == .done)
        #expect(kiosk.deadline() == FlowDeadline(at: 20_000, input: .idleTimeout))
        let reset = kiosk.handle(.idleTimeout, at: 20_000)
        #expect(reset.resetTerminal && reset.events.isEmpty)
    }

    @Test func aLineLongerThanTheKioskReadsIsDroppedWithANotice() {
        var kiosk = inSession()
        let long = kiosk.handle(.line(String(repeating: "khai sinh ", count: 200)), at: 20_000)
        #expect(long.notice == .lineTooLong && !long.keepInHistory && long.events.isEmpty && isStepOne(long))
        let cut = kiosk.handle(.overlongLine, at: 21_000)
        #expect(cut.notice == .lineTooLong && isStepOne(cut))
    }
}
