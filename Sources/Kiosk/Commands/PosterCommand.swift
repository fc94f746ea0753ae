import Guides

/// `kiosk poster`: one page with the poster code and title of every guide in the citizen menu, for the centre's wall.
enum PosterCommand {
    static let command = Command(
        name: "poster",
        summary: "one page listing the poster code and title of every guide citizens can open",
        usage: "kiosk poster [--format text|html] [--lang CODE] [--guides DIR] [--locales DIR]",
        help: """
            options:
              --format F      text (default) or html (one self-contained page that prints on A4)
              --lang CODE     the language of the poster (lines not yet translated stay in Vietnamese)
              --guides DIR    the guide directory (default: ./guides, or $KIOSK_GUIDES)
              --locales DIR   the locale directory (default: ./locales, or $KIOSK_LOCALES)

            Draft guides are left out: citizens never see them.
            """,
        spec: CommandSpec(valued: ["--format", "--lang", "--guides", "--locales"]),
        run: run)

    static func run(_ arguments: Arguments) -> Int32 {
        guard let format = PrintFormat(rawValue: arguments.value("--format") ?? "text"), format != .markdown else {
            Output.err("kiosk poster: --format must be text or html\nusage: \(command.usage)\n")
            return 2
        }
        guard let ui = LocalizerLoader.load(arguments.value("--lang") ?? "vi", locales: Paths.locales(arguments.value("--locales")),
            command: "poster") else { return 2 }
        let guides = Library.load(directory: Paths.guides(arguments.value("--guides"))).citizenGuides
        let printer = GuidePrinter(library: Library.build([]), ui: ui)
        switch format {
        case .html:
            var out = ["<!DOCTYPE html>", "<html lang=\"\(ui.language)\">", "<head>", "<meta charset=\"utf-8\">",
                "<title>\(printer.h(ui.text(.posterTitle)))</title>",
                "<style>\(GuidePrinter.pageStyle) table { border-collapse: collapse; width: 100%; font-size: 16pt; }"
                    + " td { border-bottom: 1px solid #999; padding: .35em .4em; } td.code { font-size: 26pt; font-weight: bold;"
                    + " width: 3.2em; text-align: center; } h1 { font-size: 24pt; }</style>",
                "</head>", "<body>", "<h1>\(printer.h(ui.text(.posterTitle)))</h1>", "<p>\(printer.h(ui.text(.posterHow)))</p>", "<table>"]
            out += guides.map { "<tr><td class=\"code\">\(printer.h($0.code))</td><td>\(printer.h(ui.text($0.title)))</td></tr>" }
            out += ["</table>", "<p class=\"warning\">\(printer.h(ui.text(.posterRule)))</p>", "</body>", "</html>"]
            Output.out(out.joined(separator: "\n") + "\n")
        default:
            var out = TextLayout.wrap(ui.text(.posterTitle), columns: 72) + [""] + TextLayout.wrap(ui.text(.posterHow), columns: 72) + [""]
            for guide in guides {
                let code = guide.code.count < 4 ? String(repeating: " ", count: 4 - guide.code.count) + guide.code : guide.code
                let title = TextLayout.wrap(ui.text(guide.title), columns: 64)
                out += title.enumerated().map { ($0.offset == 0 ? "  \(code)  " : String(repeating: " ", count: 8)) + $0.element }
            }
            out += [""] + TextLayout.wrap(ui.text(.posterRule), columns: 72)
            Output.out(out.map { TextLayout.sanitize($0) }.joined(separator: "\n") + "\n")
        }
        return 0
    }
}
