/// Splits a screen into pages that fit the terminal's height: the Linux console has no scrollback, so a line that
/// scrolls off the top is lost to the citizen. Pages break at a blank line when one is near; the question and its
/// choices stay together on the last page unless the terminal is too small for that.
struct Pager {
    /// Rows a page may use (the terminal's height less the prompt line).
    let rows: Int
    /// The lines that end every page but the last: "Page 1/3. Press Enter to see more."
    let more: (_ page: Int, _ pages: Int) -> [String]

    /// How a screen was paged.
    struct Result {
        let pages: [[String]]
        /// False when even paging cannot make it fit (the fixed parts alone fill the terminal).
        let fits: Bool
        /// True when the question and its choices had to be split across pages (a very small terminal).
        let closingSplit: Bool
    }

    func pages(_ layout: ScreenLayout) -> Result {
        if layout.lines.count <= rows { return Result(pages: [layout.lines], fits: true, closingSplit: false) }
        let next = layout.continuedHeader.isEmpty ? layout.header : layout.continuedHeader
        let fixedFirst = layout.header.count + layout.notes.count + layout.legend.count
        let fixedNext = next.count + layout.notes.count + layout.legend.count
        // Page lines are measured with the widest page numbers.
        let moreRows = more(99, 99).count
        var body = layout.body
        var closing = layout.closing
        // The lead stays with the question when both fit on one page; else it flows with the body.
        if rows - fixedNext - closing.count - layout.lead.count >= 0 {
            closing = layout.lead + closing
        } else {
            body += layout.lead
        }
        let split = rows - fixedNext - closing.count < 0
        if split {
            body += closing
            closing = []
        }
        var chunks: [[String]] = []
        var rest = body[...]
        while true {
            let fixed = chunks.isEmpty ? fixedFirst : fixedNext
            if rest.count <= rows - fixed - closing.count {
                chunks.append(Array(rest))
                break
            }
            let room = rows - fixed - moreRows
            guard room >= 1 else { return Result(pages: [layout.lines], fits: false, closingSplit: split) }
            var cut = min(room, rest.count)
            // When the rest would fit here but not with the closing, leave the last page as much as it can hold, so it
            // never shows the question alone.
            let lastRoom = rows - fixedNext - closing.count
            if rest.count <= room, lastRoom > 0 { cut = max(1, rest.count - lastRoom) }
            // Prefer to break after a blank line in the second half of the page, so a paragraph stays whole.
            if cut < rest.count, let blank = rest.prefix(cut).lastIndex(of: ""), blank - rest.startIndex >= cut / 2 {
                cut = blank - rest.startIndex + 1
            }
            chunks.append(Array(rest.prefix(cut)))
            rest = rest.dropFirst(cut)
        }
        let count = chunks.count
        let pages = chunks.enumerated().map { index, chunk -> [String] in
            let last = index == count - 1
            var text = chunk
            // A page does not start with blank lines, nor end with them before the page line.
            while text.first == "" { text.removeFirst() }
            if !last { while text.last == "" { text.removeLast() } }
            return (index == 0 ? layout.header : next) + text + (last ? closing : []) + layout.notes
                + (last ? [] : more(index + 1, count)) + layout.legend
        }
        return Result(pages: pages, fits: true, closingSplit: split)
    }
}
