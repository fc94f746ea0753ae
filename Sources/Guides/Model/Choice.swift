/// One numbered answer of a step.
public struct Choice: Hashable, Sendable {
    public let label: Line
    public let target: Target
    let location: SourceLocation
}
