import Testing
@testable import Guides

/// One test per diagnostic, each asserting the exact `path:line:col` a staff member's editor would jump to.
@Suite struct DiagnosticTests {
    /// Two steps that end properly, starting at line 12 of a file made with `header()`.
    let twoSteps = """
        step a: Bước A
          Nội dung.
          - tiep: Tiếp -> b
        step b: Bước B
          - xong: Xong -> end done
        """

    @Test func aValidGuideHasNoDiagnostics() {
        let lib = library(["g.guide": header() + "\n" + twoSteps])
        #expect(rendered(lib) == [])
        #expect(lib.guides.map(\.id) == ["g"])
    }

    @Test func unknownTargetSuggestsTheClosestStep() {
        let text = header() + "\n" + """
            step dang-nhap: Đăng nhập
              - tiep-2: Tiếp -> dang-nhapp
              - xong-2: Xong -> end done
            """
        let lib = library(["g.guide": text])
        #expect(rendered(lib).contains("g.guide:13:21: error: unknown target \"dang-nhapp\" (did you mean \"dang-nhap\"?)"))
        #expect(lib.guides.isEmpty)
    }

    @Test func duplicateStepID() {
        let text = header() + "\n" + twoSteps + "\n" + "step a: Lại A\n  - xong: Xong -> end done\n"
        #expect(locationOf("step id \"a\" is used twice", in: library(["g.guide": text])) == "g.guide:17:6")
    }

    @Test func duplicateGuideIDAcrossFiles() {
        let lib = library(["a.guide": header(id: "g", code: "1") + "\n" + twoSteps,
            "b.guide": header(id: "g", code: "2") + "\n" + twoSteps])
        #expect(locationOf("guide id \"g\" is already used by a.guide:1:8", in: lib) == "b.guide:1:8")
    }

    @Test func duplicatePosterCodeAcrossFiles() {
        let lib = library(["a.guide": header(id: "a", code: "21") + "\n" + twoSteps,
            "b.guide": header(id: "b", code: "21") + "\n" + twoSteps])
        #expect(locationOf("poster code 21 is already used by a.guide:2:7", in: lib) == "b.guide:2:7")
        #expect(lib.guides.map(\.id) == ["a"])
    }

    @Test func unreachableStep() {
        let text = header() + "\n" + twoSteps + "\nstep lac: Bị lạc\n  - xong: Xong -> end done\n"
        #expect(locationOf("step \"lac\" cannot be reached", in: library(["g.guide": text])) == "g.guide:17:6")
    }

    @Test func stepWithNoWayForward() {
        let text = header() + "\n" + "step a: A\n  - tiep: Tiếp -> b\nstep b: B\n  Chỉ có chữ.\n"
        #expect(locationOf("step \"b\" has no way forward", in: library(["g.guide": text])) == "g.guide:14:6")
    }

    @Test func stepsFromWhichNoEndCanBeReached() {
        let text = header() + "\n" + """
            step a: A
              - tiep-3: Tiếp -> b
              - thoi: Thôi -> end later
            step b: B
              - tiep-4: Tiếp -> c
            step c: C
              - lai: Lại -> b
            """
        let lib = library(["g.guide": text])
        #expect(locationOf("no end can be reached from step \"b\"", in: lib) == "g.guide:15:6")
        #expect(locationOf("no end can be reached from step \"c\"", in: lib) == "g.guide:17:6")
    }

    @Test func missingRequiredMetadata() {
        let text = "guide: g\ncode: 1\ntitle: T\nsummary: S\nbring x: B\ntime: 1\nchecked: 2026-11-20\nstatus: draft\n" + twoSteps
        #expect(locationOf("missing \"fee:\"", in: library(["g.guide": text])) == "g.guide:1:8")
    }

