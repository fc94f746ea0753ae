import Foundation
@testable import Guides
import Testing

/// A language is offered as soon as its interface is translated, and each guide in it once all of its lines are
/// covered; the others stay reachable, in Vietnamese, marked as such. The language is made up (`MadeUpLanguage`).
@Suite struct PartialCatalogTests {
    static let library = Library.load(directory: KioskProcess.root.appendingPathComponent("guides").path,
        options: Library.Options(today: Day("2026-12-02")!))

    static func run(_ language: MadeUpLanguage, _ input: String, _ more: [String] = []) throws -> ProcessResult {
        try KioskProcess.run(["run", "--locales", language.folder, "--db", "/dev/null/none.db"] + more, stdin: input)
    }

    @Test func aLanguageIsOfferedOnceItsInterfaceIsTranslatedAndNotBefore() throws {
        let language = try MadeUpLanguage()
        #expect(try Self.run(language, "").stdout.contains("3. Test language (Tiếng thử)"))
        // The lines only search reads are not needed; every line a screen shows is.
        try language.write { $0.hasPrefix("ui:") && $0 != "ui:search.fillers" && $0 != "ui:search.short-forms" }
        #expect(try Self.run(language, "").stdout.contains("3. Test language (Tiếng thử)"))
        try language.write { $0.hasPrefix("ui:") && $0 != "ui:key.back" }
        let short = try Self.run(language, "")
        #expect(!short.stdout.contains("Test language"))
        // A pilot still sees it.
        #expect(try Self.run(language, "", ["--all-languages"]).stdout.contains("6. Test language (Tiếng thử)"))
    }

    @Test func aGuideIsOfferedOnceItsLinesAreCoveredByTextOrVoiceAndTheOthersShowInVietnamese() throws {
        let activation = try #require(Self.library.guide("kich-hoat-vneid"))
        let keys = Set(CatalogTemplate.lineKeys(of: activation))
        // One line of guide 11 has a recording instead of a translation: that covers it too.
        let spoken = "kich-hoat-vneid:summary"
        let language = try MadeUpLanguage { $0.hasPrefix("ui:") || (keys.contains($0) && $0 != spoken) }
        try language.record(spoken)
        let menu = try Self.run(language, "3\n").stdout
        let marker = MadeUpLanguage.translation(of: "(bằng tiếng Việt)")
        #expect(menu.contains("  11. " + MadeUpLanguage.translation(of: activation.title.text) + "\n"))
        #expect(menu.contains("  12. Đăng nhập Cổng Dịch vụ công Quốc gia " + marker + "\n"))
        // Guide 21 shows its lines in Vietnamese and its interface words in the visitor's language.
        let birth = try Self.run(language, "3\n21\n").stdout
        #expect(birth.contains("Đăng ký khai sinh cho con (kèm thường trú, thẻ BHYT)\n"))
        #expect(birth.contains(MadeUpLanguage.translation(of: "Cần mang theo") + ":"))
        #expect(!birth.contains("[zz] Giấy chứng sinh"))
        // Guide 11 is in the language, the recorded line in Vietnamese text.
        // (What came after the menu, whose legend ends in the back key.)
        let covered = try #require(try Self.run(language, "3\n11\n").stdout.components(separatedBy: "[-] [zz] Quay lại\n> ").last)
        #expect(covered.contains(MadeUpLanguage.translation(of: activation.title.text) + "\n"))
        #expect(covered.contains(String(activation.summary.text.prefix(40))) && !covered.contains(marker))
        // Without that recording, guide 11 is not covered either.
        try FileManager.default.removeItem(atPath: language.folder + "/audio")
        #expect(try Self.run(language, "3\n").stdout.contains("  11. \(activation.title.text) " + marker + "\n"))
        // A pilot sees every translated line, nothing held back in Vietnamese.
        let pilot = try Self.run(language, "6\n", ["--all-languages"]).stdout
        #expect(pilot.contains("  11. " + MadeUpLanguage.translation(of: activation.title.text) + "\n") && !pilot.contains(marker))
    }

    @Test func aVisitorOfAPartialLanguageFindsAVietnameseGuideByItsVietnameseWords() throws {
        let language = try MadeUpLanguage()
        let found = try Self.run(language, "3\ndang nhap cong dich vu\n").stdout
        #expect(found.contains("1. Đăng nhập Cổng Dịch vụ công Quốc gia " + MadeUpLanguage.translation(of: "(bằng tiếng Việt)")))
    }

