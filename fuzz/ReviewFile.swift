// libFuzzer harness: the review-file parser, the review state and checks against a shipped guide, and the writer.
// Each input is a review file (any bytes); whatever it holds must be read without a crash, and what `kiosk review`
// would write back for it must read again without a problem, with the same answers.
import Foundation

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzReview(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    guard let guide = Shipped.library.guide("dang-nhap-dvcqg") else { fatalError("the shipped guides did not load") }
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    let (review, _) = ReviewParser.parse(SourceText(path: "reviews/dang-nhap-dvcqg.review", bytes: bytes))
    guard let review else { return 0 }
    let state = ReviewState(guide: guide, review: review)
    _ = state.summary(today: Shipped.today)
    _ = state.pending
    var checks = ReviewChecks()
    checks.check(guide, review: review, options: Shipped.options)
    // What the writer makes of it reads back cleanly, answer for answer.
    let written = review.text(for: guide)
    let (again, problems) = ReviewParser.parse(SourceText(path: "again.review", bytes: Array(written.utf8)))
    guard let again, problems.isEmpty else { fatalError("the written review does not read back: \(problems)") }
    // (Answers for steps the guide does not have are dropped by the writer.)
    let kept = review.entries.filter { guide.step($0.step) != nil }
    guard again.entries.map(\.step) == kept.map(\.step), again.entries.map(\.result) == kept.map(\.result),
        again.entries.map(\.fingerprint) == kept.map(\.fingerprint) else { fatalError("answers changed on the way back") }
    return 0
}
