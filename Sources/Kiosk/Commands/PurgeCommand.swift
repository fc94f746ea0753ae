import Foundation
import Guides
import Telemetry

/// `kiosk purge`: deletes session-level rows before a date, keeping daily totals so reports still add up.
enum PurgeCommand {
    static let command = Command(
        name: "purge",
        summary: "delete session-level rows before a date, keeping daily totals so reports still add up",
        options: [KioskOptions.before, KioskOptions.database],
        run: run)

    static func run(_ arguments: Arguments) throws(CommandError) -> Int32 {
        guard let text = arguments[KioskOptions.before], let day = Day(text) else {
            throw .usage("--before needs a date written YYYY-MM-DD")
        }
        guard day <= Clock.today() else {
            throw .usage("--before \(day) is after today; only past days can be purged (sessions of today are still being written)")
        }
        let path = try StatisticsOptions.databasePath(arguments)
        if FileManager.default.fileExists(atPath: path), access(path, W_OK) != 0 {
            throw .failed("\(path): this account may only read the statistics (staff read access); purge on the kiosk's own account")
        }
        let store = try StatisticsOptions.openStore(path)
        do {
            let count = try store.purge(before: day.description)
            Output.out("\(count) session(s) before \(day) purged; their daily totals are kept\n")
            return 0
        } catch {
            throw .failed(error.description)
        }
    }
}