    @Test func theShippedMinorityCatalogsAndVoicesStayEmpty() throws {
        for code in ["rad", "jra", "mng"] {
            let audio = KioskProcess.root.appendingPathComponent("locales/audio/\(code)").path
            let files = (try? FileManager.default.subpathsOfDirectory(atPath: audio)) ?? []
            #expect(files.filter { !$0.hasSuffix("README.md") }.isEmpty, "locales/audio/\(code) holds \(files.count) files; only a speaker may record them")
        }
    }
}

/// A catalog typed with Keyman's Dega keyboard (ĕ as e and U+0306) is not NFC: a warning, read as NFC, and rewritten
/// in NFC by `kiosk locales update`, never a reason to hide the language.
@Suite struct KeyboardFormTests {
    @Test func aDecomposedLetterIsAWarningAndUpdateWritesItInNFC() throws {
        let language = try MadeUpLanguage()
        let path = language.folder + "/zz.po"
        let decomposed = "[zz] Quay lai e\u{306}"
        let text = try String(contentsOfFile: path, encoding: .utf8)
        try text.replacingOccurrences(of: "msgstr \"[zz] Quay lại\"", with: "msgstr \"\(decomposed)\"")
            .write(toFile: path, atomically: true, encoding: .utf8)
        #expect(try String(contentsOfFile: path, encoding: .utf8).unicodeScalars.contains("\u{306}"))
        let check = try KioskProcess.run(["check", "--locales", language.folder])
        #expect(check.status == 0 && check.stdout.contains("zz.po:") && check.stdout.contains("warning: text is not in Unicode NFC"))
        let shown = try KioskProcess.run(["run", "--locales", language.folder, "--db", "/dev/null/x.db"], stdin: "3\n").stdout
        #expect(shown.contains("[-] [zz] Quay lai ĕ"))
        let update = try KioskProcess.run(["locales", "update", "--locales", language.folder])
        #expect(update.status == 0)
        let written = try String(contentsOfFile: path, encoding: .utf8)
        #expect(!written.unicodeScalars.contains("\u{306}") && written.contains("msgstr \"[zz] Quay lai \u{115}\""))
    }
}

/// Everywhere a guide appears, it appears as the kiosk shows it in that language: the overview's "do first" list, the
/// handout, the poster, `kiosk search`.
@Suite struct CoverageEverywhereTests {
    @Test func aGuideShownInVietnameseIsPrintedAndFoundInVietnameseToo() throws {
        // Every line translated except one of guide 11 (which guide 21 asks to do first).
        let language = try MadeUpLanguage { $0 != "kich-hoat-vneid:summary" }
        let overview = try KioskProcess.run(["run", "--locales", language.folder, "--db", "/dev/null/x.db"], stdin: "3\n21\n").stdout
        let required = try #require(PartialCatalogTests.library.guide("kich-hoat-vneid"))
        #expect(overview.contains("• \(required.title.text)\n"))
        #expect(!overview.contains("[zz] \(required.title.text)"))
        let handout = try KioskProcess.run(["show", "11", "--lang", "zz", "--locales", language.folder]).stdout
        #expect(handout.contains(required.title.text) && !handout.contains("[zz] " + required.title.text))
        #expect(handout.contains(MadeUpLanguage.translation(of: "Cần mang theo")))
        let poster = try KioskProcess.run(["poster", "--lang", "zz", "--locales", language.folder]).stdout
        #expect(poster.contains(required.title.text + " " + MadeUpLanguage.translation(of: "(bằng tiếng Việt)")))
        #expect(poster.contains(MadeUpLanguage.translation(of: "Đăng ký khai sinh cho con")))
        let search = try KioskProcess.run(["search", "--lang", "zz", "--locales", language.folder, "kich hoat vneid"]).stdout
        #expect(search.contains("11   kich-hoat-vneid  " + required.title.text))
    }

    @Test func aLanguageInProgressTellsStaffWhyItIsNotOffered() throws {
        let language = try MadeUpLanguage { $0.hasPrefix("ui:") && $0 != "ui:key.back" && $0 != "ui:key.list" }
        let run = try KioskProcess.run(["run", "--locales", language.folder, "--db", "/dev/null/x.db"], stdin: "")
        #expect(run.stderr.contains("kiosk: zz is not offered to citizens yet: 2 interface line(s) are not translated"))
        #expect(!run.stderr.contains("kiosk: rad"), "an empty catalog is not in progress")
        let status = try KioskProcess.run(["locales", "status", "--locales", language.folder]).stdout
        #expect(status.contains("no: 2 interface line(s) to do") && status.contains("rad ") )
        let english = status.split(separator: "\n").first { $0.hasPrefix("en ") } ?? ""
        #expect(english.hasSuffix("yes"))
    }
}
