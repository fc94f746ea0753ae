import Foundation
import Guides

/// `kiosk check`: validates the guide library and the interface texts, for staff and guide authors.
enum CheckCommand {
    static let command = Command(
        name: "check",
        summary: "check every guide and interface text; print problems as path:line:col",
        usage: "kiosk check [--guides DIR] [--locales DIR] [--max-age DAYS]",
        help: """
            options:
              --guides DIR     the guide directory (default: ./guides, or $KIOSK_GUIDES)
              --locales DIR    the locale directory (default: ./locales, or $KIOSK_LOCALES)
              --max-age DAYS   warn when sources were checked longer ago than this (default: 180)

            exit status: 0 when there are no errors (warnings allowed), 1 when there are errors, 2 on a usage error.
            """,
        spec: CommandSpec(valued: ["--guides", "--locales", "--max-age"]),
        run: run)

    /// Syntax, NFC, control characters, placeholders, alphabet and legacy-font leftovers of every `locales/*.po`.
    static func catalogDiagnostics(_ locales: String) -> [Diagnostic] {
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: locales)) ?? []).filter { $0.hasSuffix(".po") }.sorted()
        var diagnostics = LanguageList(contentsOf: locales + "/languages.txt").diagnostics
        let paths = names.map { locales + "/" + $0 }
        for (path, (catalog, problems)) in zip(paths, POParser.parse(contentsOf: paths)) {
            diagnostics += problems + CatalogCheck.check(catalog, path: path)
        }
        return diagnostics
    }

    static func run(_ arguments: Arguments) -> Int32 {
        var options = Library.Options()
        if let text = arguments.value("--max-age") {
            guard let days = Int(text), days > 0 else {
                Output.err("kiosk check: --max-age needs a number of days, such as 180\nusage: \(command.usage)\n")
                return 2
            }
            options.maximumAgeDays = days
        }
        let library = Library.load(directory: Paths.guides(arguments.value("--guides")), options: options)
        let locales = Paths.locales(arguments.value("--locales"))
        let catalog = UICatalog(contentsOf: locales + "/ui.vi.txt")
        let diagnostics = (library.diagnostics + catalog.diagnostics + catalogDiagnostics(locales)).sortedByLocation()
        Output.out(lines: diagnostics.map(\.description))
        let errors = diagnostics.filter { $0.severity == .error }.count
        let warnings = diagnostics.count - errors
        let total = library.guides.count + library.rejected.count
        Output.out("\(total) guide\(total == 1 ? "" : "s") checked: \(errors) error\(errors == 1 ? "" : "s"), "
            + "\(warnings) warning\(warnings == 1 ? "" : "s")\n")
        return errors > 0 ? 1 : 0
    }
}
