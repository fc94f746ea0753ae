/// Everything a terminal needs to draw one screen; plain data, no I/O.
public struct Screen: Hashable, Sendable {
    /// Which kind of screen this is.
    public enum Kind: Hashable, Sendable { case overview, step, stepList, endQuestion, ended }

    public var kind: Kind
    /// The id of the guide whose lines are shown (the inner guide after a jump).
    public var guide: String
    /// The title of the guide being followed (the inner guide after a jump).
    public var guideTitle: Line
    /// The step title, on step screens.
    public var title: Line?
    /// "step k of n" along the main path, on step screens.
    public var progress: Progress?
    public var summary: Line?
    public var body: Line?
    public var warnings: [Line] = []
    public var check: Line?
    public var bring: [Line] = []
    public var notHere: [Line] = []
    public var fee: Line?
    public var time: Line?
    /// Titles of guides needed first.
    public var requires: [Line] = []
    /// Their ids, in the same order (each title shows in its own guide's language coverage).
    public var requiredGuides: [String] = []
    /// Step titles along the main path (overview and list of steps).
    public var steps: [StepListItem] = []
    /// The question above the choices (overview and end question).
    public var question: UIText?
    public var choices: [ScreenChoice] = []
    public var keys: [LegendKey] = []
    public var notice: Notice?
    /// Set on the final screen: how the session ended.
    var outcome: SessionOutcome?
    /// Set on the final screen of a session that did not finish: what to type at any kiosk to come back (`21-6`).
    public var resumeCode: String?

    init(kind: Kind, guide: String, guideTitle: Line) {
        self.kind = kind
        self.guide = guide
        self.guideTitle = guideTitle
    }
}
