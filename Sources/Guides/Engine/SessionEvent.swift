/// Facts for telemetry; they carry ids only, never anything a citizen typed.
public enum SessionEvent: Hashable, Sendable {
    case started(guide: String, language: String, launchedBy: LaunchedBy)
    /// A step was shown; `index` is its place on the main path (nil off the main path).
    case stepShown(guide: String, step: String, index: Int?)
    case back(guide: String, step: String)
    case helpAsked(guide: String, step: String?)
    case ended(outcome: SessionOutcome, guide: String, step: String?)
}
