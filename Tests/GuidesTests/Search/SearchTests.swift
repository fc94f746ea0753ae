@testable import Guides
import Testing

/// Search as citizens type: no accents, Telex and VNI leftovers, NFD input, capitals, typos and poster codes.
@Suite struct SearchTests {
    /// Twelve menu items a commune centre offers, with the keywords staff would write.
    static let menu: [(id: String, code: String, title: String, keywords: String)] = [
        ("khai-sinh", "21", "Đăng ký khai sinh cho con", "khai sinh, giấy khai sinh, làm giấy khai sinh"),
        ("khai-tu", "22", "Đăng ký khai tử", "khai tử, người mất, giấy báo tử"),
        ("ket-hon", "23", "Đăng ký kết hôn", "kết hôn, cưới, lấy vợ, lấy chồng"),
        ("hon-nhan", "24", "Xác nhận tình trạng hôn nhân", "tình trạng hôn nhân, độc thân"),
        ("thuong-tru", "31", "Đăng ký thường trú qua VNeID", "thường trú, hộ khẩu, nhập khẩu"),
        ("tam-tru", "32", "Đăng ký tạm trú qua VNeID", "tạm trú, ở trọ, thuê nhà"),
        ("ly-lich", "41", "Cấp phiếu lý lịch tư pháp", "lý lịch tư pháp, lý lịch, tư pháp"),
        ("kich-hoat-vneid", "11", "Kích hoạt tài khoản VNeID", "vneid, định danh điện tử, mức 2, kích hoạt"),
        ("dang-nhap-dvcqg", "12", "Đăng nhập Cổng Dịch vụ công Quốc gia", "dịch vụ công, cổng dịch vụ công, đăng nhập"),
        ("tra-cuu", "13", "Tra cứu hồ sơ đã nộp", "tra cứu, mã hồ sơ, xem hồ sơ"),
        ("le-phi", "14", "Nộp lệ phí trực tuyến", "lệ phí, thanh toán, nộp tiền"),
        ("chung-thuc", "51", "Chứng thực bản sao điện tử", "chứng thực, sao y, bản sao"),
    ]

    static let search: GuideSearch = {
        var files: [String: String] = [:]
        for item in menu {
            files["\(item.id).guide"] = header(id: item.id, code: item.code)
                .replacingOccurrences(of: "title: Tiêu đề \(item.id)", with: "title: \(item.title)")
                + "\nkeywords: \(item.keywords)\n".replacingOccurrences(of: "\n", with: "")
                + "\nstep a: A\n  - xong: Xong -> end done\n"
        }
        return GuideSearch(guides: library(files).guides)
    }()

    /// (what the citizen typed, the guide expected first)
    static let queries: [(String, String)] = [
        ("khai sinh", "khai-sinh"), ("dang ky khai sinh", "khai-sinh"), ("KHAI SINH", "khai-sinh"),
        ("khai sinhh", "khai-sinh"), ("kahi sinh", "khai-sinh"), ("khai sin", "khai-sinh"),
        ("ddawng kys khai sinh", "khai-sinh"), ("d9a8ng ky1 khai sinh", "khai-sinh"), ("Đăng ký khai sinh", "khai-sinh"),
        ("giay khai sinh", "khai-sinh"), ("21", "khai-sinh"),
        ("khai tu", "khai-tu"), ("nguoi mat", "khai-tu"),
        ("ket hon", "ket-hon"), ("kets hoon", "ket-hon"), ("lay vo", "ket-hon"),
        ("hon nhan", "hon-nhan"), ("doc than", "hon-nhan"),
        ("thuong tru", "thuong-tru"), ("THƯỜNG TRÚ", "thuong-tru"), ("thuowngf truws", "thuong-tru"), ("ho khau", "thuong-tru"),
        ("tamj truws", "tam-tru"), ("tam tru", "tam-tru"), ("o tro", "tam-tru"),
        ("ly lich", "ly-lich"), ("lylich tu phap", "ly-lich"), ("ly\u{301} li\u{323}ch tư\u{300} pha\u{301}p", "ly-lich"),
        ("li lich tu phap", "ly-lich"),
        ("vneid", "kich-hoat-vneid"), ("VNEID", "kich-hoat-vneid"), ("kich hoat", "kich-hoat-vneid"), ("dinh danh", "kich-hoat-vneid"),
        ("kichs hoatj", "kich-hoat-vneid"), ("11", "kich-hoat-vneid"),
        ("dich vu cong", "dang-nhap-dvcqg"), ("dang nhap", "dang-nhap-dvcqg"), ("cong dich vu cong quoc gia", "dang-nhap-dvcqg"),
        ("tra cuu ho so", "tra-cuu"), ("tra cuu", "tra-cuu"), ("ma ho so", "tra-cuu"),
        ("le phi", "le-phi"), ("thanh toan", "le-phi"), ("thanh toans", "le-phi"),
        ("chung thuc", "chung-thuc"), ("sao y", "chung-thuc"), ("chuwngs thuwcj", "chung-thuc"),
    ]

    @Test(arguments: queries)
    func theExpectedGuideComesFirst(query: String, expected: String) {
        let hits = Self.search.hits(query)
        #expect(hits.first?.guide.id == expected, "query \"\(query)\" ranked \(hits.prefix(3).map(\.guide.id))")
    }

    @Test func thereAreAtLeastThirtyRealWorldQueries() {
        #expect(Self.queries.count >= 30)
    }

    @Test func nonsenseFindsNothing() {
        #expect(Self.search.hits("xyzzy qwerty").isEmpty)
        #expect(Self.search.hits("   ").isEmpty)
        #expect(Self.search.hits("999").isEmpty)
    }

    @Test func foldingHandlesDAndMinorityLetters() {
        #expect(TextFolding.tokens("Đăng Ký, KHAI-SINH!") == ["dang", "ky", "khai", "sinh"])
        #expect(TextFolding.tokens("ƀôn Čư M’gar ơ̆") == ["bon", "cu", "m'gar", "o"])
    }

    @Test(arguments: [("ddawng", "dang"), ("kys", "ky"), ("d9a8ng", "dang"), ("tieesng", "tieng"), ("thuowngf", "thuong"),
        ("truws", "tru"), ("tamj", "tam"), ("khai", "khai"), ("sinh", "sinh"), ("xin", "xin")])
    func untypingTelexAndVNI(typed: String, word: String) {
        #expect(TextFolding.untyped(typed) == word)
    }
}
