/// How far a guide's content can be trusted, and so whether citizens see it.
public enum GuideStatus: String, Sendable, CaseIterable {
    case draft, sourced, reviewed

    /// Sourced and reviewed guides appear in the citizen menu; drafts do not.
    public var isShownToCitizens: Bool { self != .draft }
}
