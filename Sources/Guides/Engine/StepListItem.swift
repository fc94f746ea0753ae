/// One row of the list of steps (along the main path).
public struct StepListItem: Hashable, Sendable {
    public let number: Int
    public let title: Line
    public let isCurrent: Bool
    /// Already passed: typing its number in the list goes back to it.
    public var isDone = false
}
