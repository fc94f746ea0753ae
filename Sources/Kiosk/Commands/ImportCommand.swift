import Foundation
import Guides
import Telemetry

/// `kiosk import`: merges JSON Lines exports into this database; importing a file twice changes nothing.
enum ImportCommand {
    static let command = Command(
        name: "import",
        summary: "merge JSON Lines exports into this database; importing a file twice changes nothing",
        operands: "FILE...", positionals: 1...Int.max,
        options: [KioskOptions.database],
        notes: "Each file goes in whole or not at all; a bad line is reported as path:line:1 and nothing of that file is imported.",
        run: run)

    /// The largest import file read (a province-month is a few hundred megabytes).
    static let maximumFileSize = 4 << 30

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
            let bytes: [UInt8]
            switch FileBytes.read(file, limit: Self.maximumFileSize + 1) {
            case .success(let read): bytes = read
            case .failure(let problem):
                Output.err("kiosk import: \(file): \(problem.message)\n")
                status = 1
                continue
            }
            guard bytes.count <= Self.maximumFileSize else {
                Output.err("kiosk import: \(file): larger than \(Self.maximumFileSize >> 30) GB; split the export by month\n")
                status = 1
                continue
            }
            guard let text = String(validating: bytes, as: UTF8.self) else {
                Output.err("kiosk import: \(file): not UTF-8 text\n")
                status = 1
                continue
            }
            do {
                let summary = try store.importLines(text, path: file)
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
            } catch {
                Output.err("kiosk import: \(error.description)\n  nothing from \(file) was imported\n")
                status = 1
            }
        }
        return status
    }
}
