import Foundation
import Guides
import Telemetry

/// The order of work for translators and speakers (`WorkOrder`), from the statistics of the last 90 days when the
/// database can be read; without it, the interface, then the guides in poster-code order.
enum UsageOrder {
    /// Days of statistics read.
    static let days = 90

    /// The order from the statistics at `path`, and one line saying where it came from.
    static func read(database path: String, ui: UICatalog, library: Library, today: Day = Clock.today()) -> (WorkOrder, String) {
        let period = ReportPeriod(from: Day(daysSinceEpoch: today.daysSinceEpoch - (days - 1)).description, to: today.description)
        let fallback = "the interface first, then the guides in poster-code order"
        guard FileManager.default.fileExists(atPath: path) else {
            return (WorkOrder(ui: ui, library: library), "No statistics at \(path): \(fallback).")
        }
        do {
            let store = try SessionStore.openExisting(path: path)
            let usage = try Reporter(store: store).usage(period)
            let sessions = usage.sessions.values.reduce(0) { $0 &+ $1 }
            return (WorkOrder(ui: ui, library: library, sessions: usage.sessions, reached: usage.reached),
                "Most met first: \(sessions) session(s) from \(period.from) to \(period.to) in \(path); the interface first.")
        } catch {
            Output.err("kiosk: the statistics in \(path) cannot be read (\(error)); using \(fallback)\n")
            return (WorkOrder(ui: ui, library: library), "No readable statistics: \(fallback).")
        }
    }

    /// The start of a long Vietnamese line, on one line.
    static func excerpt(_ text: String, length: Int = 60) -> String {
        let flat = TextLayout.sanitize(text.replacingOccurrences(of: "\n", with: " "))
        return flat.count <= length ? flat : String(flat.prefix(length - 1)) + "…"
    }
}
