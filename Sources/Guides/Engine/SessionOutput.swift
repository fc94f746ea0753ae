/// What one input produced: the screen to draw and the events to record.
public struct SessionOutput: Sendable {
    public let screen: Screen
    public let events: [SessionEvent]
}
