/// What one input produced: the screen to draw and the events to record.
struct SessionOutput: Sendable {
    let screen: Screen
    let events: [SessionEvent]
}
