import Foundation
import Testing

/// A citizen who picks English sees the interface and the guide in English, with English key letters.
@Suite struct EnglishSessionTests {
    @Test func englishIsOfferedAndUsedThroughoutTheSession() throws {
        let result = try KioskProcess.run(["run", "--db", "/dev/null/none.db"], stdin: "2\n21\n1\nb\nh\nq\n\n")
        #expect(result.stdout.contains("  2. English (Tiếng Anh)"))
        #expect(result.stdout.contains("Which procedure do you need to do?"))
        #expect(result.stdout.contains("What to bring:") || result.stdout.contains("Bring:"), "the overview headings are translated")
        #expect(result.stdout.contains("Step 1/12"))
        #expect(result.stdout.contains("[b] Back"))
        #expect(!result.stdout.contains("Bạn cần làm thủ tục gì?"), "no Vietnamese interface words once English is chosen")
    }
}
