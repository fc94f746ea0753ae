/// Finds the guides that fit what a citizen typed, in the language they chose, or says honestly that none does.
///
/// Every guide is indexed (drafts too, so that a need the province is preparing a guide for is recognised): title,
/// keywords, summary, what to bring, and the text of every step, in Vietnamese and in each offered language's
/// translation. A guide fits when the evidence for it (`SearchIndex.evidence`) explains enough of what was typed
/// (`fitting`); guides that fit are ranked by that share, then by how close a title or keyword is to the words.
public struct GuideSearch: Sendable {
    /// The most guides a search offers, on the results screen and in Tab's list alike.
    public static let offered = 3
    /// The share of the query a guide must explain to be offered.
    static let fitting: Float = 0.6
    /// The same for a sentence (more than five words that say something), where many words are just how people
    /// talk, when it holds one of the guide's title or keyword phrases whole.
    static let sentenceFitting: Float = 0.5
    /// How much closeness (`SearchIndex.closeness`) and the title's share of the words (`titleShare`) add to the
    /// rank of a guide that fits: enough to order guides that fit alike, never enough to lift a weaker fit far.
    static let closenessWeight: Float = 0.15
    static let titleWeight: Float = 0.1

    /// One index per searchable language; "vi" always (built at once), the others when first needed.
    let indexes: [String: LazyIndex]
    /// Each guide's title per language, for results and Tab completion.
    let titles: [String: [String]]
    /// Every citizen guide's title in every language, lowercased, to its index: a whole title opens its guide.
    let byTitle: [String: Int]
    let guides: [Guide]

    /// Indexes `guides` (a library's, drafts included) in Vietnamese now, and in each of `languages` that translates
    /// anything when first needed (`prepare` builds them all); `vietnamese` gives the Vietnamese interface words (the
    /// search fillers and short forms).
    public init(guides: [Guide], vietnamese: Localizer? = nil, languages: [Localizer] = []) {
        let sourceFillers = vietnamese.map { Self.list($0, .searchFillers) } ?? []
        let sourceForms = vietnamese.map { Self.list($0, .searchShortForms) } ?? []
        // Shared steps repeat the same lines in many guides: each line is folded once, found by its identity (short
        // to hash, unlike its text). Every language's index reuses the Vietnamese.
        var folded: [String: [[String]]] = [:]
        var texts: [SearchText] = []
        for (index, guide) in guides.enumerated() {
            Self.fields(of: guide) { field, line in
                let phrases = folded[line.key] ?? Self.phrases(line.text)
                folded[line.key] = phrases
                texts.append(SearchText(guide: index, field: field, phrases: phrases, isSource: true))
            }
        }
        let vietnameseIndex = SearchIndex(guideCount: guides.count, texts: texts, fillers: sourceFillers, shortForms: sourceForms)
        var indexes = ["vi": LazyIndex { vietnameseIndex }]
        var titles = ["vi": guides.map(\.title.text)]
        for localizer in languages where localizer.language != "vi" && !localizer.translatesNothing {
            indexes[localizer.language] = LazyIndex { [texts] in
                var translated = texts
                var folded: [String: [[String]]] = [:]
                for (index, guide) in guides.enumerated() {
                    // A guide shown in Vietnamese in this language is found by its Vietnamese words only.
                    let speaker = localizer.forGuide(guide.id)
                    Self.fields(of: guide) { field, line in
                        guard let text = speaker.translation(line) else { return }
                        let phrases = folded[line.key] ?? Self.phrases(text)
                        folded[line.key] = phrases
                        translated.append(SearchText(guide: index, field: field, phrases: phrases, isSource: false))
                    }
                }
                return SearchIndex(guideCount: guides.count, texts: translated, fillers: sourceFillers, shortForms: sourceForms,
                    languageFillers: Self.list(localizer, .searchFillers), languageShortForms: Self.list(localizer, .searchShortForms))
            }
            titles[localizer.language] = guides.map { localizer.forGuide($0.id).text($0.title) }
        }
        var byTitle: [String: Int] = [:]
        for list in titles.values {
            for (index, title) in list.enumerated() where guides[index].status.isShownToCitizens {
                byTitle[title.lowercased()] = index
            }
        }
        self.indexes = indexes
        self.titles = titles
        self.byTitle = byTitle
        self.guides = guides
    }

    /// Every guide that fits `query` for a visitor reading `language`, best first, drafts included. A poster code
    /// typed alone finds its guide first.
    public func hits(_ query: String, language: String = "vi") -> [SearchHit] {
        ranked(query, language: language, completing: false).map { rank in
            SearchHit(guide: guides[rank.position], position: rank.position, score: rank.score, fit: rank.fit)
        }
    }

