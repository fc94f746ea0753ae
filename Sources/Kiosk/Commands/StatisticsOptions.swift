import Foundation
import Guides
import Telemetry

/// Options shared by the statistics commands: the database and the period.
enum StatisticsOptions {
    static let periodOptions: Set<String> = ["--db", "--day", "--from", "--to", "--month"]
    static let periodHelp = """
          --db FILE          the statistics database (default: the kiosk's own, see docs/operations.md)
          --day DATE         one day: YYYY-MM-DD, today or yesterday (the default is today)
          --from DATE        first day of a range (with --to)
          --to DATE          last day of a range, inclusive
          --month YYYY-MM    a calendar month
        """

    /// The database path from `--db`, the config file, or the default.
    static func databasePath(_ arguments: Arguments) -> String {
        if let path = arguments.value("--db") { return path }
        return Configuration.load(flag: nil).0.database ?? TelemetryRecorder.defaultPath()
    }

    /// The period asked for; a usage error explains a bad date.
    static func period(_ arguments: Arguments, today: Day = Day.today()) throws(UsageError) -> ReportPeriod {
        func day(_ text: String, _ flag: String) throws(UsageError) -> Day {
            switch text {
            case "today": return today
            case "yesterday": return Day(daysSinceEpoch: today.daysSinceEpoch - 1)
            default:
                guard let parsed = Day(text) else { throw UsageError(message: "\(flag) needs a date written YYYY-MM-DD, today or yesterday") }
                return parsed
            }
        }
        let chosen = ["--day", "--from", "--month"].filter { arguments.value($0) != nil }
        guard chosen.count <= 1 else { throw UsageError(message: "give one of --day, --from/--to or --month") }
        if let text = arguments.value("--month") {
            guard let first = Day(text + "-01") else { throw UsageError(message: "--month needs a month written YYYY-MM") }
            let last = Day("\(text)-\(Day.daysIn(month: first.month, year: first.year))") ?? first
            return ReportPeriod(from: first.description, to: last.description)
        }
        if let from = arguments.value("--from") {
            guard let to = arguments.value("--to") else { throw UsageError(message: "--from needs --to as well") }
            let first = try day(from, "--from"), last = try day(to, "--to")
            guard first <= last else { throw UsageError(message: "--from must not come after --to") }
            return ReportPeriod(from: first.description, to: last.description)
        }
        if arguments.value("--to") != nil { throw UsageError(message: "--to needs --from as well") }
        let single = try day(arguments.value("--day") ?? "today", "--day")
        return ReportPeriod(from: single.description, to: single.description)
    }

    /// Opens the store for a staff command, or prints why it cannot.
    static func openStore(_ path: String, command: String) -> SessionStore? {
        do {
            return try SessionStore.openExisting(path: path)
        } catch {
            Output.err("kiosk \(command): \(error.description)\n")
            return nil
        }
    }
}
