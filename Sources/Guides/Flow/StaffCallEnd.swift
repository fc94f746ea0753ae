/// How an open call for staff ended, for the terminal layer to record on the board.
public enum StaffCallEnd: String, Hashable, Sendable {
    /// Staff came (the staff key at the terminal, or the board).
    case answered
    /// The session ended or the terminal reset before staff came: nobody is waiting any more.
    case left
}
