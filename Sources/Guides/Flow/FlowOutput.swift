/// The result of one input: what to draw, what to record, and whether the terminal must be wiped first.
public struct FlowOutput: Sendable {
    public var view: FlowView
    public var notice: FlowNotice?
    public var events: [SessionEvent] = []
    /// Wipe the screen, the scrollback and the line history: the next visitor starts clean.
    public var resetTerminal = false
    /// The session on screen was launched by a volunteer: show the "the citizen presses every button" reminder.
    public var volunteerSession = false
    /// The typed line may go into line history (false for dropped personal data and for answers at the kiosk).
    public var keepInHistory = false
    /// The program should end after drawing this.
    public var exit = false
    /// False when nothing on screen changed (a keystroke): the terminal leaves the screen and the typed line alone.
    public var redraw = true
    /// Play the recordings of the screen (the listen key); the screen stays as it is.
    public var listen = false
    /// The language to draw in.
    public var language = "vi"
    /// Place this call for staff, then hand the result back as `.staffCallResult`.
    public var staffCall: StaffCallRequest?
    /// The open call for staff ended this way: close it on the board.
    public var callEnded: StaffCallEnd?
    /// A call for staff is open: the screen says it is kept, and for how many minutes.
    public var waitingForStaff = false
    /// The session on screen was closed without ending (back from its overview, nothing recorded): `kiosk guide`
    /// ends here as it does when a session ends.
    public var sessionClosed = false
    /// False while the open call reached nobody (no board write, no notify command): the screen keeps telling the
    /// citizen to raise a hand or go to the counter, never that staff were told.
    public var staffReached = true

    public init(view: FlowView, notice: FlowNotice? = nil, events: [SessionEvent] = []) {
        self.view = view
        self.notice = notice
        self.events = events
    }
}
