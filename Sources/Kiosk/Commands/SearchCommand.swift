import Foundation
import Guides

/// `kiosk search`: what a visitor who typed some words would be offered, in the language they chose.
enum SearchCommand {
    static let command = Command(
        name: "search",
        summary: "what a visitor who types some words is offered: the guides that fit, best first, or none",
        operands: "WORDS...", positionals: 1...64,
        options: [KioskOptions.searchLanguage, KioskOptions.searchAll, KioskOptions.guides, KioskOptions.locales],
        notes: """
            Prints one line per guide offered, CODE  ID  TITLE, with the title in the visitor's language; the same
            search serves the kiosk's search box and Tab completion. Words may be typed without accents, with Telex
            or VNI leftovers, or with small typos. When the best fit is a draft, the visitor is told it is being
            prepared and to ask staff: its line is printed and a note says so. Exit status 1 when no guide fits (the
            visitor is told the kiosk has no guide for this, and where staff are).
            """,
        run: run)

    static func run(_ arguments: Arguments) throws(CommandError) -> Int32 {
        let library = Library.load(directory: Paths.guides(arguments[KioskOptions.guides]), options: Library.Options(today: Clock.today()))
        let language = arguments[KioskOptions.searchLanguage] ?? "vi"
        let locales = Paths.locales(arguments[KioskOptions.locales])
        let localizer = try LocalizerLoader.load(language, locales: locales, library: library)
        let vietnamese = language == "vi" ? localizer : try LocalizerLoader.load("vi", locales: locales)
        let search = GuideSearch(guides: library.guides, vietnamese: vietnamese, languages: [localizer])
        let query = arguments.positionals.joined(separator: " ")
        func line(_ guide: Guide) -> String {
            guide.code.padding(toLength: 5, withPad: " ", startingAt: 0) + guide.id + "  " + search.title(of: guide, language: language)
        }
        if arguments.has(KioskOptions.searchAll) {
            // For guide authors: every guide that fits, with how much of the query it explains.
            let hits = search.hits(query, language: language)
            guard !hits.isEmpty else { throw .failed("no guide fits") }
            Output.out(lines: hits.map { hit in
                line(hit.guide) + "  (" + (hit.guide.status.isShownToCitizens ? "" : "draft, ") + "fits \(hit.percent)%)"
            })
            return 0
        }
        let guides: [Guide]
        switch search.answer(query, language: language) {
        case .guides(let found): guides = found
        case .beingPrepared(let draft):
            guides = [draft]
            Output.err("kiosk: guide \(draft.code) is a draft: the visitor is told it is being prepared and to ask staff\n")
        case .nothing: guides = []
        }
        guard !guides.isEmpty else {
            throw .failed("no guide fits: the visitor is told the kiosk has no guide for this, and where staff are")
        }
        Output.out(lines: guides.map(line))
        return 0
    }
}
