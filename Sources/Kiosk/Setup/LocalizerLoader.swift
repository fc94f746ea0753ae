import Foundation
import Guides

/// Builds the `Localizer` of one language for the staff commands that print (`show`, `poster`).
enum LocalizerLoader {
    /// Vietnamese, or `language` from `locales/<language>.po` with per-line fallback, showing in Vietnamese the guides
    /// of `library` it does not cover, as the kiosk does; a failure when the language has no catalog or the catalog
    /// has errors.
    static func load(_ language: String, locales: String, library: Library? = nil) throws(CommandError) -> Localizer {
        let ui = UICatalog(contentsOf: locales + "/ui.vi.txt")
        if language == "vi" { return Localizer(ui: ui) }
        let path = locales + "/\(language).po"
        guard FileManager.default.fileExists(atPath: path) else { throw .usage("no catalog for \"\(Quoted.escape(language))\" (\(Quoted.escape(path)))") }
        let (catalog, problems) = POParser.parse(contentsOf: path)
        if problems.hasErrors {
            throw .diagnostics(problems.prefix(5).map(\.description) + ["kiosk: fix \(path) first (kiosk check)"])
        }
        let localizer = Localizer(language: language, ui: ui, translations: Translations(catalog),
            voices: Recordings(language: language, audio: locales + "/audio"))
        return library.map { localizer.covering($0.guides) } ?? localizer
    }
}
