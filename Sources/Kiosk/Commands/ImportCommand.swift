import Foundation
import Glibc
import Guides
import Telemetry

/// `kiosk import`: merges JSON Lines exports into this database; importing a file twice changes nothing.
enum ImportCommand {
    static let command = Command(
        name: "import",
        summary: "merge JSON Lines exports into this database; importing a file twice changes nothing",
        operands: "FILE... (- for standard input)", positionals: 1...Int.max,
        options: [KioskOptions.database],
        notes: """
            Each file goes in whole or not at all; a bad line is reported as path:line:1 and nothing of that file is imported.
            Reads every version of the format up to \(ExchangeHeader.current.major).x (docs/exchange.md); files of any size, line by line.
            On a terminal, a long import shows one progress line on standard error.
            """,
        run: run)

    static func run(_ arguments: Arguments) throws(CommandError) -> Int32 {
        let path = try StatisticsOptions.databasePath(arguments)
        let directory = (path as NSString).deletingLastPathComponent
        if !directory.isEmpty { try? FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true) }
        if FileManager.default.fileExists(atPath: path), access(path, W_OK) != 0 {
            throw .failed("\(path): this account may only read the statistics (staff read access); import on the kiosk's own account")
        }
        let store: SessionStore
        do {
            store = try SessionStore(path: path)
        } catch {
            throw .failed(error.isForeign ? "\(path) is not a kiosk statistics database: \(error.message)" : "\(path): \(error.description)")
        }
        var status: Int32 = 0
        for file in arguments.positionals {
            // "-" is standard input: an export piped from another machine.
            let opened: (descriptor: Int32, size: Int)
            if file == "-" {
                opened = (0, 0)
            } else {
                switch FileBytes.openForReading(file) {
                case .success(let file): opened = file
                case .failure(let problem):
                    Output.err("kiosk import: \(file): \(problem.message)\n")
                    status = 1
                    continue
                }
            }
            defer { if opened.descriptor != 0 { close(opened.descriptor) } }
            var line = ProgressLine(verb: "kiosk import: \(file)")
            do {
                let summary = try store.importStream(path: file, size: opened.size, progress: { line.update($0) }) { buffer in
                    while true {
                        let count = Glibc.read(opened.descriptor, buffer.baseAddress, buffer.count)
                        if count < 0 && errno == EINTR { continue }
                        return count
                    }
                }
                line.finish()
                Output.out("\(file): \(summary.sessions) session(s) and \(summary.aggregates) daily total(s) added, "
                    + "\(summary.duplicates) already present\n")
                for terminal in summary.sharedTerminals {
                    Output.err("kiosk import: \(file): two or more machines count as terminal \"\(terminal)\"; every session is "
                        + "kept, but reports by terminal count them as one (by commune they stay apart): give each machine its "
                        + "own \"terminal\" in kiosk.conf\n")
                }
                if summary.differing > 0 {
                    Output.err("kiosk import: \(file): \(summary.differing) daily total(s) differ from the ones here; "
                        + "the larger is kept (totals only grow)\n")
                }
                if summary.skipped > 0 {
                    Output.err("kiosk import: \(file): \(summary.skipped) line(s) of a kind this kiosk does not know were skipped "
                        + "(the file is format \(summary.version), newer than this kiosk's \(ExchangeHeader.current)): update the kiosk to count them\n")
                }
            } catch {
                line.finish()
                Output.err("kiosk import: \(error.description)\n  nothing from \(file) was imported\n")
                status = 1
            }
        }
        return status
    }
}
