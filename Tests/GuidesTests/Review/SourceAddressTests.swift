import Testing
@testable import Guides

/// Sources a citizen can check: a bare domain or an address without https:// is a warning; handouts list official
/// sources (government sites, laws) first.
@Suite struct SourceAddressTests {
    @Test func whatKindOfSourceALineIs() {
        let page = SourceAddress("https://dean06.hanam.gov.vn/tailieu/khaisinh.html")
        #expect(!page.isBareDomain && page.isOfficial && page.note == nil)
        let bare = SourceAddress("https://cafef.vn (bài 188250824065024589, 24/08/2025)")
        #expect(bare.isBareDomain && !bare.isOfficial && bare.url == "https://cafef.vn" && bare.note == "(bài 188250824065024589, 24/08/2025)")
        #expect(SourceAddress("https://cafef.vn/").isBareDomain)
        let law = SourceAddress("Luật Hộ tịch 2014, Điều 11")
        #expect(law.url == nil && law.isOfficial && !law.lacksScheme && !law.isBareDomain)
        #expect(SourceAddress("cafef.vn/bai-viet-1.chn").lacksScheme)
        #expect(!SourceAddress("QĐ 31/2021/QĐ-TTg, Điều 33").lacksScheme && SourceAddress("QĐ 31/2021/QĐ-TTg, Điều 33").isOfficial)
        // A handbook cited by name is a secondary source, like a press page.
        #expect(!SourceAddress("Sổ tay VNeID của Thị đoàn Chơn Thành").isOfficial)
    }

    @Test func handoutsListOfficialSourcesFirst() {
        let order = SourceAddress.handoutOrder(["https://kenh14.vn (bài 1)", "Luật Hộ tịch 2014, Điều 11", "https://cafef.vn/a.chn",
            "https://dichvucong.gov.vn/p/home", "https://kenh14.vn (bài 1)"]).map(\.text)
        #expect(order == ["Luật Hộ tịch 2014, Điều 11", "https://dichvucong.gov.vn/p/home", "https://cafef.vn/a.chn", "https://kenh14.vn (bài 1)"])
    }

    @Test func checkWarnsOnABareDomainWhereItIsWritten() {
        let text = header(id: "g").replacingOccurrences(of: "source: https://example.gov.vn/g", with: "source: https://cafef.vn")
            + "\nstep a: A\n  Làm.\n  source: cafef.vn/abc\n  - xong: Xong -> end done\n"
        let lines = rendered(library(["g.guide": text]))
        #expect(lines.contains("g.guide:8:9: warning: source \"https://cafef.vn\" is a bare domain: give the address of the page that states the fact, so a citizen can check it"))
        #expect(lines.contains { $0.hasPrefix("g.guide:14:11: warning: source \"cafef.vn/abc\" looks like a web address without https://") })
    }
}
