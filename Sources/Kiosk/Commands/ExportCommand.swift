import Foundation
import Glibc
import Telemetry

/// `kiosk export`: statistics as JSON Lines (docs/exchange.md), to merge terminals, centres or a province, or one
/// table as CSV for a database's `COPY`. Streams: memory stays the same whatever the period.
enum ExportCommand {
    static let command = Command(
        name: "export",
        summary: "write statistics as JSON Lines (to merge terminals, centres or a province) or one table as CSV",
        options: KioskOptions.period + [KioskOptions.everyDay, KioskOptions.exportFormat, KioskOptions.exportTable, KioskOptions.output],
        notes: """
            Example: kiosk export --month 2026-11 > tay-hoa-1-2026-11.jsonl
                     kiosk export --month 2026-11 --format csv --table session --output session.csv
            The format is described in docs/exchange.md; docs/rollup/ loads many communes' exports into PostgreSQL or DuckDB.
            On a terminal, a long export shows one progress line on standard error.
            """,
        run: run)

    static func run(_ arguments: Arguments) throws(CommandError) -> Int32 {
        let everyDay = arguments.has(KioskOptions.everyDay)
        let period = everyDay ? ReportPeriod(from: "0000-01-01", to: "9999-12-31") : try StatisticsOptions.period(arguments)
        let csv = arguments[KioskOptions.exportFormat] == "csv"
        let table = arguments[KioskOptions.exportTable].flatMap(ExchangeTable.init(rawValue:))
        if csv, table == nil { throw .usage("--format csv needs --table: session, step_event, daily, daily_step, purged or commune") }
        if !csv, table != nil { throw .usage("--table is for --format csv; JSON Lines holds every table") }
        let store = try StatisticsOptions.openStore(try StatisticsOptions.databasePath(arguments))
        let configuration = Configuration.load(flag: nil).0
        let header = ExchangeHeader(kiosk: KioskVersion.current, communeCode: configuration.communeCode, commune: configuration.commune,
            centre: configuration.centre, from: everyDay ? nil : period.from, to: everyDay ? nil : period.to, exportedAt: Self.now())
        var sink = try ExportSink(path: arguments[KioskOptions.output])
        var line = ProgressLine(verb: "kiosk export")
        do {
            if let table {
                try store.exportCSV(table, period: period, progress: { line.update($0) }) { sink.write($0) }
            } else {
                try store.export(period, header: header, progress: { line.update($0) }) { sink.write($0) }
            }
        } catch {
            line.finish()
            sink.abandon()
            throw .failed(error.description)
        }
        line.finish()
        try sink.finish()
        return 0
    }

    /// Now, UTC, as the header writes it.
    static func now() -> String {
        var seconds = time(nil)
        var parts = tm()
        gmtime_r(&seconds, &parts)
        return String(format: "%04d-%02d-%02dT%02d:%02d:%02dZ", Int(parts.tm_year) + 1900, Int(parts.tm_mon) + 1, Int(parts.tm_mday),
            Int(parts.tm_hour), Int(parts.tm_min), Int(parts.tm_sec))
    }
}

/// Where an export goes: standard output, or `--output FILE`, written whole or not at all (`WholeFile`).
struct ExportSink {
    private var file: WholeFile?

    init(path: String?) throws(CommandError) {
        guard let path else { return }
        do {
            file = try WholeFile(path)
        } catch {
            throw .failed("\(path): cannot be written (\(error.reason))")
        }
    }

    mutating func write(_ bytes: [UInt8]) {
        guard file != nil else { return Output.out(binary: bytes) }
        file?.write(bytes)
    }

    func abandon() { file?.abandon() }

    func finish() throws(CommandError) {
        do {
            try file?.finish()
        } catch {
            throw .failed("\(error.path): could not be written whole (\(error.reason)); nothing was written")
        }
    }
}
