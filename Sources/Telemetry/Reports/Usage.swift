/// How many sessions met each guide and each step in a period: what translators and speakers do first.
public struct Usage: Sendable, Equatable {
    /// Sessions started with each guide (each saw its overview), by guide id.
    public var sessions: [String: Int] = [:]
    /// Sessions that reached each step, by `guide/step` (the guide whose step it is, after any jump).
    public var reached: [String: Int] = [:]

    public init() {}
}
