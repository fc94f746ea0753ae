import Foundation

/// The searchable words of a library in one language (with Vietnamese, the source, beside it): for each folded word
/// the guides that contain it and in which field, for each pair of words side by side the same, and how rare each
/// word is across the library.
struct SearchIndex: Sendable {
    /// One guide that contains a word (or a pair), with the weight of the best field it is in.
    struct Posting: Sendable {
        let guide: Int32
        let weight: Float
    }

    /// How many guides are indexed (by position in the library's list).
    let guideCount: Int
    /// Every distinct search key of the library, by id.
    let tokens: [[UInt8]]
    let ids: [String: Int32]
    /// A bit per letter a–z of each token: a cheap lower bound on edit distance.
    let masks: [UInt32]
    /// Token ids by token length, for the typo scan.
    let byLength: [[Int32]]
    /// Token ids in byte order, for prefixes.
    let sorted: [Int32]
    let postings: [[Posting]]
    let pairs: [UInt64: [Posting]]
    /// The tokens that come right after each token somewhere, for completing a word that pairs with the one before.
    let followers: [[Int32]]
    /// The title and keyword phrases of each guide, as token ids (see `closeness`).
    let aboutPhrases: [[[Int32]]]
    /// The words of each guide's title (in every language of the index).
    let titleWords: [Set<Int32>]
    /// Each title or keyword phrase of two words or more (fillers left out), as its set of words in id order, with
    /// the guides that have it: the author's own statement of what a guide is about (`mất điện thoại`), found whole
    /// in a query, in any order (`khóa passcode` for "passcode bị khóa").
    let phraseWords: [[Int32]]
    let phraseGuides: [[Int32]]
    /// The phrases each token is in.
    let phrasesOf: [[Int32]]
    /// Inverse document frequency of each token: a word in every guide weighs almost nothing, a word in one guide most.
    let idf: [Float]
    /// True for tokens written in the Vietnamese text.
    let inSource: [Bool]
    /// What a typed word the library does not know weighs against a guide fitting: half the rarest word's weight,
    /// so one stray word (a name, a typo beyond repair) in a longer query does not hide the guide.
    let unknownWeight: Float
    /// Words and phrases people put around their need ("tôi muốn", "làm sao", "how do I") that say nothing about
    /// it, as search keys, longest first.
    let fillers: [[String]]
    /// Short forms typed in messages (`ko`, `dc`), to the words they stand for, as search keys.
    let shortForms: [String: [String]]

    /// Indexes `texts` of `guideCount` guides; `fillers` and `shortForms` are the Vietnamese ones, `languageFillers`
    /// and `languageShortForms` those of the index's other language, which count only where they are not also
    /// Vietnamese words (English `the`, `can`, `to` are `thẻ`, `căn`, `tờ` once accents go).
    init(guideCount: Int, texts: [SearchText], fillers: [String], shortForms: [String] = [], languageFillers: [String] = [],
        languageShortForms: [String] = []) {
        var ids: [String: Int32] = [:]
        var tokens: [[UInt8]] = []
        var inSource: [Bool] = []
        var best = [[Int32: Float]](repeating: [:], count: guideCount)
        var bestPairs = [[UInt64: Float]](repeating: [:], count: guideCount)
        var aboutPhrases = [[[Int32]]](repeating: [], count: guideCount)
        var titleWords = [Set<Int32>](repeating: [], count: guideCount)
        for text in texts {
            let weight = text.field.weight
            let about = text.field == .title || text.field == .keywords
            for phrase in text.phrases {
                var previous: Int32?
                var phraseIds: [Int32] = []
                for key in phrase {
                    let id: Int32
                    if let known = ids[key] {
                        id = known
                    } else {
                        id = Int32(tokens.count)
                        ids[key] = id
                        tokens.append(Array(key.utf8))
                        inSource.append(false)
                    }
                    if text.isSource { inSource[Int(id)] = true }
                    if best[text.guide][id, default: 0] < weight { best[text.guide][id] = weight }
                    if let previous {
                        let pair = Self.pairKey(previous, id)
                        if bestPairs[text.guide][pair, default: 0] < weight { bestPairs[text.guide][pair] = weight }
                    }
                    previous = id
                    if about { phraseIds.append(id) }
                    if text.field == .title { titleWords[text.guide].insert(id) }
                }
                if about { aboutPhrases[text.guide].append(phraseIds) }
            }
        }
        var postings = [[Posting]](repeating: [], count: tokens.count)
        var pairs: [UInt64: [Posting]] = [:]
        for guide in 0..<guideCount {
            for (id, weight) in best[guide] { postings[Int(id)].append(Posting(guide: Int32(guide), weight: weight)) }
            for (pair, weight) in bestPairs[guide] { pairs[pair, default: []].append(Posting(guide: Int32(guide), weight: weight)) }
        }
        var followers = [[Int32]](repeating: [], count: tokens.count)
        for pair in pairs.keys { followers[Int(pair >> 32)].append(Int32(truncatingIfNeeded: pair & 0xFFFF_FFFF)) }
        var byLength: [[Int32]] = []
        for (id, token) in tokens.enumerated() {
            while byLength.count <= token.count { byLength.append([]) }
            byLength[token.count].append(Int32(id))
        }
        let (fillerKeys, forms) = Self.readLists(fillers: fillers, shortForms: shortForms, languageFillers: languageFillers,
            languageShortForms: languageShortForms) { ids[$0].map { inSource[Int($0)] } ?? false }
        let phrases = Self.phraseSets(aboutPhrases, tokenCount: tokens.count,
            leavingOut: Set(fillerKeys.compactMap { $0.count == 1 ? $0.first.flatMap { ids[$0] } : nil }))
        self.guideCount = guideCount
        self.tokens = tokens
        self.ids = ids
        masks = tokens.map(Self.letterMask)
        self.byLength = byLength
        sorted = tokens.indices.sorted { tokens[$0].lexicographicallyPrecedes(tokens[$1]) }.map { Int32($0) }
        self.postings = postings
        self.pairs = pairs
        self.followers = followers
        self.aboutPhrases = aboutPhrases
        self.titleWords = titleWords
        (phraseWords, phraseGuides, phrasesOf) = phrases
        idf = postings.map { Self.idf($0.count, of: guideCount) }
        self.inSource = inSource
        unknownWeight = Self.idf(1, of: guideCount) / 2
        self.shortForms = forms
        self.fillers = Set(fillerKeys.filter { !$0.isEmpty }).sorted { $0.count > $1.count }
    }

