import Guides

/// `kiosk show`: one guide as a printable handout, for training and posters.
enum ShowCommand {
    static let command = Command(
        name: "show",
        summary: "print a whole guide (overview, every step and choice) as readable text",
        operands: "ID|CODE", positionals: 1...1,
        options: [KioskOptions.showFormat, KioskOptions.language, KioskOptions.width, KioskOptions.guides, KioskOptions.locales],
        notes: "Draft guides can be shown too, for review; the status is printed at the end.",
        run: run)

    static func run(_ arguments: Arguments) throws(CommandError) -> Int32 {
        let library = Library.load(directory: Paths.guides(arguments[KioskOptions.guides]), options: Library.Options(today: Clock.today()))
        let name = arguments.positionals[0]
        guard let guide = library.guide(name) else {
            let known = library.guides.map(\.id) + library.guides.map(\.code)
            throw .failed("no guide \"\(Quoted.escape(name))\"" + Suggestion.suffix(for: name, among: known)
                + (library.rejected.contains(name) ? " (it has errors: run `kiosk check`)" : ""))
        }
        let format = PrintFormat(rawValue: arguments[KioskOptions.showFormat] ?? "text") ?? .text
        let localizer = try LocalizerLoader.load(arguments[KioskOptions.language] ?? "vi", locales: Paths.locales(arguments[KioskOptions.locales]),
            library: library)
        let document = GuidePrinter(library: library, ui: localizer).document(guide)
        Output.out(format.write(document, columns: arguments.number(KioskOptions.width) ?? 72))
        return 0
    }
}