    @Test func malformedMetadataValues() {
        let text = header(code: "12a", extra: "reviewed: 2026-02-30") + "\n" + twoSteps
        let lib = library(["g.guide": text])
        #expect(locationOf("poster code \"12a\" must be 1 to 4 digits", in: lib) == "g.guide:2:7")
        #expect(locationOf("\"reviewed\" must be a date", in: lib) == "g.guide:11:11")
    }

    @Test func unknownKeySuggestsTheRightOne() {
        let text = header(extra: "keywrds: khai sinh") + "\n" + twoSteps
        #expect(rendered(library(["g.guide": text])).contains("g.guide:11:1: error: unknown key \"keywrds\" (did you mean \"keywords\"?)"))
    }

    @Test func reviewedStatusNeedsAReviewDate() {
        let text = header(status: "reviewed") + "\n" + twoSteps
        #expect(locationOf("status reviewed needs", in: library(["g.guide": text])) == "g.guide:10:9")
    }

    @Test func sourcedGuideWithAnUnsourcedStep() {
        let text = header().replacingOccurrences(of: "source: https://example.gov.vn/g\n", with: "") + "\n" + twoSteps
        let lib = library(["g.guide": text])
        #expect(locationOf("step \"a\" has no source", in: lib) == "g.guide:11:6")
        #expect(locationOf("has no `source:` line", in: lib) == "g.guide:1:8")
    }

    @Test func useCycleBetweenBlocks() {
        let lib = library([
            "g.guide": header() + "\nuse x\nstep z: Z\n  - xong: Xong -> end done\n",
            "shared/x.steps": "steps: x\nuse y\nstep x1: X\n  - tiep: Tiếp -> next\n",
            "shared/y.steps": "steps: y\nuse x\nstep y1: Y\n  - tiep: Tiếp -> next\n",
        ])
        #expect(locationOf("`use` cycle: g → x → y → x", in: lib) == "shared/y.steps:2:5")
    }

