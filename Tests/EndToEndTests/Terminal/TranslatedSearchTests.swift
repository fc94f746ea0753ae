import Foundation
import Testing

/// Visitors search in the language they chose.
@Suite struct TranslatedSearchTests {
    @Test(arguments: [("birth registration", "Birth registration for your child"), ("judicial record", "Request a judicial record certificate"),
        ("scams", "Beware of scams")])
    func englishWordsFindTheGuide(query: String, title: String) throws {
        let result = try KioskProcess.run(["run", "--db", "/dev/null/none.db"], stdin: "2\n\(query)\n")
        #expect(result.stdout.contains("Do you need:"))
        #expect(result.stdout.contains("  1. \(title)"), "\(result.stdout.suffix(600))")
    }
}
