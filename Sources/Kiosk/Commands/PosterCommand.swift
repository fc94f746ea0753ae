import Guides

/// `kiosk poster`: one page with the poster code and title of every guide in the citizen menu, for the centre's wall.
enum PosterCommand {
    static let command = Command(
        name: "poster",
        summary: "one page listing the poster code and title of every guide citizens can open",
        options: [KioskOptions.posterFormat, KioskOptions.language, KioskOptions.guides, KioskOptions.locales],
        notes: "Draft guides are left out: citizens never see them.",
        run: run)

    static func run(_ arguments: Arguments) throws(CommandError) -> Int32 {
        let format = PrintFormat(rawValue: arguments[KioskOptions.posterFormat] ?? "text") ?? .text
        let library = Library.load(directory: Paths.guides(arguments[KioskOptions.guides]), options: Library.Options(today: Clock.today()))
        let ui = try LocalizerLoader.load(arguments[KioskOptions.language] ?? "vi", locales: Paths.locales(arguments[KioskOptions.locales]),
            library: library)
        Output.out(format.write(GuidePrinter(library: library, ui: ui).poster(library.citizenGuides)))
        return 0
    }
}
