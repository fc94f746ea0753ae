@testable import Guides
import Testing

/// Identifiers are recognised and dropped; menu numbers, poster codes and ordinary words are not.
@Suite struct PersonalDataGuardTests {
    @Test(arguments: [
        ("012345678901", PersonalDataGuard.Kind.citizenID), ("0123 4567 8901", .citizenID), ("so cccd 066190001234", .citizenID),
        ("123456789", .oldID), ("0912345678", .phone), ("0912.345.678", .phone), ("+84 912 345 678", .phone),
        ("84912345678", .phone), ("123456", .code), ("ma otp 482913", .code), ("4111 1111 1111 1111", .card),
        ("nguyenvana@gmail.com", .email), ("gui cho a@b.vn nhe", .email), ("12345678", .digits),
        ("0912  345  678", .phone), ("0912/345/678", .phone), ("0912,345,678", .phone), ("０９１２３４５６７８", .phone),
        ("(+84) 912-345-678", .phone),
    ])
    func identifiersAreRecognised(text: String, kind: PersonalDataGuard.Kind) {
        #expect(PersonalDataGuard.check(text) == kind)
    }

    @Test(arguments: ["1", "21", "+21", "2026", "khai sinh", "ddawng kys 2 con", "12345", "muc 2", "@", "a@b", "1 2 3",
        "buoc 3 muc 2", "ma 21 va 12"])
    func ordinaryInputIsKept(text: String) {
        #expect(PersonalDataGuard.check(text) == nil)
    }

    @Test func theLuhnCheckSeparatesCardsFromOtherLongNumbers() {
        #expect(PersonalDataGuard.luhn([4, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1]))
        #expect(!PersonalDataGuard.luhn([4, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 2]))
    }
}
