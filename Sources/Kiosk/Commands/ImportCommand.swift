import Foundation
import Telemetry

/// `kiosk import`: merges JSON Lines exports into this database; importing a file twice changes nothing.
enum ImportCommand {
    static let command = Command(
        name: "import",
        summary: "merge JSON Lines exports into this database; importing a file twice changes nothing",
        operands: "FILE...", positionals: 1...1000,
        options: [KioskOptions.database],
        notes: "Each file goes in whole or not at all; a bad line is reported as path:line:1 and nothing of that file is imported.",
        run: run)

    static func run(_ arguments: Arguments) throws(CommandError) -> Int32 {
        let path = StatisticsOptions.databasePath(arguments)
        let directory = (path as NSString).deletingLastPathComponent
        if !directory.isEmpty { try? FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true) }
        let store: SessionStore
        do {
            store = try SessionStore(path: path)
        } catch {
            throw .failed("\(path): \(error.description)")
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
                Output.err("kiosk import: \(error.description)\n  nothing from \(file) was imported\n")
                status = 1
            }
        }
        return status
    }
}
