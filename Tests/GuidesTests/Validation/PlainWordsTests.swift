@testable import Guides
import Testing

/// The plain-words list: a hard word outside quotes is a warning; a label quoted as the phone shows it is allowed
/// once the first quoted use in the file explains it in brackets.
@Suite struct PlainWordsTests {
    static let words = PlainWords(SourceText(path: "plain-words.txt", bytes: Array("""
        # comment
        passcode = 6 chữ số bạn tự đặt để mở ứng dụng VNeID
        scan = chụp ảnh rõ bằng điện thoại

        """.utf8)))

    func messages(_ body: String) -> [String] {
        let lib = library(["g.guide": header() + "\nstep mot: Một\n" + body + "  - xong: Xong -> end done\n"])
        return Self.words.check(lib).map(\.description)
    }

    @Test func aHardWordOutsideQuotesIsAWarningThatSaysWhatToSay() {
        let found = messages("  Tự nhập passcode và bản Scan.\n")
        #expect(found.count == 2)
        #expect(found.allSatisfy { $0.contains(": warning: ") && $0.contains("(plain-words.txt:") })
        #expect(found.contains { $0.contains("\"passcode\" is not a word every citizen knows: say \"6 chữ số bạn tự đặt để mở ứng dụng VNeID\"") })
    }

    @Test func aQuotedLabelIsExplainedAtItsFirstUseOnly() {
        #expect(messages("  Nhập \"passcode\" (6 chữ số bạn tự đặt).\n  ! canh-bao: Không nói \"passcode\" cho ai.\n").isEmpty)
        let unexplained = messages("  Nhập \"passcode\" ngay.\n")
        #expect(unexplained.count == 1 && unexplained[0].contains("not explained at its first use in this file"))
    }

    @Test func aTitleMayQuoteALabelWithoutExplainingIt() {
        let lib = library(["g.guide": header() + "\nstep mot: Quên \"passcode\"\n  Nhập \"passcode\" (mã 6 số).\n  - xong: Xong -> end done\n"])
        #expect(Self.words.check(lib).isEmpty)
    }

    @Test func partsOfOtherWordsAreNotUses() {
        #expect(messages("  Bấm nút scanner hoặc passcodes123.\n").isEmpty)
        #expect(PlainWords.uses(of: "15 giờ", in: "sau 15 giờ chiều") == [PlainWords.Use(offset: 4, quoted: false, explained: false)])
    }

    @Test func badLinesOfTheListAreErrors() {
        let list = PlainWords(SourceText(path: "p.txt", bytes: Array("scan\nscan = a\nSCAN = b\n = c\n".utf8)))
        #expect(list.diagnostics.map(\.description) == [
            "p.txt:1:1: error: expected `word = plain words or explanation`",
            "p.txt:3:1: error: \"SCAN\" is given twice (first at line 2)",
            "p.txt:4:1: error: both the word and the plain words are needed",
        ])
    }

    @Test func theShippedGuidesUsePlainWords() {
        let shipped = PlainWords(contentsOf: repositoryRoot + "/guides/plain-words.txt")
        #expect(shipped.diagnostics.isEmpty && shipped.entries.count >= 6)
        #expect(shipped.check(PlayThroughTests.shipped).map(\.description) == [])
    }
}
