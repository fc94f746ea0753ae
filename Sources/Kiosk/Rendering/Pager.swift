/// Splits a screen into pages that fit the terminal's height: the Linux console has no scrollback, so a line that
/// scrolls off the top is lost to the citizen. Pages break at a blank line when one is near, never inside the closing.
struct Pager {
    /// Rows a page may use (the terminal's height less the prompt line).
    let rows: Int
    /// The line that ends every page but the last: "Page 1/3. Press Enter to see more." (`{page}` and `{pages}`).
    let more: (_ page: Int, _ pages: Int) -> [String]
    /// The fewest body lines a page must hold to be worth showing.
    static let minimumBody = 3

    /// The pages of `layout`; `fits` is false when even paging cannot make it fit (the fixed parts are too tall).
    func pages(_ layout: ScreenLayout) -> (pages: [[String]], fits: Bool) {
        if layout.lines.count <= rows { return ([layout.lines], true) }
        let fixed = layout.header.count + layout.notes.count + layout.legend.count
        // Page lines ("Page k/n…") are one wrapped line at most two rows; measure with the widest page numbers.
        let moreRows = more(99, 99).count
        let capacity = rows - fixed - moreRows
        let lastCapacity = rows - fixed - layout.closing.count
        guard capacity >= Self.minimumBody, lastCapacity >= 0 else { return ([layout.lines], false) }
        var chunks: [[String]] = []
        var rest = layout.body[...]
        while rest.count > lastCapacity {
            var cut = min(capacity, rest.count)
            // Prefer to break after a blank line in the second half of the page, so a paragraph stays whole.
            if cut < rest.count, let blank = rest.prefix(cut).lastIndex(of: ""), blank - rest.startIndex >= cut / 2 {
                cut = blank - rest.startIndex + 1
            }
            chunks.append(Array(rest.prefix(cut)))
            rest = rest.dropFirst(cut)
        }
        chunks.append(Array(rest))
        let count = chunks.count
        let pages = chunks.enumerated().map { index, chunk -> [String] in
            let last = index == count - 1
            var body = chunk
            // A page does not start with blank lines.
            while body.first == "" { body.removeFirst() }
            return layout.header + body + (last ? layout.closing : []) + layout.notes
                + (last ? [] : more(index + 1, count)) + layout.legend
        }
        return (pages, true)
    }
}
