import Foundation
@testable import Guides
import Testing
@testable import Kiosk

/// The cache of catalog coverage: used only while a catalog is unchanged, and never trusted when damaged.
@Suite struct CoverageScanTests {
    static func entry(_ id: String, _ translation: String) -> String {
        "msgctxt \"ui:\(id)\"\nmsgid \"Xin chào \(id)\"\nmsgstr \"\(translation)\"\n\n"
    }

    @Test func aChangedCatalogIsScannedAgainAndADamagedCacheIgnored() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kiosk-coverage-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let catalog = folder + "/en.po", cache = folder + "/catalog-coverage.txt"
        try (Self.entry("a", "Hello a") + Self.entry("b", "")).write(toFile: catalog, atomically: true, encoding: .utf8)
        let half = POCoverage(share: 0.5, interface: ["a"]), whole = POCoverage(share: 1, interface: ["a", "b"])
        #expect(CoverageScan(paths: [catalog], cache: cache).results() == [half])
        #expect(try String(contentsOfFile: cache, encoding: .utf8).contains("\t0.5\ta\n"))
        // Unchanged: the cached value is used (proved by a cache entry the file itself would not give).
        let stamped = try String(contentsOfFile: cache, encoding: .utf8).replacingOccurrences(of: "\t0.5\ta\n", with: "\t0.25\tb\n")
        try stamped.write(toFile: cache, atomically: true, encoding: .utf8)
        #expect(CoverageScan(paths: [catalog], cache: cache).results() == [POCoverage(share: 0.25, interface: ["b"])])
        // Translated since: the size and time differ, so it is scanned again.
        try (Self.entry("a", "Hello a") + Self.entry("b", "Hello b")).write(toFile: catalog, atomically: true, encoding: .utf8)
        #expect(CoverageScan(paths: [catalog], cache: cache).results() == [whole])
        try "\u{0}garbage\tno\n".write(toFile: cache, atomically: true, encoding: .utf8)
        #expect(CoverageScan(paths: [catalog], cache: cache).results() == [whole])
        #expect(CoverageScan(paths: [folder + "/missing.po"], cache: nil).results() == [nil])
    }
}
