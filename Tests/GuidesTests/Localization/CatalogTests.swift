import Foundation
import Testing
@testable import Guides

/// The PO reader's edge cases, the msgmerge-style update, per-line fallback at run time, and catalog checks.
@Suite struct CatalogTests {
    @Test func everyTextEscapeMsgfmtAcceptsIsDecoded() {
        let catalog = parsePO(#"""
            msgctxt "c"
            msgid "a\n\t\"\\ \101\x42z"
            msgstr ""
            "line one\n"
            "line two"
            """#)
        #expect(catalog.entries.first?.id == "a\n\t\"\\ ABz")
        #expect(catalog.entries.first?.strings == ["line one\nline two"])
    }

    /// A catalog cannot smuggle terminal controls in through escapes: each is an error at the escape's column.
    @Test(arguments: [#"\033[2J"#, #"\a"#, #"\b"#, #"\f"#, #"\v"#, #"\r"#, #"\0"#, #"\x1b]0;x\x07"#, #"\177"#,
        #"\xc2\x9b"#, #"\342\200\256"#])
    func escapesThatSpellControlCharactersAreErrors(escape: String) {
        let text = "msgctxt \"c\"\nmsgid \"a\"\nmsgstr \"ok " + escape + " then\"\n"
        let (catalog, problems) = POParser.parse(SourceText(path: "x.po", bytes: Array(text.utf8), limits: .catalog))
        let errors = problems.filter { $0.severity == .error }
        #expect(errors.count == 1, "\(escape): \(problems)")
        let column = escape.hasPrefix(#"\x"#) && escape.count > 6 && !escape.hasPrefix(#"\x1b"#) || escape.hasPrefix(#"\342"#) ? 8 : 12
        #expect(errors.first?.description == "x.po:3:\(column): error: this string decodes to a control character (an escape "
            + "sequence, bell or direction override) that could drive a terminal: remove it", "\(escape)")
        #expect(catalog.entries.first?.strings.first?.contains("\u{1B}") != true)
    }

    @Test func invalidEscapesAreErrorsWithTheirColumn() {
        let (_, problems) = POParser.parse(SourceText(path: "x.po", bytes: Array("msgid \"bad \\e here\"\nmsgstr \"\"\n".utf8), limits: .catalog))
        #expect(problems.map(\.description) == ["x.po:1:12: error: invalid control sequence \\e"])
        let (_, unterminated) = POParser.parse(SourceText(path: "x.po", bytes: Array("msgid \"open\nmsgstr \"\"\n".utf8), limits: .catalog))
        #expect(unterminated.first?.description == "x.po:1:12: error: missing closing double quote")
    }

    @Test func bareCommentsAndTruncatedLinesNeverCrash() {
        for text in ["#\n", "#,\n#.\n#:\n#|\n#~\n#~|\n", "msgid\n", "msgstr[\n", "\"\n", "msgid \"\\", "msgid \"a\" x\nmsgstr \"\"\n"] {
            let (_, problems) = POParser.parse(SourceText(path: "x.po", bytes: Array(text.utf8), limits: .catalog))
            _ = problems
        }
        let (catalog, _) = POParser.parse(SourceText(path: "x.po", bytes: Array("#\nmsgid \"a\"\nmsgstr \"b\"\n".utf8), limits: .catalog))
        #expect(catalog.entries.first?.translatorComments == [""] && catalog.entries.first?.strings == ["b"])
    }

    @Test func pluralsPreviousValuesAndObsoleteEntries() {
        let catalog = parsePO("""
            #, fuzzy
            #| msgctxt "old"
            #| msgid "Old"
            msgctxt "ctx"
            msgid "one file"
            msgid_plural "%d files"
            msgstr[0] "một tệp"
            msgstr[1] "%d tệp"

            #~ #, fuzzy
            #~| msgid "was"
            #~ msgid "gone"
            #~ msgstr "đã mất"
            """)
        #expect(catalog.entries.count == 2)
        let first = catalog.entries[0]
        #expect(first.isFuzzy && first.previousContext == "old" && first.previousID == "Old" && first.plural == "%d files")
        #expect(first.strings == ["một tệp", "%d tệp"])
        #expect(catalog.entries[1].isObsolete && catalog.entries[1].previousID == "was" && catalog.entries[1].strings == ["đã mất"])
    }

    @Test func textIsNormalizedToNFCWhenLoaded() {
        let catalog = parsePO("msgctxt \"k\"\nmsgid \"Đa\u{306}ng\"\nmsgstr \"ky\u{301}\"\n")
        #expect(catalog.entries.first?.id.unicodeScalars.count == 4)
        #expect(catalog.entries.first?.strings.first == "ký")
    }

    @Test func updateAddsMarksFuzzyKeepsPreviousAndObsoletes() {
        let old = parsePO("""
            msgctxt "g:title"
            msgid "Cũ"
            msgstr "Old title"

            msgctxt "g:fee"
            msgid "Miễn phí"
            msgstr "Free"

            msgctxt "g:gone"
            msgid "Bỏ"
            msgstr "Removed"
            """)
        let template = [POEntry(context: "g:title", id: "Mới"), POEntry(context: "g:fee", id: "Miễn phí"), POEntry(context: "g:new", id: "Thêm")]
        let merged = CatalogMerge.merge(template: template, into: old, header: CatalogTemplate.header(language: "en"))
        let byKey = Dictionary(uniqueKeysWithValues: merged.entries.filter { !$0.isHeader }.map { ($0.context ?? "", $0) })
        #expect(byKey["g:title"]?.isFuzzy == true && byKey["g:title"]?.previousID == "Cũ" && byKey["g:title"]?.strings == ["Old title"])
        #expect(byKey["g:fee"]?.isFuzzy == false && byKey["g:fee"]?.strings == ["Free"])
        #expect(byKey["g:new"]?.strings == [""])
        #expect(byKey["g:gone"]?.isObsolete == true)
        let status = CatalogStatus(language: "en", catalog: merged, template: template)
        #expect(status.translated == 1 && status.stale == 1 && status.missing == 1)
    }

    @Test func atRunTimeEachLineFallsBackToVietnamese() {
        let catalog = parsePO("""
            msgctxt "g:title"
            msgid "Tiêu đề"
            msgstr "Title"

            #, fuzzy
            msgctxt "g:summary"
            msgid "Tóm tắt"
            msgstr "Summary (unchecked)"

            msgctxt "g:fee"
            msgid "Miễn phí cũ"
            msgstr "Free (old wording)"
            """)
        let localizer = Localizer(language: "en", ui: UICatalog(), translations: Translations(catalog))
        #expect(localizer.text(Line(key: "g:title", text: "Tiêu đề")) == "Title")
        #expect(localizer.text(Line(key: "g:summary", text: "Tóm tắt")) == "Tóm tắt", "fuzzy entries are never shown")
        #expect(localizer.text(Line(key: "g:fee", text: "Miễn phí")) == "Miễn phí", "a translation of older Vietnamese is not shown")
        #expect(localizer.text(Line(key: "g:time", text: "5 phút")) == "5 phút")
    }

    @Test func catalogChecksFindPlaceholdersForeignLettersAndLegacyFonts() {
        let catalog = parsePO("""
            msgctxt "ui:step.progress"
            msgid "Bước {index}/{total}"
            msgstr "Step {so}/{total}"

            msgctxt "g:title"
            msgid "Tỉnh"
            msgstr "Провинция"

            msgctxt "g:summary"
            msgid "Buôn"
            msgstr "[on sang"

            msgctxt "g:fee"
            msgid "Xã"
            msgstr "să Êa Ñuôl, čar Dak Lak, ƀôn, ơ\u{306}"
            """, path: "rad.po")
        let problems = CatalogCheck.check(catalog, path: "rad.po").map(\.description)
        #expect(problems.count == 3, "\(problems)")
        #expect(problems[0].hasPrefix("rad.po:2:1: error: ui:step.progress: the placeholders"))
        #expect(problems[1].contains("g:title: \"П\""))
        #expect(problems[2].contains("g:summary: \"[on\" looks like a leftover of a legacy 8-bit font"))
    }

    @Test func theShippedTemplateIsCurrentAndEveryCatalogIsValid() throws {
        let root = repositoryRoot
        let ui = UICatalog(contentsOf: root + "/locales/ui.vi.txt")
        let library = Library.load(directory: root + "/guides", options: Library.Options(today: Day("2026-11-25")!))
        let template = CatalogTemplate.entries(ui: ui, library: library, uiPath: "locales/ui.vi.txt")
        let pot = POParser.parse(contentsOf: root + "/locales/kiosk.pot").0
        #expect(pot.entries.filter { !$0.isHeader }.map(\.key) == template.map(\.key), "run `kiosk locales extract`")
        for code in ["en", "rad", "jra", "mng"] {
            let (catalog, problems) = POParser.parse(contentsOf: root + "/locales/\(code).po")
            #expect(!problems.hasErrors, "\(code).po: \(problems.prefix(3))")
            #expect(catalog.headerField("Language") == code)
            #expect(catalog.headerField("Content-Type") == "text/plain; charset=UTF-8")
            #expect(Set(catalog.entries.filter { !$0.isHeader && !$0.isObsolete }.map(\.key)) == Set(template.map(\.key)), "run `kiosk locales update`")
            _ = try gettext("msgfmt", ["--check", "-o", "/dev/null", root + "/locales/\(code).po"])
        }
    }

    @Test func minorityCatalogsHoldNoInventedText() {
        for code in ["rad", "jra", "mng"] {
            let catalog = POParser.parse(contentsOf: repositoryRoot + "/locales/\(code).po").0
            let filled = catalog.entries.filter { !$0.isHeader && $0.strings.contains { !$0.isEmpty } }
            #expect(filled.isEmpty, "\(code).po has \(filled.count) translations; only a speaker of the language may provide them")
        }
    }

    @Test func theQuickCoverageScanAgreesWithTheParser() throws {
        let mixed = """
            msgid ""
            msgstr "Content-Type: text/plain; charset=UTF-8\\n"

            msgctxt "ui:a"
            msgid "một"
            msgstr "one"

            #, fuzzy
            msgctxt "ui:b"
            msgid "hai"
            msgstr "two?"

            msgctxt "c"
            msgid "ba"
            msgstr ""
            "three"

            msgctxt "d"
            msgid "bốn"
            msgstr ""

            #~ msgctxt "e"
            #~ msgid "năm"
            #~ msgstr "five"
            """
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("coverage-\(UUID().uuidString).po").path
        try mixed.write(toFile: path, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: path) }
        // Half translated; of the interface lines, the fuzzy one does not count.
        #expect(POCoverage.scan(path: path) == POCoverage(share: 0.5, interface: ["a"]))
        for code in ["en", "rad"] {
            let file = repositoryRoot + "/locales/\(code).po"
            let catalog = POParser.parse(contentsOf: file).0
            let lines = catalog.entries.filter { !$0.isHeader && !$0.isObsolete }
            let translated = lines.filter { !$0.isFuzzy && $0.isTranslated }
            let exact = Double(translated.count) / Double(lines.count)
            let interface = Set(translated.compactMap { $0.context?.hasPrefix("ui:") == true ? String($0.context!.dropFirst(3)) : nil })
            #expect(POCoverage.scan(path: file) == POCoverage(share: exact, interface: interface))
            // English translates every interface line; the minority catalogs none, so they are not offered.
            #expect(POCoverage.scan(path: file)?.translatesInterface == (code == "en"))
        }
    }
}
