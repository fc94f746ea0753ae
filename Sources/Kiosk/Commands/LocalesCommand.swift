import Foundation
import Guides

/// `kiosk locales extract|update|status`: the translator's workflow over gettext catalogs.
enum LocalesCommand {
    static let command = Command(
        name: "locales",
        summary: "translation catalogs: extract the template, update every language, show coverage",
        operands: "extract|update|status", positionals: 1...1,
        options: [KioskOptions.guides, KioskOptions.locales, KioskOptions.byUsage, KioskOptions.workLanguage, KioskOptions.database],
        notes: """
            subcommands:
              extract   write locales/kiosk.pot from the interface texts and every guide
              update    merge the template into every locales/<code>.po, as msgmerge does: new lines added, lines whose
                        Vietnamese changed marked fuzzy with the old source kept (#|), removed lines made obsolete (#~);
                        a line whose id changed but whose words did not keeps its translation; creates the catalog of
                        any language in locales/languages.txt that has none
              status    per language: translated, fuzzy or stale, missing, and coverage; then the coverage of the
                        interface and of each guide (its own and its shared steps' lines), by language
              status --by-usage [--lang CODE] [--db FILE]
                        the lines still to translate (missing, fuzzy or stale) of each language, or of CODE: the
                        interface first, then the lines the most sessions met in the last 90 days (from the
                        statistics database; without one, the guides in poster-code order)
            """,
        run: run)

    /// Rows as columns padded to their widest cell.
    static func table(_ rows: [[String]]) -> String {
        let widths = rows[0].indices.map { column in rows.map { $0[column].count }.max() ?? 0 }
        return rows.map { row in
            row.enumerated().map { $0.element.padding(toLength: widths[$0.offset], withPad: " ", startingAt: 0) }
                .joined(separator: "  ").trimmingCharacters(in: .whitespaces)
        }.joined(separator: "\n") + "\n"
    }

    static func run(_ arguments: Arguments) throws(CommandError) -> Int32 {
        let locales = Paths.locales(arguments[KioskOptions.locales])
        let library = Library.load(directory: Paths.guides(arguments[KioskOptions.guides]), options: Library.Options(today: Clock.today()))
        let uiPath = locales + "/ui.vi.txt"
        // References relative to the tree that holds the locales (`locales/ui.vi.txt`, `guides/…`), whatever path
        // named them and wherever the command runs, so the catalogs come out the same on every machine.
        let root = URL(fileURLWithPath: locales).standardized.deletingLastPathComponent().path
        let template = CatalogTemplate.entries(ui: UICatalog(contentsOf: uiPath), library: library,
            uiPath: relative(uiPath, to: root)).map { entry in
            var entry = entry
            entry.references = entry.references.map { relative($0, to: root) }
            return entry
        }
        switch arguments.positionals[0] {
        case "extract":
            let pot = POCatalog(entries: [CatalogTemplate.header()] + template)
            return write(POWriter.write(pot), to: locales + "/kiosk.pot", summary: "\(template.count) lines")
        case "update":
            var status: Int32 = 0
            for language in LanguageList(contentsOf: locales + "/languages.txt").languages where language.code != "vi" {
                let path = locales + "/\(language.code).po"
                var existing = POCatalog()
                if FileManager.default.fileExists(atPath: path) {
                    let (catalog, problems) = POParser.parse(contentsOf: path)
                    if problems.hasErrors {
                        Output.err(problems.map { $0.description + "\n" }.joined() + "kiosk locales: \(path) left unchanged\n")
                        status = 1
                        continue
                    }
                    existing = catalog
                }
                let merged = CatalogMerge.merge(template: template, into: existing,
                    header: CatalogTemplate.header(language: language.code, languageName: language.name))
                let counts = CatalogStatus(language: language.code, catalog: merged, template: template)
                if write(POWriter.write(merged), to: path, summary: "\(counts.translated) translated, \(counts.stale) fuzzy, "
                    + "\(counts.missing) missing") != 0 { status = 1 }
            }
            return status
        case "status" where arguments.has(KioskOptions.byUsage):
            return try byUsage(arguments, locales: locales, library: library, template: template)
        case "status":
            var rows = [["language", "translated", "fuzzy/stale", "missing", "coverage", "offered to citizens"]]
            rows.append(["vi", String(template.count), "0", "0", "100.0% (source)", "yes"])
            let languages = LanguageList(contentsOf: locales + "/languages.txt").languages.filter { $0.code != "vi" }
            let catalogs = languages.map { language -> POCatalog in
                let path = locales + "/\(language.code).po"
                return FileManager.default.fileExists(atPath: path) ? POParser.parse(contentsOf: path).0 : POCatalog()
            }
            for (language, catalog) in zip(languages, catalogs) {
                let counts = CatalogStatus(language: language.code, catalog: catalog, template: template)
                // Offered once every interface line a screen shows is translated and not fuzzy: the kiosk's own rule
                // (`POCoverage.translatesInterface`).
                let todo = CatalogStatus.interfaceToDo(in: catalog.byContext)
                rows.append([language.code, String(counts.translated), String(counts.stale), String(counts.missing),
                    String(format: "%.1f%%", counts.coverage * 100), todo == 0 ? "yes" : "no: \(todo) interface line(s) to do"])
            }
            // What a translator finishes first: the interface, then each guide, as a share of its own lines.
            var parts = [["part", "lines"] + languages.map(\.code)]
            for part in CatalogStatus.byPart(library: library, template: template,
                catalogs: zip(languages, catalogs).map { ($0.code, $1) }) {
                parts.append([part.name, String(part.lines)] + part.coverage.map { String(format: "%.1f%%", $0 * 100) })
            }
            Output.out(table(rows) + "\n" + table(parts))
            return 0
        default:
            throw .usage("unknown subcommand \"\(Quoted.escape(arguments.positionals[0]))\""
                + Suggestion.suffix(for: arguments.positionals[0], among: ["extract", "update", "status"]))
        }
    }

