import Foundation
import Testing
@testable import Guides

/// Line identities survive editing: inserting, removing or reordering lines, answers and steps never changes another
/// line's key; an edited line turns fuzzy with its own old text; a shared step is translated once.
@Suite struct LineIdentityTests {
    static let guide = header(id: "g", extra: """
        bring giay-to: Giấy tờ
        not-here cong-an: Việc của Công an
        """) + """

        step a: Bước A
          Thân bài.
          ! otp: Không đưa mã OTP.
          ? Thấy chưa?
          - co: Có -> next
          - khong: Không -> end staff
        step b: Bước B
          - xong: Xong -> end done
        """

    /// Every line key of a one-guide library built from `text`.
    func keys(_ text: String) -> [String: String] {
        let lib = library(["g.guide": text])
        #expect(!lib.diagnostics.hasErrors, "\(rendered(lib))")
        let ui = UICatalog()
        return Dictionary(uniqueKeysWithValues: CatalogTemplate.entries(ui: ui, library: lib, uiPath: "ui.vi.txt")
            .filter { !($0.context ?? "").hasPrefix("ui:") }.map { ($0.context ?? "", $0.id) })
    }

    @Test func insertingReorderingAndRemovingLinesLeavesEveryOtherKeyAlone() {
        let before = keys(Self.guide)
        let edited = Self.guide
            .replacingOccurrences(of: "bring giay-to: Giấy tờ", with: "bring so-ho-khau: Sổ hộ khẩu\nbring giay-to: Giấy tờ")
            .replacingOccurrences(of: "  - co: Có -> next\n  - khong: Không -> end staff",
                with: "  - khong: Không -> end staff\n  - them: Thêm -> moi\n  - co: Có -> b")
            .replacingOccurrences(of: "step b: Bước B", with: "step moi: Bước mới\n  - tiep: Tiếp -> next\nstep b: Bước B")
            .replacingOccurrences(of: "not-here cong-an: Việc của Công an\n", with: "")
        let after = keys(edited)
        for (key, text) in before where key != "g:not-here.cong-an" {
            #expect(after[key] == text, "\(key) changed or vanished")
        }
        #expect(after["g:not-here.cong-an"] == nil)
        #expect(after["g:bring.so-ho-khau"] == "Sổ hộ khẩu" && after["g/a:choice.them"] == "Thêm" && after["g/moi:title"] == "Bước mới")
    }

    @Test func anEditedLineTurnsFuzzyWithItsOwnOldText() {
        let lib = library(["g.guide": Self.guide])
        var translated = POCatalog(entries: [CatalogTemplate.header(language: "en")])
        for entry in CatalogTemplate.entries(ui: UICatalog(), library: lib, uiPath: "ui") where !(entry.context ?? "").hasPrefix("ui:") {
            var copy = entry
            copy.strings = ["EN " + entry.id]
            translated.entries.append(copy)
        }
        let edited = library(["g.guide": Self.guide
            .replacingOccurrences(of: "bring giay-to: Giấy tờ", with: "bring moi: Mới\nbring giay-to: Giấy tờ tùy thân")])
        let merged = CatalogMerge.merge(template: CatalogTemplate.entries(ui: UICatalog(), library: edited, uiPath: "ui"),
            into: translated, header: CatalogTemplate.header(language: "en"))
        let byKey = Dictionary(uniqueKeysWithValues: merged.entries.compactMap { entry in entry.context.map { ($0, entry) } })
        let changed = byKey["g:bring.giay-to"]
        #expect(changed?.isFuzzy == true && changed?.previousID == "Giấy tờ" && changed?.strings == ["EN Giấy tờ"])
        #expect(byKey["g:bring.moi"]?.isTranslated == false)
        #expect(byKey["g:not-here.cong-an"]?.isFuzzy == false && byKey["g:not-here.cong-an"]?.strings == ["EN Việc của Công an"])
        #expect(byKey["g/a:choice.co"]?.isFuzzy == false && byKey["g/a:choice.co"]?.strings == ["EN Có"])
    }

    @Test func aSharedStepIsTranslatedOnceWhateverGuidesUseIt() {
        let block = "steps: blk\nsource: https://example.gov.vn/blk\nstep mo: Mở\n  - xong: Đã mở -> next\n"
        let files = ["shared/blk.steps": block,
            "a.guide": header(id: "a", code: "1") + "\nuse blk\nstep cuoi: Cuối\n  - xong: Xong -> end done\n",
            "b.guide": header(id: "b", code: "2") + "\nuse blk\nstep khac: Khác\n  - xong: Xong -> end staff\n"]
        let lib = library(files)
        #expect(!lib.diagnostics.hasErrors, "\(rendered(lib))")
        let entries = CatalogTemplate.entries(ui: UICatalog(), library: lib, uiPath: "ui").filter { $0.id == "Đã mở" }
        #expect(entries.map(\.context) == ["blk/mo:choice.xong"])
    }

