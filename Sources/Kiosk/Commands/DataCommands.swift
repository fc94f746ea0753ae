import Foundation
import Guides
import Telemetry

/// `kiosk export`, `kiosk import`, `kiosk purge`: moving and trimming statistics.
enum DataCommands {
    static let export = Command(
        name: "export",
        summary: "write statistics as JSON Lines (to merge terminals, centres or a province)",
        usage: "kiosk export [--from D --to D | --day D | --month M | --all] [--db FILE] > file.jsonl",
        help: "options:\n" + StatisticsOptions.periodHelp + "\n      --all              every day in the database\n",
        spec: CommandSpec(valued: StatisticsOptions.periodOptions, flags: ["--all"]),
        run: runExport)

    static let importing = Command(
        name: "import",
        summary: "merge JSON Lines exports into this database; importing a file twice changes nothing",
        usage: "kiosk import [--db FILE] FILE...",
        help: "options:\n      --db FILE          the statistics database to merge into\n",
        spec: CommandSpec(valued: ["--db"], positionals: 1...1000),
        run: runImport)

    static let purge = Command(
        name: "purge",
        summary: "delete session-level rows before a date, keeping daily totals so reports still add up",
        usage: "kiosk purge --before DATE [--db FILE]",
        help: "options:\n      --before DATE      purge sessions of days before this one (YYYY-MM-DD)\n      --db FILE          the statistics database\n",
        spec: CommandSpec(valued: ["--db", "--before"]),
        run: runPurge)

    static func runExport(_ arguments: Arguments) -> Int32 {
        do {
            let period = arguments.has("--all") ? ReportPeriod(from: "0000-01-01", to: "9999-12-31") : try StatisticsOptions.period(arguments)
            guard let store = StatisticsOptions.openStore(StatisticsOptions.databasePath(arguments), command: "export") else { return 1 }
            var buffer = ""
            try store.export(period) { line in
                buffer += line + "\n"
                if buffer.utf8.count > 1 << 16 {
                    Output.out(buffer)
                    buffer = ""
                }
            }
            Output.out(buffer)
            return 0
        } catch let error as UsageError {
            Output.err("kiosk export: \(error.message)\nusage: \(export.usage)\n")
            return 2
        } catch {
            Output.err("kiosk export: \(error)\n")
            return 1
        }
    }

    static func runImport(_ arguments: Arguments) -> Int32 {
        let path = StatisticsOptions.databasePath(arguments)
        let directory = (path as NSString).deletingLastPathComponent
        if !directory.isEmpty { try? FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true) }
        let store: SessionStore
        do {
            store = try SessionStore(path: path)
        } catch {
            Output.err("kiosk import: \(path): \(error.description)\n")
            return 1
        }
        var status: Int32 = 0
        for file in arguments.positionals {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: file, isDirectory: &isDirectory), !isDirectory.boolValue else {
                Output.err("kiosk import: \(file): no such file\n")
                status = 1
                continue
            }
            guard let text = try? String(contentsOfFile: file, encoding: .utf8) else {
                Output.err("kiosk import: cannot read \(file) as UTF-8 text\n")
                status = 1
                continue
            }
            do {
                let summary = try store.importLines(text, path: file)
                Output.out("\(file): \(summary.sessions) session(s) and \(summary.aggregates) daily total(s) added, "
                    + "\(summary.duplicates) already present\n")
            } catch {
                Output.err("kiosk import: \(error)\n  nothing from \(file) was imported\n")
                status = 1
            }
        }
        return status
    }

    static func runPurge(_ arguments: Arguments) -> Int32 {
        guard let text = arguments.value("--before"), let day = Day(text) else {
            Output.err("kiosk purge: --before needs a date written YYYY-MM-DD\nusage: \(purge.usage)\n")
            return 2
        }
        guard day <= Day.today() else {
            Output.err("kiosk purge: --before \(day) is after today; only past days can be purged (sessions of today are still being written)\n")
            return 2
        }
        guard let store = StatisticsOptions.openStore(StatisticsOptions.databasePath(arguments), command: "purge") else { return 1 }
        do {
            let count = try store.purge(before: day.description)
            Output.out("\(count) session(s) before \(day) purged; their daily totals are kept\n")
            return 0
        } catch {
            Output.err("kiosk purge: \(error.description)\n")
            return 1
        }
    }
}
