/// How far a guide's review on a real phone has come, for `kiosk check`, `kiosk review` and the `reviewed` status.
public struct ReviewState: Sendable {
    /// Where one step of the guide stands.
    public enum StepState: Sendable, Equatable {
        /// Never answered in this round.
        case unanswered
        /// Answered, but the step was edited since: its answer no longer counts.
        case changed(ReviewEntry)
        /// Answered for the step as written now.
        case answered(ReviewEntry)
    }

    public let guide: Guide
    public let review: Review?
    /// Each step's state, in the guide's order.
    public let steps: [(step: Step, state: StepState)]

    public init(guide: Guide, review: Review?) {
        self.guide = guide
        self.review = review
        steps = guide.steps.map { step in
            guard let entry = review?.entry(step.id) else { return (step, .unanswered) }
            return (step, entry.isFresh(for: step) ? .answered(entry) : .changed(entry))
        }
    }

    /// Fresh answers.
    public var answers: [ReviewEntry] {
        steps.compactMap { if case .answered(let entry) = $0.state { entry } else { nil } }
    }

    /// Steps answered, for the wording as it is now, with "shows" or "differs" (a skip is no answer).
    public var answeredCount: Int { answers.filter { $0.result != .skipped }.count }

    /// Every step answered with "shows" or "differs" for its present wording.
    public var isComplete: Bool { answeredCount == steps.count && !steps.isEmpty }

    /// Complete, and every step shows on the phone what the guide says: the guide may be marked `reviewed`.
    public var isConfirmed: Bool { isComplete && answers.allSatisfy { $0.result == .shows } }

    /// The day the last answer of a complete review was given.
    public var finished: Day? { isComplete ? answers.map(\.day).max() : nil }

    /// Steps where staff saw something else: the guide needs an edit there.
    public var needsEdit: [(step: Step, entry: ReviewEntry)] {
        steps.compactMap { item in
            if case .answered(let entry) = item.state, entry.result == .differs { (item.step, entry) } else { nil }
        }
    }

    /// Steps edited since they were answered.
    public var changed: [Step] { steps.compactMap { if case .changed = $0.state { $0.step } else { nil } } }

    /// Entries for steps the guide no longer has.
    public var orphans: [ReviewEntry] {
        let ids = Set(guide.steps.map(\.id))
        return (review?.entries ?? []).filter { !ids.contains($0.step) }
    }

    /// The steps still to ask, in the order `kiosk review` asks them: never answered or edited since (guide
    /// order), then those skipped earlier.
    public var pending: [Step] {
        var first: [Step] = [], later: [Step] = []
        for (step, state) in steps {
            switch state {
            case .unanswered, .changed: first.append(step)
            case .answered(let entry) where entry.result == .skipped: later.append(step)
            case .answered: break
            }
        }
        return first + later
    }

    /// One line for staff: where the review stands and how old it is.
    public func summary(today: Day) -> String {
        guard let review else { return "not reviewed on a real phone yet" }
        var parts: [String]
        if let finished {
            let age = today.daysSinceEpoch - finished.daysSinceEpoch
            let edits = needsEdit.count
            parts = ["reviewed on a real phone \(finished) (\(age == 0 ? "today" : Self.days(age) + " ago"))"
                + (edits == 0 ? ": every step confirmed" : ": \(edits) step\(edits == 1 ? "" : "s") to edit")]
        } else {
            parts = ["review begun \(review.started): \(answeredCount) of \(steps.count) steps answered"]
        }
        if !changed.isEmpty {
            parts.append("\(changed.count) step\(changed.count == 1 ? "" : "s") edited since")
        }
        return parts.joined(separator: ", ")
    }

    static func days(_ count: Int) -> String { count == 1 ? "1 day" : "\(count) days" }
}
