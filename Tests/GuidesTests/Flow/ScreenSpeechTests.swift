@testable import Guides
import Testing

/// What the listen key reads, and in which order; the key itself never moves the flow.
@Suite struct ScreenSpeechTests {
    func line(_ flow: inout KioskFlow, _ text: String) -> FlowOutput { flow.handle(.line(text)) }

    func keys(_ output: FlowOutput) -> [String] {
        ScreenSpeech.items(of: output).flatMap { item in
            item.digits.map { "ui:" + $0.rawValue } + [{
                switch item.text {
                case .line(let line): line.key
                case .ui(let key): "ui:" + key.rawValue
                }
            }()]
        }
    }

    @Test func aStepIsReadTitleInstructionWarningsCheckThenAnswers() throws {
        var kiosk = KioskFlow(library: PlayThroughTests.shipped, languages: KioskFlowTests.languages)
        _ = line(&kiosk, "")
        _ = line(&kiosk, "11")
        let output = line(&kiosk, "1")
        guard case .guide(let screen) = output.view, let step = PlayThroughTests.shipped.guide("kich-hoat-vneid")?.steps.first
        else { Issue.record("not the first step"); return }
        #expect(screen.guide == "kich-hoat-vneid" && !step.warnings.isEmpty && step.check != nil)
        // Each answer after its number; "0, call staff" last.
        let expected = [step.title.key] + (step.body.map { [$0.key] } ?? []) + step.warnings.map(\.key)
            + [try #require(step.check).key] + step.choices.enumerated().flatMap { ["ui:say.\($0.offset + 1)", $0.element.label.key] }
            + ["ui:say.0", "ui:key.staff"]
        #expect(keys(output) == expected)
        // The key stays on the screen and asks the terminal to play; a wrong number's notice is read first.
        let listened = line(&kiosk, "+")
        #expect(listened.listen && !listened.redraw && listened.view == output.view)
        let wrong = line(&kiosk, "9")
        #expect(keys(wrong).first == "ui:notice.invalid-choice" && Array(keys(wrong).dropFirst()) == expected)
    }

    @Test func theMenuIsReadTitleEveryGuideThenWhatToType() {
        var kiosk = KioskFlow(library: PlayThroughTests.shipped, languages: KioskFlowTests.languages, voices: true)
        let welcome = line(&kiosk, "+")
        #expect(welcome.listen && keys(welcome) == ["ui:welcome.title", "ui:welcome.prompt", "ui:say.0", "ui:key.staff"])
        let menu = line(&kiosk, "")
        // Each guide after its poster code, digit by digit.
        let titles = PlayThroughTests.shipped.citizenGuides.sorted { (Int($0.code) ?? 0) < (Int($1.code) ?? 0) }
            .flatMap { guide in guide.code.map { "ui:say.\($0)" } + [guide.title.key] }
        #expect(keys(menu) == ["ui:menu.title"] + titles + ["ui:menu.prompt", "ui:say.0", "ui:key.staff"])
        // On a kiosk with recordings, the key alone only listens, on the menu too: a citizen is never told about
        // volunteer sessions. Without any recording it still reminds a volunteer how to launch a guide.
        let listened = line(&kiosk, "+")
        #expect(listened.listen && listened.notice == nil && !listened.redraw)
        var silent = KioskFlow(library: PlayThroughTests.shipped, languages: KioskFlowTests.languages)
        _ = line(&silent, "")
        #expect(line(&silent, "+").notice == .volunteerHowTo)
    }

    @Test func aVietnameseVoiceIsPlayedOnlyForWhatShowsInVietnamese() throws {
        let ui = UICatalog(contentsOf: repositoryRoot + "/locales/ui.vi.txt")
        let guide = try #require(PlayThroughTests.shipped.guide("khai-sinh"))
        let vietnamese = Localizer(ui: ui, voices: Recordings(language: "vi", byKey: [
            guide.title.key: Recording(key: guide.title.key, audio: "vi-title.wav", recordedFor: guide.title.text),
            "ui:menu.title": Recording(key: "ui:menu.title", audio: "vi-menu.wav", recordedFor: ui.text(.menuTitle)),
            "ui:menu.prompt": Recording(key: "ui:menu.prompt", audio: "stale.wav", recordedFor: "Lời cũ"),
        ]))
        // English translates the menu's title; the guide's title shows in English too, with no English voice.
        let english = LanguagePlayThroughTests.localizer("en").0
        let menu = FlowOutput(view: .menu([guide]))
        #expect(ScreenSpeech.recordings(of: menu, localizer: vietnamese, vietnamese: vietnamese) == ["vi-menu.wav", "vi-title.wav"])
        #expect(ScreenSpeech.recordings(of: menu, localizer: english, vietnamese: vietnamese).isEmpty)
        // A guide English does not cover (one line missing) shows in Vietnamese, and its Vietnamese voice plays.
        var catalog = POParser.parse(contentsOf: repositoryRoot + "/locales/en.po").0
        catalog.entries.removeAll { $0.context == "khai-sinh:summary" }
        let partial = Localizer(language: "en", ui: ui, translations: Translations(catalog)).covering([guide])
        #expect(partial.showsInVietnamese(guide: "khai-sinh"))
        #expect(ScreenSpeech.recordings(of: menu, localizer: partial, vietnamese: vietnamese) == ["vi-title.wav"])
    }
}
