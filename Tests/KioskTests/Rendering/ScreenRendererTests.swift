import Foundation
@testable import Guides
import Testing
@testable import Kiosk

/// What reaches the terminal: catalog words, wrapping by display width, no control sequences from data.
@Suite struct ScreenRendererTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    let ui = UICatalog(contentsOf: root.appendingPathComponent("locales/ui.vi.txt").path)

    func renderer(colors: Bool = false, width: Int = 60) -> ScreenRenderer {
        ScreenRenderer(localizer: Localizer(ui: ui), style: TerminalStyle(enabled: colors), width: width,
            centre: "Trung tâm xã Tây Hòa", counter: "quầy số 1", idleResetSeconds: 30)
    }

    func stepOutput(body: String, notice: Notice? = nil) -> FlowOutput {
        var screen = Screen(kind: .step, guide: "g", guideTitle: Line(key: "g:title", text: "Hướng dẫn"))
        screen.title = Line(key: "g/a:title", text: "Bước đầu")
        screen.progress = Progress(index: 2, total: 9)
        screen.body = Line(key: "g/a:body", text: body)
        screen.choices = [ScreenChoice(number: 1, label: .line(Line(key: "g/a:choice.next", text: "Có")))]
        screen.keys = [.back, .staff]
        screen.notice = notice
        return FlowOutput(view: .guide(screen))
    }

    @Test func stepScreensUseCatalogWords() {
        let text = renderer().render(stepOutput(body: "Mở ứng dụng.")).text
        #expect(text.contains("Bước 2/9 · Bước đầu"))
        #expect(text.contains("  1. Có"))
        #expect(text.contains("[-] Quay lại   [0] Gọi cán bộ"))
        #expect(text.contains("Gõ số để trả lời, rồi bấm Enter."))
    }

    @Test func noGuideForANeedSaysSoAndWhereStaffAre() {
        var output = FlowOutput(view: .menu([]))
        output.notice = .noMatch
        let text = renderer(width: 78).render(output).text.replacingOccurrences(of: "\n", with: " ")
        #expect(text.contains("Máy chưa có hướng dẫn cho việc này. Bấm 0 để gọi cán bộ, hoặc hỏi cán bộ tại quầy."))
        #expect(text.contains("Cán bộ ở Trung tâm xã Tây Hòa, quầy số 1."))
    }

    @Test func aDraftIsNamedInTheVisitorsLanguage() throws {
        let title = Line(key: "binh-dan-hoc-vu-so:title", text: "Học kỹ năng số trên Bình dân học vụ số")
        var output = FlowOutput(view: .menu([]))
        output.notice = .beingPrepared(guide: "binh-dan-hoc-vu-so", title: title)
        let vietnamese = renderer(width: 78).render(output).text.replacingOccurrences(of: "\n", with: " ")
        #expect(vietnamese.contains("Hướng dẫn «Học kỹ năng số trên Bình dân học vụ số» đang được soạn, máy chưa mở được."))
        #expect(vietnamese.contains("Cán bộ ở Trung tâm xã Tây Hòa, quầy số 1."))
        let catalog = POParser.parse(contentsOf: Self.root.appendingPathComponent("locales/en.po").path).0
        let english = ScreenRenderer(localizer: Localizer(language: "en", ui: ui, translations: Translations(catalog)),
            style: TerminalStyle(enabled: false), width: 78, centre: "", counter: "", idleResetSeconds: 30)
        let text = english.render(output).text.replacingOccurrences(of: "\n", with: " ")
        #expect(text.contains("The guide «Learn digital skills on Bình dân học vụ số (Digital Learning for All)» is being prepared"))
        #expect(!text.contains("Cán bộ ở"))
    }

    @Test func controlSequencesInDataNeverReachTheTerminal() {
        let hostile = "Bấm \u{1B}[2J\u{1B}]0;title\u{07}vào \u{9B}31mđây\u{202E} \u{1B}[3J."
        let text = renderer(colors: false).render(stepOutput(body: hostile)).text
        #expect(!text.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x9B || $0.value == 0x07 || $0.value == 0x202E })
        #expect(text.contains("Bấm vào đây ."))
    }

    @Test func wrappingCountsDisplayWidthNotBytes() {
        let body = Array(repeating: "ơ̆ư̆ê̆ Ê Đê", count: 20).joined(separator: " ")
        let text = renderer(width: 30).render(stepOutput(body: body)).text
        for line in text.split(separator: "\n") { #expect(TextLayout.width(of: line) <= 30, "\(line)") }
        #expect(text.contains("ơ̆ư̆ê̆ Ê Đê"))
    }

    @Test func stylesAreOffWithoutColorAndOnOtherwise() {
        #expect(!renderer(colors: false).render(stepOutput(body: "x")).text.contains("\u{1B}["))
        #expect(renderer(colors: true).render(stepOutput(body: "x")).text.contains("\u{1B}[1m"))
        #expect(!TerminalStyle.forTerminal(environment: ["NO_COLOR": "1", "TERM": "xterm"]).enabled)
        #expect(TerminalStyle.forTerminal(environment: ["NO_COLOR": "1", "TERM": "xterm"]).wipe.contains("\u{1B}[3J"),
            "NO_COLOR turns colours off, never the wipe between visitors")
        #expect(!TerminalStyle.forTerminal(environment: ["TERM": "dumb"]).enabled)
        #expect(TerminalStyle.forTerminal(environment: ["TERM": "xterm-256color"]).enabled)
    }

    /// A call that reached nobody says so, and where staff sit; one that reached the board promises no place.
    @Test func aCallThatReachedNobodySaysWhereStaffAre() {
        var failed = stepOutput(body: "x")
        failed.notice = .staffNotReached
        failed.waitingForStaff = true
        let text = renderer().render(failed).text
        #expect(text.contains("Máy chưa báo được cán bộ") && text.contains("Cán bộ ở Trung tâm xã Tây Hòa, quầy số 1."))
        #expect(text.contains("Máy giữ màn hình này cho bạn 15 phút."))
        #expect(text.components(separatedBy: "Máy chưa báo được cán bộ").count == 2, "the notice is not said twice")
        var reached = stepOutput(body: "x")
        reached.notice = .staffCalled
        let called = renderer().render(reached).text
        #expect(called.contains("Máy đã gửi lời gọi cán bộ.") && !called.contains("quầy số 1"))
        // A call that reached nobody keeps saying so on a later redraw, without the one-time notice.
        var later = stepOutput(body: "x")
        later.waitingForStaff = true
        later.staffReached = false
        #expect(renderer().render(later).text.contains("Máy chưa báo được cán bộ"))
    }

    @Test func thePersonalDataWarningIsKind() {
        let text = renderer(width: 200).render(FlowOutput(view: .menu([]), notice: .personalDataDropped)).text
        #expect(text.contains("Máy này không bao giờ cần số căn cước"))
    }

    /// At 60 columns (and narrower) a menu row wraps within the width left after its number, and a poster code is
    /// never cut from its label.
    @Test(arguments: [59, 44, 30])
    func menuRowsWrapWithinTheWidthAndKeepTheirCode(width: Int) {
        let library = Library.load(directory: Self.root.appendingPathComponent("guides").path, options: Library.Options(today: Day("2026-11-25")!))
        let text = renderer(width: width).render(FlowOutput(view: .results(Array(library.citizenGuides.prefix(9))))).text
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        for line in lines { #expect(TextLayout.width(of: line) <= width, "\(line)") }
        for guide in library.citizenGuides.prefix(9) {
            #expect(lines.contains { $0.contains("[Mã\u{00A0}số\u{00A0}\(guide.code)]") }, "code \(guide.code) was cut at \(width)")
        }
        // On the menu the number typed is the poster code itself.
        let menu = renderer(width: width).render(FlowOutput(view: .menu(library.citizenGuides))).text
        for guide in library.citizenGuides { #expect(menu.contains("  \(guide.code). "), "no row \(guide.code) at \(width)") }
    }
}
