import Foundation
import Testing

/// A configured default language that citizens are not offered falls back to Vietnamese, and says so.
@Suite struct DefaultLanguageTests {
    @Test func anUnofferedDefaultLanguageFallsBackToVietnamese() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kiosk-default-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let config = folder.appendingPathComponent("kiosk.conf").path
        let db = folder.appendingPathComponent("kiosk.db").path
        try "default-language = rad\n".write(toFile: config, atomically: true, encoding: .utf8)
        let result = try KioskProcess.run(["run", "--config", config, "--db", db], stdin: "\n21\n/\n1\n")
        #expect(result.stderr.contains("default-language \"rad\" is not offered"))
        let report = try KioskProcess.run(["report", "--db", db, "--by", "lang", "--format", "csv", "--codes"])
        #expect(CodedRows.of(report.stdout, ["lang"]) == ["vi,1"], "\(report.stdout)")
    }
}
