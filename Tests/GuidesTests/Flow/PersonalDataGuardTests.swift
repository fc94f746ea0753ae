@testable import Guides
import Testing

/// Identifiers are recognised and dropped, however they are typed; menu numbers, poster codes and ordinary words are not.
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

    /// What a tester typed past the first guard, and variants of each: every one is dropped.
    @Test(arguments: [
        // Wide gaps: many spaces, tabs, no-break and other spaces between digit groups.
        "0912    345    678", "0912\t345\t678", "0912\u{00A0}345\u{00A0}678", "0912\u{2009}345\u{2009}678", "0912\u{3000}345\u{3000}678",
        "0912 \t 345 \t 678", "066 190\u{202F}001 234", "0 9 1 2 3 4 5 6 7 8", "09.12.34.56.78", "0912 - 345 - 678",
        // Digits of other forms: superscript, circled, full-width, Arabic-Indic, Devanagari, mathematical.
        "⁰⁹¹²³⁴⁵⁶⁷⁸", "⓪⑨①②③④⑤⑥⑦⑧", "０６６１９０００１２３４", "٠٩١٢٣٤٥٦٧٨", "०९१२३४५६७८", "𝟎𝟗𝟏𝟐𝟑𝟒𝟓𝟔𝟕𝟖",
        "⑫③④⑤⑥⑦⑧⑨", "0⁹1²3⁴5⁶7⁸",
        // Letters between digit groups.
        "079a203b001c234", "0912a345b678", "066x190y001z234", "4111a1111b1111c1111", "so 0912o345o678",
        // Spaced or spelled e-mail.
        "a.b @ gmail . com", "nguyenvana(at)gmail.com", "nguyenvana [at] gmail [dot] com", "nguyen van a at gmail dot com",
        "an a còng gmail chấm com", "AN@GMAIL.COM", "email: an @yahoo.com.vn", "an.nguyen @ outlook . com . vn",
        "nguyenvana (at) gmail (dot) com", "an a cong gmail cham com",
        // A password or code after its keyword.
        "matkhau Abc@12345", "mật khẩu Abc12345", "mat khau: hoa2024", "mk 1234abcd", "password Hoa@2024", "pass=Abc123!",
        "ma pin 8x2y", "ma pin: 9090ab", "passcode 12ab34", "otp 4829ab", "MẬT KHẨU Xuan#99",
        // Numbers spelled out.
        "không chín một hai ba bốn năm sáu bảy tám", "khong chin mot hai ba bon nam sau", "zero nine one two three four five six",
        "không sáu sáu một chín không", "chín một hai ba bốn năm sáu",
        // Mixed forms.
        "sdt cua toi la 0912 345 678", "cccd: ⁰⁶⁶¹⁹⁰⁰⁰¹²³⁴", "so the 4111-1111-1111-1111", "stk 1903 4567 8901 23",
        "ma ho so 000.00.27.H12-250101-0001", "id 066 190 001 234 nhe", "goi 1900\u{00A0}0368 0912",
        // After filler words, at the end of a sentence, half spelled.
        "mật khẩu là hoa2024", "mat khau la Abc@123", "mật khẩu của tôi là xyz789", "email là abc@gmail.com.",
        "gửi về abc@gmail.com!", "09123 bốn năm sáu bảy tám", "⑩⑪⑫⑬⑭", "mk: 123456ab",
    ])
    func variantsATesterTypedAreDropped(text: String) {
        #expect(PersonalDataGuard.check(text) != nil, "kept: \(text)")
    }

    @Test(arguments: ["1", "21", "+21", "2026", "khai sinh", "ddawng kys 2 con", "12345", "muc 2", "@", "a@b", "1 2 3",
        "buoc 3 muc 2", "ma 21 va 12", "quên mật khẩu", "mat khau vneid", "đổi mật khẩu", "quen passcode", "ma otp khong ve",
        "nam 2025", "ba me va con", "hai ba", "dang ky tam tru 12 thang", "lien he tong dai", "look at the site", "b1 b2 b3",
        "khai sinh cho con thu 2", "3 con", "vneid muc 2 cho 2 nguoi", "cach lay ma otp", "tra cuu ho so 11 21",
        "quên mật khẩu VNeID", "đổi mật khẩu Zalo", "mã OTP VNeID", "quen mat khau vneid?", "mật khẩu vneid, làm sao",
        "thay pin iPhone", "nam 2025", "thu tuc 21"])
    func ordinaryInputIsKept(text: String) {
        #expect(PersonalDataGuard.check(text) == nil, "dropped: \(text)")
    }

    @Test func theLuhnCheckSeparatesCardsFromOtherLongNumbers() {
        #expect(PersonalDataGuard.luhn([4, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1]))
        #expect(!PersonalDataGuard.luhn([4, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 2]))
    }
}