    /// `status --by-usage`: per language, the lines still to translate, most met first.
    static func byUsage(_ arguments: Arguments, locales: String, library: Library, template: [POEntry]) throws(CommandError) -> Int32 {
        var languages = LanguageList(contentsOf: locales + "/languages.txt").languages.map(\.code).filter { $0 != "vi" }
        if let wanted = arguments[KioskOptions.workLanguage] {
            guard languages.contains(wanted) else {
                throw .usage("no language \"\(Quoted.escape(wanted))\" in \(locales)/languages.txt" + Suggestion.suffix(for: wanted, among: languages))
            }
            languages = [wanted]
        }
        let (order, source) = UsageOrder.read(database: try StatisticsOptions.databasePath(arguments), ui: UICatalog(contentsOf: locales + "/ui.vi.txt"), library: library)
        var text = source + "\n"
        for code in languages {
            let path = locales + "/\(code).po"
            let catalog = FileManager.default.fileExists(atPath: path) ? POParser.parse(contentsOf: path).0 : POCatalog()
            let entries = catalog.byContext
            let todo = order.items.filter { CatalogStatus.state(of: $0.key, vietnamese: $0.vietnamese, in: entries) != .translated }
            text += "\n\(code): \(todo.count) line(s) to translate\n"
            guard !todo.isEmpty else { continue }
            var rows = [["met", "line", "state", "Vietnamese"]]
            for item in todo {
                let state = CatalogStatus.state(of: item.key, vietnamese: item.vietnamese, in: entries) == .stale ? "fuzzy/stale" : "missing"
                rows.append([String(item.met), item.key, state, UsageOrder.excerpt(item.vietnamese)])
            }
            text += table(rows)
        }
        Output.out(text)
        return 0
    }

    /// A path relative to the current directory when it is inside it (references stay the same on every machine).
    /// `path` relative to `root` when it lies inside it, else relative to the current directory when it lies there.
    static func relative(_ path: String, to root: String) -> String {
        let absolute = URL(fileURLWithPath: path).standardized.path
        for base in [root, FileManager.default.currentDirectoryPath] {
            let prefix = base.hasSuffix("/") ? base : base + "/"
            if absolute.hasPrefix(prefix) { return String(absolute.dropFirst(prefix.count)) }
        }
        return path
    }

    private static func write(_ text: String, to path: String, summary: String) -> Int32 {
        do {
            try text.write(toFile: path, atomically: true, encoding: .utf8)
            Output.out("\(path): \(summary)\n")
            return 0
        } catch {
            Output.err("kiosk locales: cannot write \(path): \(error.localizedDescription)\n")
            return 1
        }
    }
}
