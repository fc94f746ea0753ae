import Foundation
import Testing
@testable import Guides

/// Review files: what `kiosk review` writes reads back the same, mistakes are located with a suggestion, and a
/// step's fingerprint changes exactly when what staff compare with the phone changes.
@Suite struct ReviewFileTests {
    static let guideText = header(id: "g") + """

        step mot: Bước một
          Mở ứng dụng.
          ? Thấy nút "Đăng nhập" không?
          - co: Có -> next
          - khong: Không -> end staff

        step hai: Bước hai
          Bấm "Đăng nhập".
          - xong: Xong -> end done
        """

    static func guide(_ text: String = guideText) throws -> Guide {
        try #require(library(["g.guide": text]).guide("g"))
    }

    static func parse(_ text: String, path: String = "reviews/g.review") -> (Review?, [String]) {
        let (review, problems) = ReviewParser.parse(SourceText(path: path, bytes: Array(text.utf8)))
        return (review, problems.map(\.description))
    }

    @Test func whatIsWrittenReadsBackTheSame() throws {
        let guide = try Self.guide()
        var review = Review(guide: "g", started: Day("2026-12-01")!, version: "VNeID 2.2.6, Android 14", path: "reviews/g.review")
        let order = guide.steps.map(\.id)
        // Answered out of order: the file keeps the guide's order.
        review.record(ReviewEntry(step: "hai", result: .differs, day: Day("2026-12-02")!, version: "VNeID 2.2.7",
            fingerprint: guide.steps[1].fingerprint, note: "Nút tên là \"Tiếp tục\"\nhai dòng"), order: order)
        review.record(ReviewEntry(step: "mot", result: .skipped, day: Day("2026-12-01")!, version: nil,
            fingerprint: guide.steps[0].fingerprint, note: nil), order: order)
        review.record(ReviewEntry(step: "mot", result: .shows, day: Day("2026-12-02")!, version: nil,
            fingerprint: guide.steps[0].fingerprint, note: nil), order: order)
        let text = review.text(for: guide)
        #expect(text.contains("review: g\nstarted: 2026-12-01\nversion: VNeID 2.2.6, Android 14\nfinished: 2026-12-02\n"))
        #expect(text.components(separatedBy: "step mot: shows").count == 2 && !text.contains(": skipped"))
        // A line break typed into a note stays on its line.
        #expect(text.contains("  note: Nút tên là \"Tiếp tục\" hai dòng\n"))
        #expect(text.range(of: "step mot")!.lowerBound < text.range(of: "step hai")!.lowerBound)
        let (read, problems) = Self.parse(text)
        #expect(problems.isEmpty)
        let back = try #require(read)
        #expect(back.entries.map(\.step) == ["mot", "hai"])
        #expect(back.entries[1].result == .differs && back.entries[1].version == "VNeID 2.2.7")
        #expect(back.entries[1].note == "Nút tên là \"Tiếp tục\" hai dòng")
        #expect(back.version == review.version && back.started == review.started)
        let state = ReviewState(guide: guide, review: back)
        #expect(state.isComplete && !state.isConfirmed && state.needsEdit.map(\.step.id) == ["hai"])
    }

