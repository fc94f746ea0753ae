import Foundation
@testable import Guides
import Testing
@testable import Kiosk

/// Every screen of every shipped guide, in Vietnamese and English, at the smallest terminals the kiosk serves: each
/// page fits, no line is wider than the terminal, and no text is lost between pages.
@Suite struct ScreenFitTests {
    static let root = ScreenRendererTests.root
    static let ui = UICatalog(contentsOf: root.appendingPathComponent("locales/ui.vi.txt").path)
    static let library = Library.load(directory: root.appendingPathComponent("guides").path, options: Library.Options(today: Day("2026-11-25")!))
    static let english = Localizer(language: "en", ui: ui,
        translations: Translations(POParser.parse(contentsOf: root.appendingPathComponent("locales/en.po").path).0))

    static func renderer(columns: Int, rows: Int) -> ScreenRenderer {
        let base = ScreenRenderer(localizer: Localizer(ui: ui), localizers: ["en": english], style: TerminalStyle(enabled: false),
            width: 79, centre: "Trung tâm Phục vụ hành chính công xã Tây Hòa", counter: "quầy số 12", idleResetSeconds: 30)
        return FitCheck.renderer(base, columns: columns, rows: rows)
    }

    /// Every view a citizen can meet, with the notices that make a screen tallest.
    static func views() -> [(String, FlowOutput)] {
        var outputs: [(String, FlowOutput)] = []
        for guide in library.guides {
            for sample in ScreenSample.every(guide, in: library) {
                var output = FlowOutput(view: sample.view)
                output.waitingForStaff = true
                output.staffReached = false
                output.volunteerSession = true
                output.notice = .invalidChoice
                outputs.append(("\(guide.id) \(sample.stepID ?? "-")", output))
            }
        }
        let languages = LanguageList(contentsOf: root.appendingPathComponent("locales/languages.txt").path).languages
        outputs.append(("welcome", FlowOutput(view: .welcome(languages))))
        outputs.append(("menu", FlowOutput(view: .menu(library.citizenGuides), notice: .personalDataDropped)))
        outputs.append(("results", FlowOutput(view: .results(Array(library.citizenGuides.prefix(3))), notice: .noMatch)))
        return outputs
    }

    @Test(arguments: [[80, 24], [60, 20]], ["vi", "en"])
    func everyScreenFitsAndLosesNothing(size: [Int], language: String) {
        let (columns, rows) = (size[0], size[1])
        let renderer = Self.renderer(columns: columns, rows: rows)
        var paged = 0
        for (name, base) in Self.views() {
            var output = base
            output.language = language
            let result = renderer.pageLines(output)
            let (pages, fits) = (result.pages, result.fits)
            // At 80x24 the question and its choices always come together; a smaller terminal may split them.
            if columns >= FitCheck.columns { #expect(!result.closingSplit, "\(name) splits its choices at 80x24 in \(language)") }
            #expect(fits, "\(name) cannot fit \(columns)x\(rows) in \(language)")
            for (number, page) in pages.enumerated() {
                #expect(page.count <= rows - 1, "\(name) page \(number + 1) has \(page.count) lines at \(columns)x\(rows) in \(language)")
                for line in page { #expect(TextLayout.width(of: line) <= columns - 1, "\(name): \(line)") }
            }
            let shown = Set(pages.joined())
            let layout = renderer.speaking(language).layout(output)
            for line in layout.body + layout.lead + layout.closing where !line.isEmpty {
                #expect(shown.contains(line), "\(name) lost a line between pages: \(line)")
            }
            // The legend is on every page.
            for page in pages { #expect(Array(page.suffix(layout.legend.count)) == layout.legend) }
            if pages.count > 1 {
                paged += 1
                for page in pages.dropLast() { #expect(page.contains { $0.contains(language == "en" ? "Press Enter to see more" : "Bấm Enter để xem tiếp") }) }
            }
        }
        // At these sizes the long overviews really are paged (the test would pass vacuously otherwise).
        #expect(paged > 0)
    }

    @Test func kioskCheckWarnsAboutAScreenThatCannotFit() {
        let base = Self.renderer(columns: 80, rows: 24)
        #expect(FitCheck.diagnostics(Self.library, renderer: base).isEmpty)
        let tiny = FitCheck.diagnostics(Self.library, renderer: base, columns: 40, rows: 10)
        #expect(!tiny.isEmpty && tiny.allSatisfy { $0.severity == .warning && $0.message.contains("cannot fit a 40x10 terminal") })
    }
}
