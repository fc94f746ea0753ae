/// A call for staff the terminal layer must place (ring, board, notify command): where the citizen is, never what
/// they typed. The terminal answers with `FlowInput.staffCallResult`.
public struct StaffCallRequest: Hashable, Sendable {
    /// The guide on screen; nil at the welcome screen, the menu or search results.
    public let guide: String?
    /// The step on screen, if any.
    public let step: String?
    /// Its place on the guide's main path ("step 6 of 12"), if it has one.
    public let stepIndex: Int?
}
