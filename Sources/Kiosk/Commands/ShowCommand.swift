import Guides

/// `kiosk show`: one guide as printable text, for training and posters.
enum ShowCommand {
    static let command = Command(
        name: "show",
        summary: "print a whole guide (overview, every step and choice) as readable text",
        usage: "kiosk show [--format text|markdown|html] [--lang CODE] [--guides DIR] [--locales DIR] [--width N] ID|CODE",
        help: """
            options:
              --guides DIR    the guide directory (default: ./guides, or $KIOSK_GUIDES)
              --locales DIR   the locale directory (default: ./locales, or $KIOSK_LOCALES)
              --format F      text (default), markdown (for a web page or chat), or html (one self-contained page
                              that prints on A4)
              --lang CODE     the language of the handout (lines not yet translated stay in Vietnamese)
              --width N       line width of the text printout (default: 72)

            Draft guides can be shown too, for review; the status is printed at the end.
            """,
        spec: CommandSpec(valued: ["--guides", "--locales", "--width", "--format", "--lang"], positionals: 1...1),
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
        guard let format = PrintFormat(rawValue: arguments.value("--format") ?? "text") else {
            Output.err("kiosk show: --format must be text, markdown or html\nusage: \(command.usage)\n")
            return 2
        }
        guard let localizer = LocalizerLoader.load(arguments.value("--lang") ?? "vi", locales: Paths.locales(arguments.value("--locales")),
            command: "show") else { return 2 }
        var printer = GuidePrinter(library: library, ui: localizer)
        if let text = arguments.value("--width") {
            guard let width = Int(text), (30...200).contains(width) else {
                Output.err("kiosk show: --width needs a number from 30 to 200\nusage: \(command.usage)\n")
                return 2
            }
            printer.columns = width
        }
        switch format {
        case .text: Output.out(printer.text(guide))
        case .markdown: Output.out(printer.markdown(guide))
        case .html: Output.out(printer.html(guide))
        }
        return 0
    }
}
