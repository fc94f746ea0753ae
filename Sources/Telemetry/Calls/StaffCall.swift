/// An open call for staff, as the board lists it: ids and a time only, nothing a citizen typed.
public struct StaffCall: Hashable, Sendable {
    public let id: Int64
    public let terminal: String
    /// The guide on screen; nil when the citizen called from the menu.
    public let guide: String?
    public let step: String?
    /// Place of the step on the guide's main path.
    public let stepIndex: Int?
    /// Seconds since 1970 (UTC).
    public let calledAt: Int64
}
