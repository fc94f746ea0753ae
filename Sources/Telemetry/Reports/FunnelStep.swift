/// One step of a guide's drop-off funnel.
public struct FunnelStep: Sendable, Equatable {
    public let guide: String
    /// The guide the sessions began with (for the places people stop across guides; the funnel's own guide otherwise).
    public var sessionGuide = ""
    /// The step id; "" for the guide's overview, the screen before its first step.
    public let step: String
    /// Sessions that were shown this step.
    public var reached = 0
    /// Sessions whose last step was this one, by how they ended.
    var leftDone = 0
    public var leftStaff = 0
    public var leftLater = 0
    public var leftLost = 0

    /// Sessions that left here without being done.
    public var left: Int { leftStaff + leftLater + leftLost }

    /// True for the overview line.
    public var isOverview: Bool { step.isEmpty }

    /// Left here ÷ reached here: the branch-aware drop-off rate.
    public var dropOff: Double? { reached == 0 ? nil : Double(left) / Double(reached) }
}
