/// One search result: a guide and how well it matched (0…1, higher is better).
public struct SearchHit: Hashable, Sendable {
    public let guide: Guide
    public let score: Double
}

/// Ranks guides for what a citizen typed: words without accents, Telex/VNI leftovers, typos, or a poster code.
public struct GuideSearch: Sendable {
    /// The lowest score shown as a match.
    public static let threshold = 0.6

    /// A guide's searchable words, folded once at start-up.
    struct Entry: Sendable {
        let guide: Guide
        let title: [[UInt8]]
        let keywordPhrases: [[[UInt8]]]
        let all: [[UInt8]]
    }

    let entries: [Entry]

    /// Indexes `guides` (the citizen menu, usually).
    public init(guides: [Guide]) {
        entries = guides.map { guide in
            let title = TextFolding.tokens(guide.title.text).map { Array($0.utf8) }
            let phrases = guide.keywords.map { TextFolding.tokens($0).map { Array($0.utf8) } }
            let summary = TextFolding.tokens(guide.summary.text).map { Array($0.utf8) }
            return Entry(guide: guide, title: title, keywordPhrases: phrases, all: title + phrases.flatMap { $0 } + summary)
        }
    }

    /// Matches for `query`, best first; a poster code typed exactly comes first.
    public func search(_ query: String, limit: Int = 10) -> [SearchHit] {
        let folded = TextFolding.tokens(query)
        guard !folded.isEmpty else { return [] }
        let raw = folded.map { Array($0.utf8) }
        let untyped = folded.map { Array(TextFolding.untyped($0).utf8) }
        let variants = raw == untyped ? [raw] : [raw, untyped]
        let code = folded.count == 1 && folded[0].allSatisfy(\.isASCII) && folded[0].allSatisfy(\.isNumber) ? folded[0] : nil
        var hits: [SearchHit] = []
        for entry in entries {
            if let code, entry.guide.code == code {
                hits.append(SearchHit(guide: entry.guide, score: 2))
                continue
            }
            var best = 0.0
            for variant in variants {
                best = max(best, Self.score(variant, entry.title) * 1.0)
                for phrase in entry.keywordPhrases { best = max(best, Self.score(variant, phrase) * 0.98) }
                best = max(best, Self.score(variant, entry.all) * 0.9)
            }
            if best >= Self.threshold { hits.append(SearchHit(guide: entry.guide, score: best)) }
        }
        hits.sort { ($0.score, $1.guide.code.count, $1.guide.code) > ($1.score, $0.guide.code.count, $0.guide.code) }
        return Array(hits.prefix(limit))
    }

    /// Average over query tokens of the best match among `tokens`.
    static func score(_ query: [[UInt8]], _ tokens: [[UInt8]]) -> Double {
        guard !tokens.isEmpty else { return 0 }
        var total = 0.0
        for word in query {
            var best = 0.0
            for token in tokens {
                best = max(best, match(word, token))
                if best == 1 { break }
            }
            total += best
        }
        return total / Double(query.count)
    }

    /// 1 for the same word, 0.9 for a prefix of at least 2 letters, less for one or two typos.
    static func match(_ word: [UInt8], _ token: [UInt8]) -> Double {
        if word == token { return 1 }
        if word.count >= 2, token.count > word.count, token.starts(with: word) { return 0.9 }
        let limit: Int
        switch word.count {
        case ..<4: return 0
        case 4...6: limit = 1
        default: limit = 2
        }
        let distance = EditDistance.damerauLevenshtein(word, token, limit: limit)
        guard distance <= limit else { return 0 }
        return 1 - Double(distance) / Double(max(word.count, token.count))
    }
}
