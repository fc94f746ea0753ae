/// The running counts of a session, rewritten with each step event.
public struct SessionCounts: Sendable, Equatable, Codable {
    var stepsSeen = 0
    var furthestStep = 0
    var backs = 0
    var helps = 0

    init() {}
}
