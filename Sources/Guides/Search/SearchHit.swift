/// One search result: a guide and how well it matched (0…1, higher is better).
public struct SearchHit: Hashable, Sendable {
    public let guide: Guide
    let score: Double
}
