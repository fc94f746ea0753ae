import Foundation
import Testing
@testable import Guides

/// What `kiosk check` says of reviews: a `reviewed` status needs a complete review with every step confirmed; a
/// step staff saw differently is a warning at that step; an edited step and an old round are said; a confirmed step
/// needs no `source:`.
@Suite struct ReviewLibraryTests {
    static let guideText = ReviewFileTests.guideText

    /// A library of one guide and its review, checked as of 2026-11-25.
    static func checked(_ guideText: String, review: String?, reviewAge: Int = 120, reviewPath: String = "reviews/g.review") -> Library {
        let sources = [SourceText(path: "g.guide", bytes: Array(guideText.utf8))]
        let reviews = review.map { [SourceText(path: reviewPath, bytes: Array($0.utf8))] } ?? []
        return Library.build(sources, reviews: reviews, options: Library.Options(maximumReviewAgeDays: reviewAge, today: Day("2026-11-25")!))
    }

    /// A review file answering every step of `guideText` as `results` say, on `day`.
    static func review(_ guideText: String, _ results: [String], day: String = "2026-11-20") throws -> String {
        let guide = try #require(library(["g.guide": guideText]).guide("g"))
        var text = "review: g\nstarted: \(day)\nversion: VNeID 2.2.6\n"
        for (step, result) in zip(guide.steps, results) {
            text += "step \(step.id): \(result)\n  on: \(day)\n  text: \(step.fingerprint)\n"
            if result == "differs" { text += "  note: Nút tên khác\n" }
        }
        return text
    }

    static var reviewedText: String {
        guideText.replacingOccurrences(of: "status: sourced", with: "status: reviewed\nreviewed: 2026-11-20")
    }

