/// One typed word as search compares it.
struct QueryWord: Sendable {
    /// The folded word (`TextFolding.searchKey`).
    let key: String
    /// The word with Telex or VNI keys removed, when that differs (`ddawng` → `dang`).
    let untyped: String?
    /// True when the word came right after the previous one (no filler or other word between).
    let followsPrevious: Bool
}
