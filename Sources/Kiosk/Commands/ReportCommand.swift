import Foundation
import Guides
import Telemetry

/// `kiosk report`: counts of guided sessions toward the 100% target, and the funnel of one guide.
enum ReportCommand {
    static let command = Command(
        name: "report",
        summary: "count guided sessions by guide, language, outcome…; or the drop-off funnel of one guide",
        usage: "kiosk report [--day D | --from D --to D | --month M] [--by DIMS] [--format table|csv|json] [--excel] "
            + "[--min-count K] [--db FILE]\n       kiosk report funnel GUIDE [period options] [--format table|csv|json] [--excel]",
        help: "options:\n" + StatisticsOptions.periodHelp + """

              --by DIMS          comma-separated: guide, lang, launched-by, outcome, terminal, hour, day
              --format F         table (default), csv (RFC 4180, UTF-8) or json
              --excel            start the CSV with a byte-order mark so Excel reads Vietnamese correctly
              --min-count K      leave out rows with fewer than K sessions (for publication); the report says so
              --guides DIR       (funnel) the guide directory, to order steps along the guide and show titles

            The indicators: sessions; done by self; handed to staff; will do later; lost (abandoned, timed out or
            interrupted); and the supported share (sessions not lost) against the 100% target.
            The funnel shows, per step, how many sessions reached it and how many left there (left ÷ reached).
            """,
        spec: CommandSpec(valued: StatisticsOptions.periodOptions.union(["--by", "--format", "--min-count", "--guides"]),
            flags: ["--excel"], positionals: 0...2),
        run: run)

    static func run(_ arguments: Arguments) -> Int32 {
        do {
            let period = try StatisticsOptions.period(arguments)
            let format = try parseFormat(arguments)
            if arguments.positionals.first == "funnel" {
                guard arguments.positionals.count == 2 else { throw UsageError(message: "funnel needs a guide id: kiosk report funnel khai-sinh") }
                return funnel(arguments.positionals[1], period: period, format: format, arguments: arguments)
            }
            guard arguments.positionals.isEmpty else { throw UsageError(message: "unexpected argument \"\(arguments.positionals[0])\"") }
            var dimensions: [ReportDimension] = []
            for name in (arguments.value("--by") ?? "").split(separator: ",").map({ $0.trimmingCharacters(in: .whitespaces) }) where !name.isEmpty {
                guard let dimension = ReportDimension(rawValue: name) else {
                    throw UsageError(message: "unknown --by \"\(name)\"" + Suggestion.suffix(for: name, among: ReportDimension.allCases.map(\.rawValue)))
                }
                dimensions.append(dimension)
            }
            var minimum = 0
            if let text = arguments.value("--min-count") {
                guard let number = Int(text), number >= 1 else { throw UsageError(message: "--min-count needs a number of sessions, 1 or more") }
                minimum = number
            }
            let path = StatisticsOptions.databasePath(arguments)
            guard let store = StatisticsOptions.openStore(path, command: "report") else { return 1 }
            let report = try Reporter(store: store).report(period, by: dimensions, minimumCount: minimum)
            Output.out(format.render(report, excel: arguments.has("--excel")))
            if format != .table, let note = report.suppressionNote { Output.err("kiosk report: \(note)\n") }
            return 0
        } catch let error as UsageError {
            Output.err("kiosk report: \(error.message)\nusage: \(command.usage)\n")
            return 2
        } catch {
            Output.err("kiosk report: \(error)\n")
            return 1
        }
    }

    static func parseFormat(_ arguments: Arguments) throws(UsageError) -> ReportFormat {
        guard let text = arguments.value("--format") else { return .table }
        guard let format = ReportFormat(rawValue: text) else { throw UsageError(message: "--format must be table, csv or json") }
        return format
    }

    static func funnel(_ guideName: String, period: ReportPeriod, format: ReportFormat, arguments: Arguments) -> Int32 {
        let path = StatisticsOptions.databasePath(arguments)
        guard let store = StatisticsOptions.openStore(path, command: "report") else { return 1 }
        let library = Library.load(directory: Paths.guides(arguments.value("--guides")))
        let guide = library.guide(guideName)
        let id = guide?.id ?? guideName
        let steps: [FunnelStep]
        do {
            steps = try Reporter(store: store).funnel(guide: id, period: period)
        } catch {
            Output.err("kiosk report: \(error.description)\n")
            return 1
        }
        // Along the guide's main path first, then branches in file order, then anything the guide no longer has.
        let order = Dictionary(uniqueKeysWithValues: (guide?.steps ?? []).enumerated().map { ($0.element.id, $0.offset) })
        let main = guide?.mainPath ?? []
        let sorted = steps.sorted { a, b in
            let ka = (a.guide == id ? 0 : 1, main.firstIndex(of: a.step) ?? main.count, order[a.step] ?? Int.max, a.step)
            let kb = (b.guide == id ? 0 : 1, main.firstIndex(of: b.step) ?? main.count, order[b.step] ?? Int.max, b.step)
            return ka < kb
        }
        let header = ["guide", "step", "title", "reached", "left", "staff", "later", "lost", "left-rate"]
        let rows = sorted.map { step -> [String] in
            let title = step.guide == id ? guide?.step(step.step)?.title.text ?? "" : library.guide(step.guide)?.step(step.step)?.title.text ?? ""
            return [step.guide, step.step, title, String(step.reached), String(step.left), String(step.leftStaff),
                String(step.leftLater), String(step.leftLost), ReportFormat.percent(step.dropOff)]
        }
        switch format {
        case .table: Output.out("Funnel of \(id), \(period.from) to \(period.to)\n\n" + ReportFormat.table([header] + rows))
        case .csv: Output.out(ReportFormat.csv([header] + rows, excel: arguments.has("--excel")))
        case .json:
            let objects = rows.map { row -> [String: Any] in
                var object: [String: Any] = [:]
                for (key, value) in zip(header, row) { object[key] = Int(value).map { $0 as Any } ?? value }
                return object
            }
            let data = (try? JSONSerialization.data(withJSONObject: objects, options: [.prettyPrinted, .sortedKeys])) ?? Data()
            Output.out(String(decoding: data, as: UTF8.self) + "\n")
        }
        return 0
    }
}
