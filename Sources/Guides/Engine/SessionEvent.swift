/// Facts for telemetry; they carry ids only, never anything a citizen typed.
public enum SessionEvent: Hashable, Sendable {
    case started(guide: String, language: String, launchedBy: LaunchedBy)
    /// A step was shown; `index` is its place on the main path (nil off the main path).
    case stepShown(guide: String, step: String, index: Int?)
    case back(guide: String, step: String)
    case helpAsked(guide: String, step: String?)
    /// The session ended: `guide` is the guide it was started with (what statistics count), `step` the last step the
    /// citizen saw (nil: the overview) and `stepGuide` the guide that step belongs to (an inner guide after a jump).
    case ended(outcome: SessionOutcome, guide: String, step: String?, stepGuide: String?)
}
