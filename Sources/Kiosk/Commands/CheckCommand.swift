import Foundation
import Guides

/// `kiosk check`: validates the guide library and the interface texts, for staff and guide authors.
enum CheckCommand {
    static let command = Command(
        name: "check",
        summary: "check every guide, interface text, catalog and recording; print problems as path:line:col",
        options: [KioskOptions.guides, KioskOptions.locales, KioskOptions.maximumAge, reviewAge, KioskOptions.config],
        notes: """
            After the problems, each guide's review on a real phone (kiosk review): not yet, begun, or its day and age,
            and how many steps staff saw differently. exit status: 0 when there are no errors (warnings allowed), 1 when
            there are errors, 2 on a usage error.
            """,
        run: run)

    static let reviewAge = Option("--review-age", "DAYS", .number(1...3650),
        help: "warn when a guide's review on a real phone is older than this (default: review-max-age in the configuration, else 120)")

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

    /// Every recording under `locales/audio/<lang>/`: readable WAV with sound, not too long, not stale, of a line that
    /// is played.
    static func recordingDiagnostics(_ locales: String, ui: UICatalog, library: Library) -> [Diagnostic] {
        let audio = locales + "/audio"
        let languages = ((try? FileManager.default.contentsOfDirectory(atPath: audio)) ?? []).filter { name in
            var folder: ObjCBool = false
            return !name.hasPrefix(".") && FileManager.default.fileExists(atPath: audio + "/" + name, isDirectory: &folder) && folder.boolValue
        }.sorted()
        guard !languages.isEmpty else { return [] }
        // Vietnamese voices are always played, whatever the list says.
        let known = LanguageList(contentsOf: locales + "/languages.txt").languages.map(\.code) + ["vi"]
        let order = WorkOrder(ui: ui, library: library)
        return languages.flatMap { code -> [Diagnostic] in
            guard known.contains(code) else {
                return [Diagnostic(.warning, at: SourceLocation(path: audio + "/" + code, line: 1, column: 1),
                    "no language \"\(Quoted.escape(code))\" in languages.txt: its recordings are never played"
                        + Suggestion.suffix(for: code, among: known))]
            }
            return RecordingCheck.check(Recordings(language: code, audio: audio), against: order)
        }
    }

    /// One line per guide: where its review on a real phone stands (kept in `<guides>/reviews/<id>.review`).
    static func reviewLines(_ library: Library, today: Day) -> [String] {
        guard !library.guides.isEmpty else { return [] }
        let width = library.guides.map { $0.code.count + 1 + $0.id.count }.max() ?? 0
        return ["reviews on a real phone:"] + library.guides.map { guide in
            let name = guide.code + " " + guide.id
            return "  " + name.padding(toLength: width, withPad: " ", startingAt: 0) + "  "
                + guide.status.rawValue.padding(toLength: 10, withPad: " ", startingAt: 0) + library.reviewState(guide).summary(today: today)
        }
    }

    /// A plain renderer with every catalog of `locales` that parses, to measure screens in each language.
    static func renderer(_ ui: UICatalog, locales: String) -> ScreenRenderer {
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: locales)) ?? []).filter { $0.hasSuffix(".po") }.sorted()
        var localizers: [String: Localizer] = [:]
        for (name, (catalog, problems)) in zip(names, POParser.parse(contentsOf: names.map { locales + "/" + $0 })) where !problems.hasErrors {
            let code = String(name.dropLast(3))
            localizers[code] = Localizer(language: code, ui: ui, translations: Translations(catalog))
        }
        return ScreenRenderer(localizer: Localizer(ui: ui), localizers: localizers, style: TerminalStyle(enabled: false),
            width: FitCheck.columns - 1, centre: "", counter: "", idleResetSeconds: 30)
    }

    static func run(_ arguments: Arguments) throws(CommandError) -> Int32 {
        // A mistake in the configuration is one more problem to report; the guides are checked all the same.
        let (configuration, configurationProblems) = Configuration.load(flag: arguments[KioskOptions.config])
        let today = Clock.today()
        var options = Library.Options(today: today)
        if let days = arguments.number(KioskOptions.maximumAge) { options.maximumAgeDays = days }
        options.maximumReviewAgeDays = arguments.number(reviewAge) ?? configuration.reviewMaximumAge
        // The configuration's folders (a centre's working copy), unless --guides and --locales say otherwise.
        let guides = Paths.guides(arguments[KioskOptions.guides] ?? configuration.guides)
        let library = Library.load(directory: guides, options: options)
        // (The plain-words list sits beside the guides: guides/plain-words.txt.)
        let locales = Paths.locales(arguments[KioskOptions.locales] ?? configuration.locales)
        let catalog = UICatalog(contentsOf: locales + "/ui.vi.txt")
        var plain: [Diagnostic] = []
        if FileManager.default.fileExists(atPath: guides + "/plain-words.txt") {
            let words = PlainWords(contentsOf: guides + "/plain-words.txt")
            plain = words.diagnostics + words.check(library)
        }
        let diagnostics = (library.diagnostics + catalog.diagnostics + catalogDiagnostics(locales) + plain
            + recordingDiagnostics(locales, ui: catalog, library: library)
            + FitCheck.diagnostics(library, renderer: renderer(catalog, locales: locales))).sortedByLocation()
        Output.out(lines: configurationProblems + diagnostics.map(\.description))
        Output.out(lines: reviewLines(library, today: today))
        let errors = diagnostics.filter { $0.severity == .error }.count + configurationProblems.count
        let warnings = diagnostics.count + configurationProblems.count - errors
        let total = library.guides.count + library.rejected.count
        Output.out("\(total) guide\(total == 1 ? "" : "s") checked: \(errors) error\(errors == 1 ? "" : "s"), "
            + "\(warnings) warning\(warnings == 1 ? "" : "s")\n")
        return errors > 0 ? 1 : 0
    }
}
