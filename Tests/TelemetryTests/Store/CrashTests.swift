import Foundation
import Testing
@testable import Telemetry

/// The kiosk-bench executable built next to the tests (its `write-sessions` mode writes sessions as the kiosk does).
enum BenchTool {
    static let url: URL = {
        let candidates = [Bundle.main.bundleURL, Bundle.main.bundleURL.deletingLastPathComponent()]
        for directory in candidates where FileManager.default.isExecutableFile(atPath: directory.appendingPathComponent("KioskBench").path) {
            return directory.appendingPathComponent("KioskBench")
        }
        return URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent(".build/debug/KioskBench")
    }()
}

/// Power cuts and crashes: a writer killed with SIGKILL hundreds of times loses no committed session.
@Suite struct CrashTests {
    @Test func twoHundredKillsLoseNoCommittedSessionAndNeverCorrupt() throws {
        let file = TemporaryDatabase()
        var committed = Set<String>()
        var generator = SystemRandomNumberGenerator()
        for round in 0..<200 {
            let process = Process()
            process.executableURL = BenchTool.url
            process.arguments = ["write-sessions", file.path]
            let output = Pipe()
            process.standardOutput = output
            process.standardError = FileHandle.nullDevice
            try process.run()
            // Let it write for a random moment, sometimes killing it before it has committed anything.
            Thread.sleep(forTimeInterval: Double(UInt64.random(in: 0...40, using: &generator)) / 1000 + (round == 0 ? 0.2 : 0))
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            for line in text.split(separator: "\n") where line.hasPrefix("committed ") { committed.insert(String(line.dropFirst(10))) }
            #expect(!text.contains("error "), "the writer reported an error in round \(round): \(text.suffix(200))")
        }
        let database = try Database(path: file.path)
        #expect(try database.query("PRAGMA integrity_check").first?.first?.string == "ok")
        var stored = Set<String>()
        try database.each("SELECT id FROM session WHERE outcome = 'done'") { if let id = $0[0].string { stored.insert(id) } }
        #expect(committed.count > 200, "the writer should commit many sessions across 200 runs")
        #expect(committed.subtracting(stored).isEmpty, "\(committed.subtracting(stored).count) committed sessions are missing")
        let store = try SessionStore(path: file.path)
        let closed = try store.closeOpenSessions()
        #expect(try database.query("SELECT COUNT(*) FROM session WHERE outcome IS NULL").first?.first?.int == 0)
        #expect(closed <= 200)
    }

    @Test func aReaderRunsReportsWhileAWriterWrites() throws {
        let file = TemporaryDatabase()
        _ = try SessionStore(path: file.path)
        let process = Process()
        process.executableURL = BenchTool.url
        process.arguments = ["write-sessions", file.path]
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        defer {
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
        }
        let reader = try SessionStore(path: file.path)
        let period = ReportPeriod(from: "2026-11-25", to: "2026-11-25")
        var last = 0
        let deadline = Date().addingTimeInterval(2)
        var reports = 0
        while Date() < deadline {
            let report = try Reporter(database: reader.database).report(period, by: [.guide, .hour])
            #expect(report.kpi.sessions >= last, "counts went backwards")
            #expect(report.rows.map(\.sessions).reduce(0, +) == report.kpi.sessions)
            last = report.kpi.sessions
            reports += 1
        }
        #expect(last > 0 && reports > 5)
    }
}
