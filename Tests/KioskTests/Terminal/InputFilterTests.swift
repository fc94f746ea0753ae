import Testing
@testable import Kiosk

/// The bytes readline may see: text and editing keys pass, C1 controls, direction marks and broken UTF-8 do not.
@Suite struct InputFilterTests {
    @Test func textAndEditingKeysPass() {
        var filter = InputFilter()
        let typed = Array("Đắk Lắk ơ̆ƀč khai sinh".utf8) + [0x1B, 0x5B, 0x41, 0x15, 0x7F, 0x09]
        #expect(filter.filter(typed) == typed)
    }

    @Test(arguments: [[0xC2, 0x9B], [0xC2, 0x80], [0xC2, 0x9F], [0xE2, 0x80, 0xAE], [0xE2, 0x81, 0xA6], [0xE2, 0x80, 0x8F],
        [0xEF, 0xBB, 0xBF], [0xE2, 0x80, 0xA8], [0x9B], [0xBF], [0xC0, 0xAF], [0xE0, 0x80, 0xAF], [0xED, 0xA0, 0x80],
        [0xF4, 0x90, 0x80, 0x80], [0xFF], [0xF8, 0x88, 0x80, 0x80, 0x80]] as [[UInt8]])
    func controlsAndBrokenBytesAreDropped(bytes: [UInt8]) {
        var filter = InputFilter()
        #expect(filter.filter(Array("a".utf8) + bytes + Array("b".utf8)) == Array("ab".utf8))
    }

    @Test func aLetterCutBetweenTwoReadsArrivesWhole() {
        var filter = InputFilter()
        let letter = Array("ắ".utf8)
        #expect(filter.filter(letter.prefix(1)).isEmpty)
        #expect(filter.filter(letter.dropFirst()) == letter)
        // A sequence that breaks off is dropped, and the byte that broke it is read afresh.
        #expect(filter.filter([0xE1, 0xBA, 0x41]) == [0x41])
    }
}
