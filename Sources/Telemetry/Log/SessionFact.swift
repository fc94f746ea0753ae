/// One fact about a guided session, as the engine reports it: ids and codes only, never anything a citizen typed.
public enum SessionFact: Sendable, Equatable {
    /// A session began with `guide`, in `language`, started by the citizen or a volunteer.
    case started(guide: String, language: String, launchedBy: StoredLauncher)
    /// A step was shown; `mainIndex` is its place on its own guide's main path (nil on a branch).
    case shown(guide: String, step: String, mainIndex: Int?)
    /// The citizen went back from this step.
    case back(guide: String, step: String)
    /// The citizen asked for staff on this step (nil: on the overview, before any step).
    case help(guide: String, step: String?)
    /// The session ended: how, and the guide and step it ended on (nil: it ended on the overview).
    case ended(outcome: StoredOutcome, lastGuide: String?, lastStep: String?)
}
