import Glibc

/// What waiting for a line ended with.
enum ReadEvent: Equatable {
    case line(String)
    case timeout
    case interrupt
    case endOfInput
    case terminate
    case resize
}
