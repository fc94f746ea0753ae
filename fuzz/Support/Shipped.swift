// The shipped guides and catalogs, for the harnesses that start from them: read once, at first use, with a fixed
// today so that a finding replays the same way. Folders from KIOSK_FUZZ_GUIDES and KIOSK_FUZZ_LOCALES, else the
// repository's own.
import Foundation

enum Shipped {
    /// The day every harness takes as today.
    static let today = Day(daysSinceEpoch: 20_500)
    static let options = Library.Options(today: today)
    static let guides = ProcessInfo.processInfo.environment["KIOSK_FUZZ_GUIDES"] ?? "guides"
    static let locales = ProcessInfo.processInfo.environment["KIOSK_FUZZ_LOCALES"] ?? "locales"
    /// The shipped guides, validated as the kiosk loads them.
    static let library = Library.load(directory: guides, options: options)
    /// The interface catalog in Vietnamese.
    static let ui = UICatalog(contentsOf: locales + "/ui.vi.txt")
}
