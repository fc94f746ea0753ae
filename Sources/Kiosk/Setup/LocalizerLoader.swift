import Foundation
import Guides

/// Builds the `Localizer` of one language for the staff commands that print (`show`, `poster`).
enum LocalizerLoader {
    /// Vietnamese, or `language` from `locales/<language>.po` with per-line fallback; nil (after saying why) when
    /// the language has no catalog or the catalog has errors.
    static func load(_ language: String, locales: String, command: String) -> Localizer? {
        let ui = UICatalog(contentsOf: locales + "/ui.vi.txt")
        if language == "vi" { return Localizer(ui: ui) }
        let path = locales + "/\(language).po"
        guard FileManager.default.fileExists(atPath: path) else {
            Output.err("kiosk \(command): no catalog for \"\(language)\" (\(path))\n")
            return nil
        }
        let (catalog, problems) = POParser.parse(contentsOf: path)
        if problems.hasErrors {
            Output.err(problems.prefix(5).map { $0.description + "\n" }.joined() + "kiosk \(command): fix \(path) first (kiosk check)\n")
            return nil
        }
        return Localizer(language: language, ui: ui, translations: Translations(catalog))
    }
}
