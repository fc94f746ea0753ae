/// Splits a screen into pages that fit the terminal's height: the Linux console has no scrollback, so a line that
/// scrolls off the top is lost to the citizen. Pages break between paragraphs and items; the question and its
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

    /// The fewest lines of text a page should hold before the title is shortened.
    static let minimumBody = 3

    /// Rows of a page line, measured with the widest page numbers.
    private var moreRows: Int { more(99, 99).count }

    /// `layout` with its compact title when the full one leaves no room for text on this terminal.
    func fitted(_ layout: ScreenLayout) -> ScreenLayout {
        guard rows - Self.fixedRows(layout) - moreRows < Self.minimumBody, !layout.compactHeader.isEmpty else { return layout }
        var compact = layout
        compact.header = layout.compactHeader
        return compact
    }

    /// The rows every page repeats: the title, the notes and the legend.
    static func fixedRows(_ layout: ScreenLayout) -> Int { layout.header.count + layout.notes.count + layout.legend.count }

    /// Whether `layout` (its body may be left out) can be paged into `rows` without splitting its closing: the only
    /// way a screen can fail to fit, since the body pages freely.
    func check(_ full: ScreenLayout) -> Result {
        let layout = fitted(full)
        let fixed = Self.fixedRows(layout)
        return Result(pages: [], fits: rows - fixed - moreRows >= 1, closingSplit: rows - fixed - layout.closing.count < 0)
    }

    /// True when a page may start at line `index`: a blank line, the line after one, a list item, a numbered row or
    /// a warning; not a wrapped continuation of a sentence.
    static func breaks(before index: Int, in lines: [String]) -> Bool {
        guard lines.indices.contains(index), index > 0 else { return true }
        let line = lines[index], previous = lines[index - 1]
        if line.isEmpty || previous.isEmpty { return true }
        var text = line[...]
        // Past the style's own codes (`ESC [ … m`) and the indent.
        while text.hasPrefix("\u{1B}["), let end = text.firstIndex(of: "m") { text = text[text.index(after: end)...] }
        text = text.drop { $0 == " " }
        if text.hasPrefix("•") || text.hasPrefix("▶") || text.hasPrefix("!") { return true }
        let digits = text.prefix { $0.isNumber }
        return !digits.isEmpty && text.dropFirst(digits.count).hasPrefix(". ")
    }

    func pages(_ full: ScreenLayout) -> Result {
        if full.lines.count <= rows { return Result(pages: [full.lines], fits: true, closingSplit: false) }
        let layout = fitted(full)
        let fixed = Self.fixedRows(layout)
        var body = layout.body
        var closing = layout.closing
        // The lead stays with the question when both fit on one page; else it flows with the body.
        if rows - fixed - closing.count - layout.lead.count >= 0 {
            closing = layout.lead + closing
        } else {
            body += layout.lead
        }
        let split = rows - fixed - closing.count < 0
        if split {
            body += closing
            closing = []
        }
        let room = rows - fixed - moreRows
        let lastRoom = rows - fixed - closing.count
        guard room >= 1 else { return Result(pages: [layout.lines], fits: false, closingSplit: split) }
        var chunks: [[String]] = []
        var rest = body[...]
        while rest.count > lastRoom {
            var cut = min(room, rest.count)
            // When the rest would fit here but not with the closing, split it between this page and the last, so the
            // question never stands alone.
            if rest.count <= room, lastRoom > 0 { cut = max(1, rest.count - lastRoom, rest.count / 2) }
            // Break where a paragraph or an item starts, never inside a sentence (unless one paragraph is taller than
            // a whole page).
            if cut < rest.count, let start = (1...cut).reversed().first(where: { Self.breaks(before: rest.startIndex + $0, in: body) }) {
                cut = start
            }
            chunks.append(Array(rest.prefix(cut)))
            rest = rest.dropFirst(cut)
        }
        chunks.append(Array(rest))
        let count = chunks.count
        let pages = chunks.enumerated().map { index, chunk -> [String] in
            let last = index == count - 1
            var text = chunk
            // A page does not start with blank lines, nor end with them before the page line.
            while text.first == "" { text.removeFirst() }
            if !last { while text.last == "" { text.removeLast() } }
            return layout.header + text + (last ? closing : []) + layout.notes + (last ? [] : more(index + 1, count)) + layout.legend
        }
        return Result(pages: pages, fits: true, closingSplit: split)
    }
}
