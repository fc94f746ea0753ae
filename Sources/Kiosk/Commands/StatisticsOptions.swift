import Foundation
import Guides
import Telemetry

/// What the statistics commands share: the database they read and the period they cover.
enum StatisticsOptions {
    /// The database path from `--db`, the configuration file, or the default. A configuration file that is named
    /// but missing or wrong is an error, as for `kiosk run`: reading the wrong database would give wrong figures.
    static func databasePath(_ arguments: Arguments) throws(CommandError) -> String {
        let (configuration, problems) = Configuration.load(flag: nil)
        if !problems.isEmpty { throw .diagnostics(problems) }
        if let path = arguments[KioskOptions.database] { return path }
        return configuration.database ?? TelemetryRecorder.defaultPath()
    }

    /// The period asked for; a usage error explains a bad date.
    static func period(_ arguments: Arguments, today: Day = Clock.today()) throws(CommandError) -> ReportPeriod {
        func day(_ text: String, _ flag: String) throws(CommandError) -> Day {
            switch text {
            case "today": return today
            case "yesterday": return Day(daysSinceEpoch: today.daysSinceEpoch - 1)
            default:
                guard let parsed = Day(text) else { throw .usage("\(flag) needs a date written YYYY-MM-DD, today or yesterday") }
                return parsed
            }
        }
        let chosen = [KioskOptions.day, KioskOptions.from, KioskOptions.month, KioskOptions.quarter, KioskOptions.year]
            .filter { arguments[$0] != nil }
        guard chosen.count <= 1 else { throw .usage("give one of --day, --from/--to, --month, --quarter or --year") }
        if let text = arguments[KioskOptions.month] {
            let parts = text.split(separator: "-")
            guard parts.count == 2, parts[0].count == 4, parts[1].count == 2, let year = Int(parts[0]), let month = Int(parts[1]),
                let period = ReportPeriods.months(year: year, first: month, count: 1)
            else { throw .usage("--month needs a month written YYYY-MM") }
            return period
        }
        if let text = arguments[KioskOptions.quarter] {
            let parts = text.uppercased().split(separator: "-")
            guard parts.count == 2, parts[0].count == 4, let year = Int(parts[0]), parts[1].count == 2, parts[1].first == "Q",
                let quarter = Int(parts[1].dropFirst()), (1...4).contains(quarter),
                let period = ReportPeriods.months(year: year, first: quarter * 3 - 2, count: 3)
            else { throw .usage("--quarter needs a quarter written YYYY-Qn, such as 2026-Q4") }
            return period
        }
        if let text = arguments[KioskOptions.year] {
            guard text.count == 4, let year = Int(text), let period = ReportPeriods.months(year: year, first: 1, count: 12)
            else { throw .usage("--year needs a year written YYYY") }
            return period
        }
        if let from = arguments[KioskOptions.from] {
            guard let to = arguments[KioskOptions.to] else { throw .usage("--from needs --to as well") }
            let first = try day(from, "--from"), last = try day(to, "--to")
            guard first <= last else { throw .usage("--from must not come after --to") }
            return ReportPeriod(from: first.description, to: last.description)
        }
        if arguments[KioskOptions.to] != nil { throw .usage("--to needs --from as well") }
        let single = try day(arguments[KioskOptions.day] ?? "today", "--day")
        return ReportPeriod(from: single.description, to: single.description)
    }

    /// Opens the store for a staff command.
    static func openStore(_ path: String) throws(CommandError) -> SessionStore {
        do {
            return try SessionStore.openExisting(path: path)
        } catch {
            throw .failed(error.description)
        }
    }
}
