/// The running counts of a session, rewritten with each step event.
public struct SessionCounts: Sendable, Equatable {
    public var stepsSeen = 0
    public var furthestStep = 0
    public var backs = 0
    public var helps = 0

    public init() {}
}