    @Test func aReviewedStatusNeedsEveryStepConfirmed() throws {
        // Without a review that confirms every step, the guide counts as sourced: still shown, never reviewed.
        let none = Self.checked(Self.reviewedText, review: nil)
        #expect(none.guide("g")?.status == .sourced && !none.diagnostics.hasErrors)
        #expect(rendered(none).contains("g.guide:10:9: warning: status reviewed, but no review on a real phone is kept in reviews/: "
            + "the guide counts as sourced until `kiosk review g` confirms every step"))
        let half = Self.checked(Self.reviewedText, review: try Self.review(Self.guideText, ["shows", "skipped"]))
        #expect(half.guide("g")?.status == .sourced)
        #expect(rendered(half).contains { $0.contains("warning: status reviewed, but 1 step is not confirmed on a real phone (first: \"hai\")") })
        let seenDifferently = Self.checked(Self.reviewedText, review: try Self.review(Self.guideText, ["shows", "differs"]))
        #expect(seenDifferently.guide("g")?.status == .sourced)
        let whole = Self.checked(Self.reviewedText, review: try Self.review(Self.guideText, ["shows", "shows"]))
        #expect(whole.guide("g")?.status == .reviewed)
        #expect(!whole.diagnostics.hasErrors)
        #expect(whole.reviewState(try #require(whole.guide("g"))).summary(today: Day("2026-11-25")!)
            == "reviewed on a real phone 2026-11-20 (5 days ago): every step confirmed")
    }

    @Test func aStepSeenDifferentlyIsAWarningAtThatStep() throws {
        let lib = Self.checked(Self.guideText, review: try Self.review(Self.guideText, ["shows", "differs"]))
        #expect(lib.guide("g") != nil)
        #expect(rendered(lib).contains("g.guide:18:6: warning: staff saw something else on a real phone (2026-11-20, VNeID 2.2.6), "
            + "noted as: Nút tên khác — edit the step, then `kiosk review g` asks it again"))
        #expect(lib.reviewState(try #require(lib.guide("g"))).summary(today: Day("2026-11-25")!)
            == "reviewed on a real phone 2026-11-20 (5 days ago): 1 step to edit")
    }

    @Test func anEditedStepAndAnOldRoundAreSaid() throws {
        let review = try Self.review(Self.guideText, ["shows", "shows"], day: "2026-06-01")
        let edited = Self.reviewedText.replacingOccurrences(of: "Bấm \"Đăng nhập\".", with: "Bấm nút \"Đăng nhập\".")
        let lib = Self.checked(edited, review: review)
        // Still reviewed (guiding never stops for an edit), but said, and the round is no longer complete.
        #expect(lib.guide("g")?.status == .reviewed)
        #expect(rendered(lib).contains { $0.hasPrefix("g.guide:19:6: warning: step \"hai\" was edited after staff confirmed it on 2026-06-01") })
        #expect(lib.reviewState(try #require(lib.guide("g"))).summary(today: Day("2026-11-25")!)
            == "review begun 2026-06-01: 1 of 2 steps answered, 1 step edited since")
        #expect(rendered(lib).contains { $0.hasPrefix("reviews/g.review:1:1: warning: the review on a real phone began 177 days ago (limit 120)") })
        let old = Self.checked(Self.guideText, review: try Self.review(Self.guideText, ["shows", "shows"], day: "2026-06-01") + "finished: 2026-06-01\n")
        #expect(rendered(old).contains { $0.hasPrefix("reviews/g.review:10:1: warning: the review on a real phone is 177 days old (limit 120): time for a new round") })
        #expect(!rendered(Self.checked(Self.guideText, review: review, reviewAge: 200)).contains { $0.contains("days old") || $0.contains("began") })
    }

    @Test func aConfirmedStepNeedsNoSourceToBeReviewed() throws {
        // Edited since it was confirmed: still reviewed (with a warning), never taken away from citizens.
        let unsourcedEdited = Self.reviewedText.replacingOccurrences(of: "source: https://example.gov.vn/g\n", with: "")
            .replacingOccurrences(of: "Bấm \"Đăng nhập\".", with: "Bấm nút \"Đăng nhập\".")
        let edited = Self.checked(unsourcedEdited, review: try Self.review(Self.guideText, ["shows", "shows"]))
        #expect(edited.guide("g")?.status == .reviewed && !edited.diagnostics.hasErrors)
        let unsourced = Self.reviewedText.replacingOccurrences(of: "source: https://example.gov.vn/g\n", with: "")
        #expect(rendered(Self.checked(unsourced.replacingOccurrences(of: "status: reviewed", with: "status: sourced"), review: nil))
            .contains { $0.contains("error: status sourced but step \"mot\" has no source") })
        let lib = Self.checked(unsourced, review: try Self.review(Self.guideText, ["shows", "shows"]))
        #expect(lib.guide("g")?.status == .reviewed)
        #expect(!lib.diagnostics.hasErrors)
    }

    @Test func aReviewOfNoGuideOrUnderAnotherNameIsSaid() throws {
        let review = try Self.review(Self.guideText, ["shows", "shows"])
        let stray = Self.checked(Self.guideText, review: review.replacingOccurrences(of: "review: g", with: "review: gg"), reviewPath: "reviews/gg.review")
        #expect(rendered(stray).contains("reviews/gg.review:1:1: warning: a review of guide \"gg\", which is not in the library (did you mean \"g\"?)"))
        let misnamed = Self.checked(Self.guideText, review: review, reviewPath: "reviews/other.review")
        #expect(rendered(misnamed).contains { $0.hasPrefix("reviews/other.review:1:1: error: this file is named for guide \"other\" but reviews \"g\"") })
        #expect(misnamed.reviews.isEmpty)
        let orphan = Self.checked(Self.guideText, review: review + "step ba: shows\n  on: 2026-11-20\n  text: 00000000\n")
        #expect(rendered(orphan).contains { $0.hasPrefix("reviews/g.review:10:1: warning: guide \"g\" has no step \"ba\" any more") })
    }
}
