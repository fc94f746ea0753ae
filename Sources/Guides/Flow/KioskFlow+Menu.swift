/// The menu and the search results: poster codes, resume codes, the volunteer `+`, and search.
extension KioskFlow {
    /// True on the menu or the search results.
    var isOnMenu: Bool {
        switch base {
        case .menu, .results: true
        default: false
        }
    }

    /// The menu and search results: a poster code (or a result's number), a resume code such as `21-6`, `+` for a
    /// volunteer, the back key, or words to search.
    mutating func menuLine(_ text: String) -> FlowOutput {
        if text.isEmpty {
            return output()
        }
        if let key = LegendKey(symbol: text), key == .back || key == .quit {
            if case .results = base {
                base = .menu
                return output()
            }
            // Back to the welcome screen is a fresh start: this visitor's searches go from the line history too.
            return resetToWelcome(endingWith: .quit, at: lastActivity)
        }
        var query = text
        var launchedBy = LaunchedBy.citizen
        if query.hasPrefix("+") {
            query = String(query.dropFirst().trimmingSpaces)
            launchedBy = .volunteer
            if query.isEmpty {
                var output = self.output()
                output.notice = .volunteerHowTo
                return output
            }
        }
        if let (code, step) = Self.resumeCode(query) {
            guard let guide = library.citizenGuides.first(where: { $0.code == code }),
                (1...max(1, guide.mainPath.count)).contains(step), step <= guide.mainPath.count
            else { return noticed(.noSuchCode) }
            return start(guide, launchedBy: launchedBy, resumeAt: step)
        }
        if let number = Int(query), query.utf8.allSatisfy({ (0x30...0x39).contains($0) }) {
            if case .results(let hits) = base, (1...max(1, hits.count)).contains(number), number <= hits.count {
                return start(hits[number - 1], launchedBy: launchedBy)
            }
            if let guide = library.citizenGuides.first(where: { $0.code == query }) {
                return start(guide, launchedBy: launchedBy)
            }
            return noticed(.noSuchCode)
        }
        if let guide = search.guide(titled: query) {
            var output = start(guide, launchedBy: launchedBy)
            output.keepInHistory = true
            return output
        }
        let hits: [Guide]
        switch search.answer(query, language: language) {
        case .nothing:
            // Back to the menu: a notice under the previous results would read as if they were the answer.
            base = .menu
            var output = noticed(.noMatch)
            output.keepInHistory = true
            return output
        case .beingPrepared(let draft):
            base = .menu
            var output = noticed(.beingPrepared(guide: draft.id, title: draft.title))
            output.keepInHistory = true
            return output
        case .guides(let found):
            hits = found
        }
        if launchedBy == .volunteer, hits.count == 1, let only = hits.first {
            return start(only, launchedBy: .volunteer)
        }
        base = .results(hits)
        var output = self.output()
        output.keepInHistory = true
        return output
    }

    func noticed(_ notice: FlowNotice) -> FlowOutput {
        var output = self.output()
        output.notice = notice
        return output
    }

    /// `21-6` as (poster code, main-path step): digits, one `-`, digits; anything else is not a resume code.
    static func resumeCode(_ text: String) -> (String, Int)? {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 2, let first = parts.first, let last = parts.last,
            (1...4).contains(first.count), (1...3).contains(last.count),
            (first + last).utf8.allSatisfy({ (0x30...0x39).contains($0) }), let step = Int(last), step > 0
        else { return nil }
        return (String(first), step)
    }
}
