import Guides

/// Texts already sanitized and wrapped, by text and width: `kiosk check` lays out every screen of every guide in every
/// language with the same notes, legends and titles, and wrapping is most of its cost.
final class WrapCache {
    private var entries: [String: [String]] = [:]

    /// The wrapped lines of `text` at `columns`, made by `wrap` the first time.
    func lines(_ text: String, columns: Int, _ wrap: () -> [String]) -> [String] {
        lines(key: String(columns) + "\u{0}" + text, wrap)
    }

    /// Lines stored under `key` (a legend, a block of notes), made by `make` the first time.
    func lines(key: String, _ make: () -> [String]) -> [String] {
        if let found = entries[key] { return found }
        let made = make()
        entries[key] = made
        return made
    }
}
