/// One typed word as search compares it.
struct QueryWord: Sendable {
    /// The folded word (`TextFolding.searchKey`).
    let key: String
    /// The word with Telex or VNI keys removed, when that differs (`ddawng` → `dang`).
    let untyped: String?
    /// True when the word came right after the previous one (no filler or other word between).
    let followsPrevious: Bool
    /// True for the last word while it is still being typed (Tab completion): it may be the beginning of a word,
    /// one letter is enough, and when it begins no library word it is left out rather than held against a guide.
    var isPartial = false
}
