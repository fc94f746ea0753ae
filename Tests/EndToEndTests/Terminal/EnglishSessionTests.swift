import Foundation
import Testing

/// A citizen who picks English sees the interface and the guide in English, with the same keys as in Vietnamese.
@Suite struct EnglishSessionTests {
    @Test func englishIsOfferedAndUsedThroughoutTheSession() throws {
        let result = try KioskProcess.run(["run", "--db", "/dev/null/none.db"], stdin: "2\n21\n1\n-\n1\n0\n/\n1\n\n")
        #expect(result.stdout.contains("  2. English (Tiếng Anh)"))
        #expect(result.stdout.contains("Which procedure do you need to do?"))
        #expect(result.stdout.contains("What to bring:") || result.stdout.contains("Bring:"), "the overview headings are translated")
        #expect(result.stdout.contains("Step 1/12"))
        #expect(result.stdout.contains("[0] Call staff   [-] Back   [.] Repeat   [*] List of steps   [/] Stop"))
        #expect(result.stdout.contains("Code to continue: 21-1."))
        #expect(!result.stdout.contains("Bạn cần làm thủ tục gì?"), "no Vietnamese interface words once English is chosen")
    }
}
