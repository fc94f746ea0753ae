/// One answered step of a review: the answer, when, on which app or site version, for which wording, and a note.
public struct ReviewEntry: Hashable, Sendable {
    /// The step's flat id in the guide (`chuan-bi`, `dang-nhap-vneid.mo-app`).
    public let step: String
    public let result: ReviewResult
    public let day: Day
    /// The app or site version the phone showed (`VNeID 2.2.6`); nil when the review's own version applies.
    public let version: String?
    /// The fingerprint of the step's Vietnamese when it was answered: a changed step needs a new answer.
    public let fingerprint: String
    /// What the phone showed instead (for `differs`), in staff's words.
    public let note: String?
    /// Where the entry is written in the review file (nil for an entry not yet saved).
    let location: SourceLocation?

    public init(step: String, result: ReviewResult, day: Day, version: String?, fingerprint: String, note: String?) {
        self.init(step: step, result: result, day: day, version: version, fingerprint: fingerprint, note: note, location: nil)
    }

    init(step: String, result: ReviewResult, day: Day, version: String?, fingerprint: String, note: String?,
        location: SourceLocation?) {
        self.step = step
        self.result = result
        self.day = day
        self.version = version
        self.fingerprint = fingerprint
        self.note = note
        self.location = location
    }

    /// True when this answer was given for the step as it is written now.
    public func isFresh(for step: Step) -> Bool { fingerprint == step.fingerprint }
}
