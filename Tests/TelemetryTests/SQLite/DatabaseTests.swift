import Foundation
import Testing
@testable import Telemetry

/// The SQLite wrapper: values round-trip, statements are reused, and failures are typed.
@Suite struct DatabaseTests {
    @Test func valuesRoundTripThroughAStrictTable() throws {
        let db = try Database(path: ":memory:")
        try db.execute("CREATE TABLE t(i INTEGER, r REAL, s TEXT, n ANY) STRICT")
        for _ in 0..<3 { try db.query("INSERT INTO t VALUES (?, ?, ?, ?)", [.integer(42), .real(1.5), .text("Đắk Lắk, ơ̆"), .null]) }
        let rows = try db.query("SELECT i, r, s, n FROM t")
        #expect(rows.count == 3)
        #expect(rows.first == [.integer(42), .real(1.5), .text("Đắk Lắk, ơ̆"), .null])
    }

    @Test func strictTablesRejectTheWrongType() throws {
        let db = try Database(path: ":memory:")
        try db.execute("CREATE TABLE t(i INTEGER NOT NULL) STRICT")
        #expect(throws: SQLiteError.self) { try db.query("INSERT INTO t VALUES (?)", [.text("soon")]) }
    }

    @Test func aFileThatIsNotADatabaseIsReportedAsCorrupt() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("kiosk-notadb-\(UUID().uuidString).db").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        try Data(repeating: 0x41, count: 8192).write(to: URL(fileURLWithPath: path))
        let db = try Database(path: path)
        do {
            try db.execute("SELECT * FROM sqlite_master")
            Issue.record("reading a non-database file succeeded")
        } catch {
            #expect(error.isCorrupt)
        }
    }

    @Test func theLibraryVersionSupportsStrictTables() {
        let parts = Database.libraryVersion.split(separator: ".").compactMap { Int($0) }
        #expect(parts.count >= 2 && (parts[0] > 3 || parts[1] >= 37))
    }
}