    /// The fillers and short forms as search keys; the other language's only where they are not Vietnamese words.
    private static func readLists(fillers: [String], shortForms: [String], languageFillers: [String], languageShortForms: [String],
        isVietnamese: (String) -> Bool) -> ([[String]], [String: [String]]) {
        func keys(_ text: some StringProtocol) -> [String] { TextFolding.tokens(String(text)).map(TextFolding.searchKey) }
        var forms: [String: [String]] = [:]
        for (entry, other) in shortForms.map({ ($0, false) }) + languageShortForms.map({ ($0, true) }) {
            let parts = entry.split(separator: "=", maxSplits: 1)
            guard parts.count == 2 else { continue }
            let short = keys(parts[0]), long = keys(parts[1])
            guard short.count == 1, let key = short.first, !long.isEmpty, !(other && isVietnamese(key)) else { continue }
            forms[key] = long
        }
        return (fillers.map(keys) + languageFillers.map(keys).filter { !$0.allSatisfy(isVietnamese) }, forms)
    }

    /// The title and keyword phrases of two words or more (without fillers) as word sets, with their guides, and the
    /// phrases each token is in.
    private static func phraseSets(_ aboutPhrases: [[[Int32]]], tokenCount: Int, leavingOut fillers: Set<Int32>)
        -> ([[Int32]], [[Int32]], [[Int32]]) {
        var index: [[Int32]: Int] = [:]
        var words: [[Int32]] = [], guides: [[Int32]] = []
        var of = [[Int32]](repeating: [], count: tokenCount)
        for (guide, list) in aboutPhrases.enumerated() {
            for phrase in list {
                let set = Set(phrase).subtracting(fillers).sorted()
                guard set.count >= 2 else { continue }
                if let known = index[set] {
                    if guides[known].last != Int32(guide) { guides[known].append(Int32(guide)) }
                    continue
                }
                index[set] = words.count
                for word in set { of[Int(word)].append(Int32(words.count)) }
                words.append(set)
                guides.append([Int32(guide)])
            }
        }
        return (words, guides, of)
    }

    /// Inverse document frequency of a word or pair found in `documents` of `count` guides.
    static func idf(_ documents: Int, of count: Int) -> Float {
        log(1 + (Float(count) - Float(documents) + 0.5) / (Float(documents) + 0.5))
    }

    /// A bit for each letter a–z in `token`.
    static func letterMask(_ token: [UInt8]) -> UInt32 {
        var mask: UInt32 = 0
        for byte in token where byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z") { mask |= 1 << UInt32(byte - UInt8(ascii: "a")) }
        return mask
    }

    static func pairKey(_ first: Int32, _ second: Int32) -> UInt64 { UInt64(UInt32(first)) << 32 | UInt64(UInt32(second)) }
}
