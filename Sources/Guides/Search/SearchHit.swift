/// One guide that fits a search: how much evidence the query gives for it, and how much of the query it explains.
public struct SearchHit: Hashable, Sendable {
    public let guide: Guide
    /// The guide's place in the search's list (for its title in each language).
    let position: Int
    /// The rank: the fit, and a little more for a guide whose title or keyword is closest to the query.
    let score: Float
    /// The share of what was typed that this guide explains, 0…1; a guide fits from `GuideSearch.fitting` on.
    let fit: Float

    /// The fit as a whole percentage, for guide authors (`kiosk search --all`).
    public var percent: Int { Int((fit * 100).rounded(.down)) }
}

/// What the kiosk does with a search: offer guides, say that the one that fits is still being prepared, or say
/// that it has no guide for this need.
public enum SearchAnswer: Hashable, Sendable {
    case guides([Guide])
    /// The best fit is a draft: citizens cannot open it yet, and are sent to staff instead of to another guide.
    case beingPrepared(Guide)
    case nothing
}
