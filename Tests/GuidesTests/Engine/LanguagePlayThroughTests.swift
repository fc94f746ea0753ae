import Foundation
import Testing
@testable import Guides

/// Every state of every shipped guide drawn in every shipped language: English complete, the others falling back
/// line by line to Vietnamese, and never an empty line on screen.
@Suite struct LanguagePlayThroughTests {
    static let languages = ["vi", "en", "rad", "jra", "mng"]

    static func localizer(_ code: String) -> (Localizer, Translations) {
        let ui = UICatalog(contentsOf: repositoryRoot + "/locales/ui.vi.txt")
        guard code != "vi" else { return (Localizer(ui: ui), Translations()) }
        let translations = Translations(POParser.parse(contentsOf: repositoryRoot + "/locales/\(code).po").0)
        return (Localizer(language: code, ui: ui, translations: translations), translations)
    }

    /// Every text of a screen, with the identity that should translate it.
    static func texts(_ screen: Screen) -> [(key: String, source: String, shown: ScreenText)] {
        var lines: [Line] = [screen.guideTitle] + [screen.title, screen.summary, screen.body, screen.check, screen.fee, screen.time].compactMap { $0 }
        lines += screen.warnings + screen.bring + screen.notHere + screen.requires + screen.steps.map(\.title)
        var result = lines.map { (key: $0.key, source: $0.text, shown: ScreenText.line($0)) }
        for choice in screen.choices {
            switch choice.label {
            case .line(let line): result.append((line.key, line.text, choice.label))
            case .ui(let key): result.append(("ui:" + key.rawValue, "", choice.label))
            }
        }
        if let question = screen.question { result.append(("ui:" + question.rawValue, "", .ui(question))) }
        return result
    }

    @Test(arguments: languages)
    func everyScreenOfEveryGuideIsComplete(language: String) throws {
        let library = PlayThroughTests.shipped
        let (localizer, translations) = Self.localizer(language)
        var screens = 0
        for guide in library.guides {
            let (start, _) = Session.start(guide, language: language, launchedBy: .citizen, library: library)
            var queue = [start]
            var seen: Set<PlayThroughTests.State> = [PlayThroughTests.State(phase: start.phase, frames: start.frames)]
            while let session = queue.popLast() {
                let screen = session.screen()
                screens += 1
                for text in Self.texts(screen) {
                    let shown = localizer.text(text.shown)
                    #expect(!shown.trimmingCharacters(in: .whitespaces).isEmpty, "\(language): \(text.key) is empty on screen")
                    if language == "en", case .line(let line) = text.shown {
                        #expect(translations.text(for: line.key, source: line.text) != nil, "en: \(line.key) is not translated")
                    }
                }
                for choice in screen.choices {
                    var next = session
                    _ = next.handle(.choose(choice.number))
                    if seen.insert(PlayThroughTests.State(phase: next.phase, frames: next.frames)).inserted { queue.append(next) }
                }
            }
        }
        #expect(screens > library.guides.count * 5)
        for key in UIText.allCases {
            #expect(!localizer.text(key).isEmpty)
            if language == "en" {
                #expect(translations.text(for: "ui:" + key.rawValue, source: localizer.ui.text(key)) != nil, "en: ui:\(key.rawValue)")
            }
        }
    }
}
