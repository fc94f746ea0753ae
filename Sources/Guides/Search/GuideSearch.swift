/// Ranks guides for what a citizen typed: words without accents, Telex/VNI leftovers, typos, or a poster code.
public struct GuideSearch: Sendable {
    /// The lowest score shown as a match.
    static let threshold = 0.6

    /// A guide's searchable words as positions into the library-wide token table.
    struct Entry: Sendable {
        let guide: Guide
        let title: [Int]
        let keywordPhrases: [[Int]]
        /// Every distinct token of the guide (title, keywords, summary).
        let all: [Int]
    }

    /// Every distinct folded token of the library, so a search compares each query word with each token once.
    let tokens: [[UInt8]]
    /// A bit per letter a–z present in each token: a cheap lower bound on edit distance.
    let masks: [UInt32]
    let entries: [Entry]

    /// Indexes `guides` (the citizen menu, usually); `aliases` adds other names per guide id (translated titles),
    /// so a visitor can search in the language they chose.
    public init(guides: [Guide], aliases: [String: [String]] = [:]) {
        var tokens: [[UInt8]] = []
        var positions: [[UInt8]: Int] = [:]
        func intern(_ text: String) -> [Int] {
            TextFolding.tokens(text).map { token in
                let bytes = Array(token.utf8)
                if let known = positions[bytes] { return known }
                positions[bytes] = tokens.count
                tokens.append(bytes)
                return tokens.count - 1
            }
        }
        entries = guides.map { guide in
            let title = intern(guide.title.text)
            let phrases = (guide.keywords + (aliases[guide.id] ?? [])).map(intern)
            let summary = intern(guide.summary.text)
            var seen = Set<Int>()
            let all = (title + phrases.flatMap { $0 } + summary).filter { seen.insert($0).inserted }
            return Entry(guide: guide, title: title, keywordPhrases: phrases, all: all)
        }
        self.tokens = tokens
        masks = tokens.map(Self.letterMask)
    }

    /// Matches for `query`, best first; a poster code typed exactly comes first.
    public func search(_ query: String, limit: Int = 10) -> [SearchHit] {
        // A search reads at most 32 words: the table below is words × the library's tokens.
        let folded = Array(TextFolding.tokens(String(query.prefix(KioskFlow.maximumLineLength))).prefix(32))
        guard !folded.isEmpty else { return [] }
        let raw = folded.map { Array($0.utf8) }
        let untyped = folded.map { Array(TextFolding.untyped($0).utf8) }
        let variants = raw == untyped ? [raw] : [raw, untyped]
        let code = folded.count == 1 && folded[0].allSatisfy(\.isASCII) && folded[0].allSatisfy(\.isNumber) ? folded[0] : nil
        // Each query word of each variant against each distinct token of the library, once.
        let matches = variants.map { variant in
            variant.map { word in
                let mask = Self.letterMask(word)
                return tokens.indices.map { Self.match(word, tokens[$0], lowerBound: (mask ^ masks[$0]).nonzeroBitCount / 2) }
            }
        }
        var hits: [SearchHit] = []
        for entry in entries {
            if let code, entry.guide.code == code {
                hits.append(SearchHit(guide: entry.guide, score: 2))
                continue
            }
            var best = 0.0
            for table in matches {
                best = max(best, Self.score(table, entry.title))
                for phrase in entry.keywordPhrases { best = max(best, Self.score(table, phrase) * 0.98) }
                best = max(best, Self.score(table, entry.all) * 0.9)
            }
            if best >= Self.threshold { hits.append(SearchHit(guide: entry.guide, score: best)) }
        }
        hits.sort { ($0.score, $1.guide.code.count, $1.guide.code) > ($1.score, $0.guide.code.count, $0.guide.code) }
        return Array(hits.prefix(limit))
    }

    /// A bit for each letter a–z in `token`.
    static func letterMask(_ token: [UInt8]) -> UInt32 {
        var mask: UInt32 = 0
        for byte in token where byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z") { mask |= 1 << UInt32(byte - UInt8(ascii: "a")) }
        return mask
    }

    /// Average over query words of the best match among the field's tokens (`matches[word][token]`).
    static func score(_ matches: [[Double]], _ field: [Int]) -> Double {
        guard !field.isEmpty, !matches.isEmpty else { return 0 }
        var total = 0.0
        for row in matches {
            var best = 0.0
            for token in field where row[token] > best { best = row[token] }
            total += best
        }
        return total / Double(matches.count)
    }

    /// 1 for the same word, 0.9 for a prefix of at least 2 letters, less for one or two typos.
    static func match(_ word: [UInt8], _ token: [UInt8], lowerBound: Int = 0) -> Double {
        if word == token { return 1 }
        if word.count >= 2, token.count > word.count, token.starts(with: word) { return 0.9 }
        let limit: Int
        switch word.count {
        case ..<4: return 0
        case 4...6: limit = 1
        default: limit = 2
        }
        guard lowerBound <= limit else { return 0 }
        let distance = EditDistance.damerauLevenshtein(word, token, limit: limit)
        guard distance <= limit else { return 0 }
        return 1 - Double(distance) / Double(max(word.count, token.count))
    }
}
