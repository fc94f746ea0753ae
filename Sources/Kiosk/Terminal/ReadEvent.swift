/// What waiting for input ended with.
enum ReadEvent: Equatable {
    /// A finished line.
    case line(String)
    /// A line longer than the kiosk reads: dropped unread.
    case overlong
    /// A key was pressed and the line is not finished: someone is there. The line being typed is kept.
    case keystroke
    /// The deadline passed with no key.
    case timeout
    case interrupt
    case endOfInput
    case terminate
    /// The terminal changed size; the line being typed is kept.
    case resize
}
