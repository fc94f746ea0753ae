import Guides

/// `kiosk show`: one guide as printable text, for training and posters.
enum ShowCommand {
    static let command = Command(
        name: "show",
        summary: "print a whole guide (overview, every step and choice) as readable text",
        usage: "kiosk show [--guides DIR] [--locales DIR] [--width N] ID|CODE",
        help: """
            options:
              --guides DIR    the guide directory (default: ./guides, or $KIOSK_GUIDES)
              --locales DIR   the locale directory (default: ./locales, or $KIOSK_LOCALES)
              --width N       line width of the printout (default: 72)

            Draft guides can be shown too, for review; the status is printed at the end.
            """,
        spec: CommandSpec(valued: ["--guides", "--locales", "--width"], positionals: 1...1),
        run: run)

    static func run(_ arguments: Arguments) -> Int32 {
        let library = Library.load(directory: Paths.guides(arguments.value("--guides")))
        let name = arguments.positionals[0]
        guard let guide = library.guide(name) else {
            let known = library.guides.map(\.id) + library.guides.map(\.code)
            Output.err("kiosk show: no guide \"\(name)\"" + Suggestion.suffix(for: name, among: known)
                + (library.rejected.contains(name) ? " (it has errors: run `kiosk check`)" : "") + "\n")
            return 1
        }
        var printer = GuidePrinter(library: library, ui: UICatalog(contentsOf: Paths.locales(arguments.value("--locales")) + "/ui.vi.txt"))
        if let text = arguments.value("--width") {
            guard let width = Int(text), (30...200).contains(width) else {
                Output.err("kiosk show: --width needs a number from 30 to 200\nusage: \(command.usage)\n")
                return 2
            }
            printer.columns = width
        }
        Output.out(printer.text(guide))
        return 0
    }
}