    @Test func everyEntryPointsAtTheLineItIsWrittenOn() throws {
        let lib = library(["g.guide": Self.guide])
        let lines = Self.guide.split(separator: "\n", omittingEmptySubsequences: false)
        for entry in CatalogTemplate.entries(ui: UICatalog(), library: lib, uiPath: "ui") where !(entry.context ?? "").hasPrefix("ui:") {
            let reference = try #require(entry.references.first)
            #expect(reference.hasPrefix("g.guide:"))
            let number = try #require(Int(reference.dropFirst("g.guide:".count)))
            #expect(lines[number - 1].contains(entry.id.split(separator: "\n").first.map(String.init) ?? entry.id),
                "\(entry.context ?? "") points at line \(number): \(lines[number - 1])")
        }
    }

    @Test func aLineWithoutItsIdIsAnErrorThatSuggestsOne() {
        let text = Self.guide.replacingOccurrences(of: "bring giay-to: Giấy tờ", with: "bring: Giấy chứng sinh của bé")
            .replacingOccurrences(of: "! otp: Không", with: "! Không").replacingOccurrences(of: "- khong: Không", with: "- Không")
        let problems = rendered(library(["g.guide": text]))
        #expect(problems.contains { $0.contains("error: a `bring` line needs its own id, as in `bring giay-chung-sinh: …`") })
        #expect(problems.contains { $0.contains("error: a warning is `! id: text`, as in `! khong-dua-ma:") })
        #expect(problems.contains { $0.contains("error: a choice is `- id: answer -> target`, as in `- khong:") })
        let twice = Self.guide.replacingOccurrences(of: "- khong: Không", with: "- co: Không")
        #expect(rendered(library(["g.guide": twice])).contains { $0.contains("choice id \"co\" is used twice in step \"a\"") })
    }

    /// The catalogs of the first release keyed list lines by position and answers by target; `locales update`
    /// moved them to item ids once. No line of the English catalog lost its translation in that move.
    @Test func theMigrationToItemIdsKeepsEveryEnglishTranslation() throws {
        let old = POParser.parse(contentsOf: repositoryRoot + "/Tests/GuidesTests/Fixtures/migration/en.before-item-ids.po").0
        let lib = Library.load(directory: repositoryRoot + "/guides", options: Library.Options(today: Day("2026-11-25")!))
        let ui = UICatalog(contentsOf: repositoryRoot + "/locales/ui.vi.txt")
        let template = CatalogTemplate.entries(ui: ui, library: lib, uiPath: "locales/ui.vi.txt")
        let merged = CatalogMerge.merge(template: template, into: old, header: CatalogTemplate.header(language: "en"))
        // Lines added since the migration are not in the old catalog; every other line must be. Guide lines only, and
        // only those whose Vietnamese is unchanged at the same place (guide and step): the interface words were
        // rewritten for the keypad in 0.2.0, some guide lines for plain words, and the second edition moved a few
        // texts to new steps; a changed text is fuzzy by design, and a text new at a place is a new line.
        func place(_ entry: POEntry) -> String {
            let context = entry.context ?? ""
            return (CatalogMerge.place(of: context) ?? context) + "\u{04}" + entry.id
        }
        let oldPlaces = Set(old.entries.map(place))
        let templatePlaces = Set(template.map(place))
        func isGuideLine(_ entry: POEntry) -> Bool { !(entry.context ?? "").hasPrefix("ui:") }
        let current = merged.entries.filter { !$0.isHeader && !$0.isObsolete && oldPlaces.contains(place($0)) && isGuideLine($0) }
        #expect(current.count >= 800, "\(current.count)")
        #expect(current.allSatisfy { $0.isTranslated && !$0.isFuzzy }, "\(current.filter { !$0.isTranslated || $0.isFuzzy }.map(\.context))")
        // Every old translation is still the translation of the same Vietnamese text.
        let translations = Dictionary(grouping: current, by: place).mapValues { Set($0.map(\.strings)) }
        var checked = 0
        for entry in old.entries where !entry.isHeader && entry.isTranslated && !entry.isFuzzy && isGuideLine(entry)
            && templatePlaces.contains(place(entry)) {
            #expect(translations[place(entry)]?.contains(entry.strings) == true, "\(entry.context ?? "") lost its translation")
            checked += 1
        }
        #expect(checked >= 800, "\(checked)")
        // The shipped catalog is that migration.
        let shipped = POParser.parse(contentsOf: repositoryRoot + "/locales/en.po").0.entries
            .filter { !$0.isHeader && !$0.isObsolete && oldPlaces.contains(place($0)) && isGuideLine($0) }
        #expect(shipped.map { [$0.context ?? "", $0.id, $0.strings.joined()] } == current.map { [$0.context ?? "", $0.id, $0.strings.joined()] })
    }
}
