import Telemetry

/// `kiosk export`: statistics as JSON Lines, to merge terminals, centres or a province.
enum ExportCommand {
    static let command = Command(
        name: "export",
        summary: "write statistics as JSON Lines (to merge terminals, centres or a province)",
        options: KioskOptions.period + [KioskOptions.everyDay],
        notes: "Example: kiosk export --month 2026-11 > tay-hoa-1-2026-11.jsonl",
        run: run)

    static func run(_ arguments: Arguments) throws(CommandError) -> Int32 {
        let period = arguments.has(KioskOptions.everyDay) ? ReportPeriod(from: "0000-01-01", to: "9999-12-31")
            : try StatisticsOptions.period(arguments)
        let store = try StatisticsOptions.openStore(try StatisticsOptions.databasePath(arguments))
        var buffer = ""
        do {
            try store.export(period) { line in
                buffer += line + "\n"
                if buffer.utf8.count > 1 << 16 {
                    Output.out(buffer)
                    buffer = ""
                }
            }
        } catch {
            Output.out(buffer)
            throw .failed(error.description)
        }
        Output.out(buffer)
        return 0
    }
}
