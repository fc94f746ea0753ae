/// What the citizen (or the idle timer) did.
enum SessionInput: Hashable, Sendable {
    case choose(Int)
    case back
    case `repeat`
    case listSteps
    case callStaff
    case quit
    case idle
    /// The program is stopping.
    case terminate
}