    @Test func unknownBlockSuggestsTheClosest() {
        let lib = library([
            "g.guide": header() + "\nuse dang-nhap-vneld\nstep z: Z\n  - xong: Xong -> end done\n",
            "shared/d.steps": "steps: dang-nhap-vneid\nstep a: A\n  - tiep: Tiếp -> next\n",
        ])
        #expect(rendered(lib).contains(
            "g.guide:12:5: error: unknown shared block \"dang-nhap-vneld\" (did you mean \"dang-nhap-vneid\"?)"))
    }

    @Test func invalidUTF8IsReportedAtItsColumn() {
        var bytes = Array((header() + "\n").utf8)
        bytes += Array("step a: A".utf8) + [0xC3, 0x28] + Array("\n  - xong: Xong -> end done\n".utf8)
        let lib = Library.build([SourceText(path: "g.guide", bytes: bytes)], options: .init(today: Day("2026-11-25")!))
        #expect(locationOf("invalid UTF-8", in: lib) == "g.guide:12:10")
    }

    @Test func controlCharactersAndEscapeSequences() {
        let text = header() + "\n" + "step a: A\n  Bấm \u{1B}[2J vào đây.\n  - xong: Xong -> end done\n"
        #expect(locationOf("control character", in: library(["g.guide": text])) == "g.guide:13:7")
    }

    @Test func bidirectionalOverride() {
        let text = header() + "\n" + "step a: A\n  Tên \u{202E}lọc\n  - xong: Xong -> end done\n"
        #expect(locationOf("direction override", in: library(["g.guide": text])) == "g.guide:13:7")
    }

    @Test func textNotInNFCNamesTheFix() {
        let decomposed = "Đa\u{306}ng ky\u{301}"   // "Đăng ký" in NFD
        let text = header() + "\n" + "step a: \(decomposed)\n  - xong: Xong -> end done\n"
        let lib = library(["g.guide": text])
        #expect(locationOf("not in Unicode NFC", in: lib) == "g.guide:12:10")
        #expect(lib.diagnostics.first { $0.message.contains("NFC") }?.message.contains("precomposed") == true)
    }

    @Test func longBodyIsAWarningNotAnError() {
        let body = Array(repeating: "chữ", count: 61).joined(separator: " ")
        let text = header() + "\n" + "step a: A\n  \(body)\n  - xong: Xong -> end done\n"
        let lib = library(["g.guide": text])
        #expect(rendered(lib) == ["g.guide:12:6: warning: step \"a\" has 61 words; keep a step under 60 so it fits one screen (Ngắn gọn, dễ hiểu, dễ làm)"])
        #expect(lib.guides.count == 1)
    }

    @Test func oldCheckedDateWarnsWithTheConfiguredAge() {
        let text = header() + "\n" + twoSteps
        #expect(locationOf("is 5 days old (limit 3)", in: library(["g.guide": text], maximumAgeDays: 3)) == "g.guide:9:10")
        #expect(rendered(library(["g.guide": text])) == [])
    }

    @Test func nextOnTheLastStep() {
        let text = header() + "\n" + "step a: A\n  - tiep: Tiếp -> next\n  - xong: Xong -> end done\n"
        #expect(locationOf("`next` on the last step", in: library(["g.guide": text])) == "g.guide:13:19")
    }

    @Test func twoChoicesToTheSameTargetKeepTheirOwnIdentities() {
        let text = header() + "\n" + "step a: A\n  - co: Có -> end staff\n  - vang: Vâng -> end staff\n"
        let lib = library(["g.guide": text])
        #expect(rendered(lib) == [])
        #expect(lib.guides.first?.steps.first?.choices.map(\.label.key) == ["g/a:choice.co", "g/a:choice.vang"])
    }

    @Test func guideTargetsMustExistAndNotBeDrafts() {
        let lib = library([
            "a.guide": header(id: "a", code: "1") + "\nstep s: S\n  - can-b: Cần B -> guide b\n  - can-c: Cần C -> guide cc\n  - xong: Xong -> end done\n",
            "b.guide": header(id: "b", code: "2", status: "draft") + "\n" + twoSteps,
        ])
        #expect(locationOf("leads into draft guide \"b\"", in: lib) == "a.guide:13:5")
        #expect(locationOf("unknown guide \"cc\"", in: lib) == "a.guide:14:5")
        #expect(lib.guides.map(\.id) == ["b"])
    }

    @Test func guidesThatLeadIntoEachOther() {
        let lib = library([
            "a.guide": header(id: "a", code: "1") + "\nstep s: S\n  - b: B -> guide b\n  - xong: Xong -> end done\n",
            "b.guide": header(id: "b", code: "2") + "\nstep s: S\n  - a: A -> guide a\n  - xong: Xong -> end done\n",
        ])
        #expect(locationOf("\"a\" leads into other guides that lead back", in: lib) == "a.guide:1:8")
        #expect(lib.guides.isEmpty)
    }

    @Test func oneBadFileDoesNotStopTheOthers() {
        let lib = library(["bad.guide": "guide: bad\nthis is not a guide\n", "good.guide": header(id: "good") + "\n" + twoSteps])
        #expect(lib.guides.map(\.id) == ["good"])
        #expect(lib.diagnostics.hasErrors)
        #expect(lib.diagnostics.allSatisfy { $0.location.path == "bad.guide" })
    }

    @Test func aWebAddressIsTextNotAnIdAndEmptyWarningsAreErrors() {
        let base = header() + "\nstep a: A\n"
        let url = rendered(library(["g.guide": base + "  ! https://dichvucong.gov.vn la trang that\n  - xong: Xong -> end done\n"]))
        #expect(url.contains { $0.contains("a warning is `! id: text`") }, "\(url)")
        let empty = rendered(library(["g.guide": base + "  ! otp:\n  ?\n  - xong: Xong -> end done\n"]))
        #expect(empty.contains { $0.contains("warning \"otp\" has no text after its id") })
        #expect(empty.contains { $0.contains("the check question after `?` is empty") })
    }
}
