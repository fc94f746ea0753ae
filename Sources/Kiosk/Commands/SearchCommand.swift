import Guides

/// `kiosk search`: the ranked guides a citizen would be offered for some words.
enum SearchCommand {
    static let command = Command(
        name: "search",
        summary: "rank guides for some words or a poster code, best first",
        usage: "kiosk search [--guides DIR] [--all] WORDS...",
        help: """
            options:
              --guides DIR   the guide directory (default: ./guides, or $KIOSK_GUIDES)
              --all          search draft guides too (citizens only ever see sourced and reviewed ones)

            Words may be typed without accents, with Telex or VNI leftovers, or with small typos.
            Exit status 1 when nothing matches.
            """,
        spec: CommandSpec(valued: ["--guides"], flags: ["--all"], positionals: 1...64),
        run: run)

    static func run(_ arguments: Arguments) -> Int32 {
        let library = Library.load(directory: Paths.guides(arguments.value("--guides")))
        let search = GuideSearch(guides: arguments.has("--all") ? library.guides : library.citizenGuides)
        let hits = search.search(arguments.positionals.joined(separator: " "))
        guard !hits.isEmpty else {
            Output.err("no guide matches\n")
            return 1
        }
        Output.out(lines: hits.map { hit in
            hit.guide.code.padding(toLength: 5, withPad: " ", startingAt: 0) + hit.guide.id + "  " + hit.guide.title.text
        })
        return 0
    }
}
