/// The screen after a session: how it ended and what the citizen takes away (the papers to bring, where they were,
/// the resume code). Nothing in it came from the citizen.
public struct Farewell: Hashable, Sendable {
    public let outcome: SessionOutcome
    /// The guide followed; nil when the session ended unseen (a timeout or a stop).
    public var guideTitle: Line?
    /// The id of that guide.
    public var guide: String?
    /// The papers to bring next time ("not yet, later"), and the guide they are written in (the one started, even
    /// after a jump into another).
    public var bring: [Line] = []
    public var bringGuide: String?
    /// The main-path step reached, for staff answering a "needs staff" summary.
    public var progress: Progress?
    /// What to type at any kiosk to come back to that step (`21-6`).
    public var resumeCode: String?
    /// Where the citizen was, for a call for staff made from this screen.
    var place: StaffCallRequest?

    init(outcome: SessionOutcome) { self.outcome = outcome }

    /// The thanks at the top of the screen, by how the session ended.
    public var headline: UIText {
        switch outcome {
        case .done: .thanks
        case .staff: .thanksStaff
        case .later: .thanksLater
        case .quit, .interrupted: .thanksQuit
        case .timeout: .thanksTimeout
        }
    }

    /// True when the screen says what to take away (the guide, papers, the resume code): not after a guide done,
    /// nor after a session that ended unseen.
    public var takesAway: Bool { outcome != .done && outcome != .timeout && outcome != .interrupted }
}
