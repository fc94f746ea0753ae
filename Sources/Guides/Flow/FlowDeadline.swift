/// The next moment the flow acts by itself if nobody touches the terminal, and the input it then receives.
public struct FlowDeadline: Sendable, Equatable {
    /// On the caller's monotonic clock, in milliseconds.
    public let at: UInt64
    /// `.idleWarning` or `.idleTimeout`.
    public let input: FlowInput
}
