/// How a session ended, as the engine sees it.
public enum SessionOutcome: String, Sendable, CaseIterable {
    /// The citizen says they submitted it themselves.
    case done
    /// Handed to staff at the counter.
    case staff
    /// The citizen will finish later (papers missing, police visit first…).
    case later
    /// The citizen left the guide.
    case quit
    /// Nobody touched the terminal for too long.
    case timeout
    /// The kiosk was stopped (shut down, restarted) while the citizen was being guided.
    case interrupted
}
