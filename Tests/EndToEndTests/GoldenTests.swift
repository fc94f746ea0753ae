import Foundation
import Testing

/// `kiosk show` for every shipped guide, compared with the reviewed printouts in Golden/.
///
/// After an intended change, regenerate with `KIOSK_UPDATE_GOLDEN=1 swift test --filter GoldenTests` and review the diff.
@Suite struct GoldenTests {
    static let goldenDirectory = KioskProcess.root.appendingPathComponent("Tests/EndToEndTests/Golden")
    static let guideIDs = ((try? FileManager.default.contentsOfDirectory(atPath: KioskProcess.root.appendingPathComponent("guides").path)) ?? [])
        .filter { $0.hasSuffix(".guide") }.map { String($0.dropLast(6)) }.sorted()

    @Test func everyShippedGuideHasAGoldenFile() {
        #expect(Self.guideIDs.count >= 3)
        for id in Self.guideIDs {
            #expect(FileManager.default.fileExists(atPath: Self.goldenDirectory.appendingPathComponent("\(id).txt").path), "no golden file for \(id)")
        }
    }

    @Test(arguments: guideIDs)
    func showMatchesTheGoldenFile(id: String) throws {
        let result = try KioskProcess.run(["show", id])
        #expect(result.status == 0)
        let url = Self.goldenDirectory.appendingPathComponent("\(id).txt")
        if ProcessInfo.processInfo.environment["KIOSK_UPDATE_GOLDEN"] == "1" {
            try result.stdout.write(to: url, atomically: true, encoding: .utf8)
        }
        let expected = try String(contentsOf: url, encoding: .utf8)
        #expect(result.stdout == expected)
    }
}
