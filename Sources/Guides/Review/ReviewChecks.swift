/// What `kiosk check` says about a guide's review on a real phone: steps to edit, edited steps, old rounds, and
/// whether a `reviewed` status is backed by a complete review with every step confirmed.
struct ReviewChecks {
    private(set) var diagnostics: [Diagnostic] = []

    private mutating func add(_ severity: Severity, _ location: SourceLocation, _ message: String) {
        diagnostics.append(Diagnostic(severity, at: location, message))
    }

    /// True when every step has been confirmed on a real phone ("shows"), for its present wording or an earlier one
    /// (an edit since is warned about, step by step): what a `reviewed` status needs.
    static func backs(_ review: Review?, _ steps: [Step]) -> Bool {
        guard let review, !steps.isEmpty else { return false }
        return steps.allSatisfy { review.entry($0.id)?.result == .shows }
    }

    /// Why `review` does not back a reviewed status, for the warning.
    static func gap(_ review: Review?, _ steps: [Step]) -> String {
        guard let review else { return "no review on a real phone is kept in reviews/" }
        let open = steps.filter { review.entry($0.id)?.result != .shows }
        guard let first = open.first else { return "the guide has no steps" }
        return "\(open.count) step\(open.count == 1 ? " is" : "s are") not confirmed on a real phone (first: \"\(first.id)\")"
    }

    /// Steps to edit, steps edited since they were confirmed, orphan answers and old rounds. (A `reviewed` status the
    /// review does not back is said, and demoted, where the guide is built.)
    mutating func check(_ guide: Guide, review: Review?, options: Library.Options) {
        let state = ReviewState(guide: guide, review: review)
        let command = "kiosk review \(guide.id)"
        guard let review else { return }
        let fileStart = SourceLocation(path: review.path, line: 1, column: 1)
        for (step, entry) in state.needsEdit {
            var seen = "\(entry.day)"
            if let version = entry.version ?? (review.version.isEmpty ? nil : review.version) { seen += ", " + Quoted.escape(version) }
            let note = entry.note.map { ", noted as: \(Quoted.escape($0, limit: 300)) —" } ?? ":"
            add(.warning, step.location, "staff saw something else on a real phone (\(seen))\(note) "
                + "edit the step, then `\(command)` asks it again")
        }
        if guide.status == .reviewed {
            for step in state.changed {
                if let entry = review.entry(step.id), entry.result == .shows {
                    add(.warning, step.location, "step \"\(step.id)\" was edited after staff confirmed it on \(entry.day): "
                        + "`\(command)` asks it again")
                }
            }
        }
        for orphan in state.orphans {
            add(.warning, orphan.location ?? fileStart, "guide \"\(guide.id)\" has no step \"\(orphan.step)\" any more: "
                + "this answer counts for nothing" + Suggestion.suffix(for: orphan.step, among: guide.steps.map(\.id)))
        }
        let limit = options.maximumReviewAgeDays
        if let finished = state.finished {
            let age = options.today.daysSinceEpoch - finished.daysSinceEpoch
            if age > limit {
                add(.warning, review.finishedLocation ?? fileStart, "the review on a real phone is \(ReviewState.days(age)) old "
                    + "(limit \(limit)): time for a new round, `\(command) --new`")
            }
        } else {
            let age = options.today.daysSinceEpoch - review.started.daysSinceEpoch
            if age > limit {
                add(.warning, fileStart, "the review on a real phone began \(ReviewState.days(age)) ago (limit \(limit)) and is "
                    + "not finished: `\(command)` goes on where it stopped")
            }
        }
    }
}
