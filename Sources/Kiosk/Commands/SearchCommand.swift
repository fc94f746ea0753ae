import Foundation
import Guides

/// `kiosk search`: the ranked guides a citizen would be offered for some words.
enum SearchCommand {
    static let command = Command(
        name: "search",
        summary: "rank guides for some words or a poster code, best first",
        operands: "WORDS...", positionals: 1...64,
        options: [KioskOptions.guides, KioskOptions.searchDrafts],
        notes: """
            Words may be typed without accents, with Telex or VNI leftovers, or with small typos.
            Exit status 1 when nothing matches.
            """,
        run: run)

    static func run(_ arguments: Arguments) throws(CommandError) -> Int32 {
        let library = Library.load(directory: Paths.guides(arguments[KioskOptions.guides]), options: Library.Options(today: Clock.today()))
        let search = GuideSearch(guides: arguments.has(KioskOptions.searchDrafts) ? library.guides : library.citizenGuides)
        let hits = search.search(arguments.positionals.joined(separator: " "))
        guard !hits.isEmpty else { throw .failed("no guide matches") }
        Output.out(lines: hits.map { hit in
            hit.guide.code.padding(toLength: 5, withPad: " ", startingAt: 0) + hit.guide.id + "  " + hit.guide.title.text
        })
        return 0
    }
}
