/// What centre staff answered for one step, holding their own phone: it shows this, it shows something else, or skip.
public enum ReviewResult: String, Sendable, CaseIterable {
    /// "The phone shows this": the step is confirmed on a real phone.
    case shows
    /// "The phone shows something else": the step needs an edit (the note says what the phone showed).
    case differs
    /// Not answered this time (no such service on this phone, say): asked again when the review goes on.
    case skipped
}
