/// What happened at the terminal, as the flow sees it.
public enum FlowInput: Hashable, Sendable {
    /// A line the person typed (already without its newline).
    case line(String)
    /// A line longer than `KioskFlow.maximumLineLength`: dropped unread, with a notice.
    case overlongLine
    /// A key was pressed, with no line finished yet: someone is there (it dismisses the idle warning).
    case keystroke
    /// No key for the warning time: ask "are you still there?".
    case idleWarning
    /// No key after the warning either: end the session and wipe the terminal.
    case idleTimeout
    /// Ctrl-C, Ctrl-\, Ctrl-Z or Ctrl-D at the kiosk: offer a return to the start.
    case interrupt
    /// End of input in plain line mode: the program ends.
    case endOfInput
    /// SIGTERM or SIGHUP: the program ends.
    case terminate
    /// The terminal placed the call the flow asked for: true when a board or notify command took it.
    case staffCallResult(delivered: Bool)
    /// Staff marked the open call answered on the board: nobody waits any more.
    case staffCallAnswered
}