    @Test func mistakesAreLocatedWithASuggestion() {
        let (review, problems) = Self.parse("""
            review: g
            started: 2026-12-01
            versoin: x
              on: 2026-12-01
            step mot: shws
              on: 2026-12-01
            step hai: shows
              on: 2026-13-01
              text: 0011aabb
            step ba: shows
              text: 0011aabb
            step bon: shows
              on: 2026-12-01
              text: nothex!!
            step nam: shows
              on: 2026-12-01
              text: 0011aabb
              nota: x
            step nam: skipped
              on: 2026-12-01
              text: 0011aabb
            """)
        #expect(review != nil)
        #expect(problems.contains("reviews/g.review:3:1: error: unknown key \"versoin\" (did you mean \"version\"?)"))
        #expect(problems.contains("reviews/g.review:4:1: error: an indented line belongs to a \"step <id>: …\" line above it"))
        #expect(problems.contains("reviews/g.review:5:1: error: unknown answer \"shws\": use shows, differs or skipped (did you mean \"shows\"?)"))
        #expect(problems.contains("reviews/g.review:8:3: error: \"on\" must be a date written YYYY-MM-DD"))
        #expect(problems.contains { $0.hasPrefix("reviews/g.review:10:1: error: step \"ba\" has no \"on:") })
        #expect(problems.contains { $0.hasPrefix("reviews/g.review:14:1: error: step \"bon\" needs a \"text:\" line of 8 hex digits") })
        #expect(problems.contains("reviews/g.review:18:3: error: unknown key \"nota\" in a step (did you mean \"note\"?)"))
        #expect(problems.contains("reviews/g.review:19:1: error: step \"nam\" is answered twice: keep the latest answer only"))
        #expect(review?.entries.map(\.step) == ["nam"])
        // A year written with leading zeros reads, and writes back, as four digits.
        #expect(Self.parse("review: g\nstarted: 0026-12-01\n").0?.started.description == "0026-12-01")
        let (none, missing) = Self.parse("started: 2026-12-01\n")
        #expect(none == nil && missing == ["reviews/g.review:1:1: error: missing \"review: <guide id>\" (the guide this review is of)"])
    }

    @Test func theFingerprintFollowsWhatStaffCompareWithThePhone() throws {
        let base = try Self.guide().steps[0].fingerprint
        #expect(base.count == 8 && base.allSatisfy(\.isHexDigit))
        func print(_ old: String, _ new: String) throws -> String {
            try Self.guide(Self.guideText.replacingOccurrences(of: old, with: new)).steps[0].fingerprint
        }
        #expect(try print("Mở ứng dụng.", "Mở ứng dụng VNeID.") != base)
        #expect(try print("Thấy nút", "Có thấy nút") != base)
        #expect(try print("- khong: Không -> end staff", "- khong: Không -> end later") != base)
        #expect(try print("- co: Có -> next", "- co: Có, tôi thấy -> next") != base)
        // What the phone does not show: a comment, a source, the order of metadata.
        #expect(try print("step mot: Bước một\n", "# ghi chú\nstep mot: Bước một\n  source: https://example.gov.vn/trang\n") == base)
    }

    @Test func markingAGuideReviewedChangesOnlyItsStatusLines() throws {
        let text = Self.guideText
        let marked = try #require(StatusPromotion.apply(to: text, day: Day("2026-12-02")!))
        #expect(marked == text.replacingOccurrences(of: "status: sourced", with: "status: reviewed\nreviewed: 2026-12-02"))
        let again = try #require(StatusPromotion.apply(to: marked, day: Day("2026-12-09")!))
        #expect(again == marked.replacingOccurrences(of: "reviewed: 2026-12-02", with: "reviewed: 2026-12-09"))
        // Windows line endings stay Windows line endings.
        let windows = text.replacingOccurrences(of: "\n", with: "\r\n")
        #expect(StatusPromotion.apply(to: windows, day: Day("2026-12-02")!)?.contains("status: reviewed\r\nreviewed: 2026-12-02\r\n") == true)
        // Mixed endings stay mixed: only the two lines change.
        let mixed = text.replacingOccurrences(of: "status: sourced\n", with: "status: sourced\r\n")
        #expect(StatusPromotion.apply(to: mixed, day: Day("2026-12-02")!)
            == text.replacingOccurrences(of: "status: sourced\n", with: "status: reviewed\r\nreviewed: 2026-12-02\r\n"))
        // A `status:` written inside a step is not metadata: nothing is guessed.
        #expect(StatusPromotion.apply(to: "guide: g\nstep a: A\n  status: x\n", day: Day("2026-12-02")!) == nil)
    }
}
