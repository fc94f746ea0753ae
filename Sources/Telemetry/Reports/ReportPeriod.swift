/// An inclusive range of days (`YYYY-MM-DD`).
public struct ReportPeriod: Sendable, Equatable {
    public let from: String
    public let to: String

    public init(from: String, to: String) {
        self.from = from
        self.to = to
    }
}