    /// The guides that fit, as positions in `guides` with their rank, best first (a guide is copied only once it is
    /// offered: Tab searches at every press, and most guides fit a short beginning).
    func ranked(_ query: String, language: String, completing: Bool) -> [(position: Int, score: Float, fit: Float)] {
        guard let index = (indexes[language] ?? indexes["vi"])?.index else { return [] }
        let words = index.words(query, completing: completing)
        guard !words.isEmpty else { return [] }
        var ranks: [(position: Int, score: Float, fit: Float)] = []
        let code = words.count == 1 && words[0].key.utf8.allSatisfy({ (0x30...0x39).contains($0) }) ? words[0].key : nil
        let evidence = index.evidence(words)
        for position in guides.indices {
            if let code, guides[position].code == code {
                ranks.append((position, .infinity, 1))
                continue
            }
            let fit = evidence.total > 0 ? evidence.scores[position] / evidence.total : 0
            let sentence = words.count > 5 && evidence.phrased.contains(Int32(position))
            guard fit >= (sentence ? Self.sentenceFitting : Self.fitting) else { continue }
            let score = fit + Self.closenessWeight * index.closeness(position, evidence.tokens)
                + Self.titleWeight * index.titleShare(position, evidence.best)
            ranks.append((position, score, fit))
        }
        // Equal ranks: the shorter, then smaller poster code first.
        ranks.sort { a, b in
            let (codeA, codeB) = (guides[a.position].code, guides[b.position].code)
            return (a.score, a.fit, -codeA.utf8.count, codeB) > (b.score, b.fit, -codeB.utf8.count, codeA)
        }
        return ranks
    }

    /// What the kiosk shows for `query`: up to `limit` citizen guides, or that the best fit is still a draft, or
    /// that no guide fits.
    public func answer(_ query: String, language: String = "vi", limit: Int = offered) -> SearchAnswer {
        let ranks = ranked(query, language: language, completing: false)
        guard let first = ranks.first else { return .nothing }
        if !guides[first.position].status.isShownToCitizens { return .beingPrepared(guides[first.position]) }
        return .guides(Array(ranks.lazy.map { self.guides[$0.position] }.filter(\.status.isShownToCitizens).prefix(limit)))
    }

    /// The titles Tab offers for what is typed so far, in the visitor's language: those of the guides the same
    /// search finds, best first, as many as a search offers. A draft's title is offered too: sent, it says that the
    /// guide is being prepared.
    public func completions(_ typed: String, language: String = "vi", limit: Int = offered) -> [String] {
        let list = titles[language] ?? titles["vi"] ?? []
        return ranked(typed, language: language, completing: true).prefix(limit).map { list[$0.position] }
    }

    /// The citizen guide whose whole title, in any language, is `text` (as Tab completes it).
    public func guide(titled text: String) -> Guide? {
        byTitle[text.trimmingSpaces.lowercased()].map { guides[$0] }
    }

    /// A guide's title in `language` (Vietnamese when untranslated).
    public func title(of guide: Guide, language: String) -> String {
        guard let list = titles[language], let index = guides.firstIndex(where: { $0.id == guide.id }) else { return guide.title.text }
        return list[index]
    }

    /// The indexed lines of `guide`, each with its field: everything a citizen may read about it, except the fee,
    /// the time and what cannot be done here (which names needs the guide does not cover).
    static func fields(of guide: Guide, _ body: (SearchField, Line) -> Void) {
        body(.title, guide.title)
        body(.keywords, guide.keywords)
        body(.summary, guide.summary)
        for line in guide.bring { body(.bring, line) }
        for step in guide.steps {
            body(.stepTitle, step.title)
            if let text = step.body { body(.stepText, text) }
            for warning in step.warnings { body(.stepText, warning) }
            if let check = step.check { body(.stepText, check) }
        }
    }

    /// A line's phrases as search keys.
    static func phrases(_ text: String) -> [[String]] {
        TextFolding.phrases(text).map { $0.map(TextFolding.searchKey).filter { !$0.isEmpty } }.filter { !$0.isEmpty }
    }

    /// Builds every language's index now (the kiosk calls it in the background after start, so that the first
    /// visitor who chooses a language does not wait for it).
    public func prepare() {
        for index in indexes.values { _ = index.index }
    }

    /// A comma-separated list of the interface catalog (fillers, short forms).
    static func list(_ localizer: Localizer, _ key: UIText) -> [String] {
        localizer.text(key).split(separator: ",").map { String($0.trimmingSpaces) }.filter { !$0.isEmpty }
    }
}
