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

    let guides: [Guide]
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

    init(guides: [Guide], texts: [SearchText], fillers: [String], shortForms: [String] = []) {
        var ids: [String: Int32] = [:]
        var tokens: [[UInt8]] = []
        var inSource: [Bool] = []
        var best = [[Int32: Float]](repeating: [:], count: guides.count)
        var bestPairs = [[UInt64: Float]](repeating: [:], count: guides.count)
        var aboutPhrases = [[[Int32]]](repeating: [], count: guides.count)
        var titleWords = [Set<Int32>](repeating: [], count: guides.count)
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
        for guide in guides.indices {
            for (id, weight) in best[guide] { postings[Int(id)].append(Posting(guide: Int32(guide), weight: weight)) }
            for (pair, weight) in bestPairs[guide] { pairs[pair, default: []].append(Posting(guide: Int32(guide), weight: weight)) }
        }
        let count = Float(guides.count)
        func idf(_ documents: Int) -> Float { log(1 + (count - Float(documents) + 0.5) / (Float(documents) + 0.5)) }
        var byLength: [[Int32]] = []
        for (id, token) in tokens.enumerated() {
            while byLength.count <= token.count { byLength.append([]) }
            byLength[token.count].append(Int32(id))
        }
        self.guides = guides
        self.tokens = tokens
        self.ids = ids
        self.masks = tokens.map(Self.letterMask)
        self.byLength = byLength
        self.sorted = tokens.indices.sorted { tokens[$0].lexicographicallyPrecedes(tokens[$1]) }.map { Int32($0) }
        self.postings = postings
        self.aboutPhrases = aboutPhrases
        self.titleWords = titleWords
        let fillerIds = Set(fillers.compactMap { filler -> Int32? in
            let keys = TextFolding.tokens(filler).map(TextFolding.searchKey)
            return keys.count == 1 ? keys.first.flatMap { ids[$0] } : nil
        })
        var phraseIndex: [[Int32]: Int] = [:]
        var phraseWords: [[Int32]] = [], phraseGuides: [[Int32]] = []
        var phrasesOf = [[Int32]](repeating: [], count: tokens.count)
        for (guide, list) in aboutPhrases.enumerated() {
            for phrase in list {
                let words = Set(phrase).subtracting(fillerIds).sorted()
                guard words.count >= 2 else { continue }
                if let known = phraseIndex[words] {
                    if phraseGuides[known].last != Int32(guide) { phraseGuides[known].append(Int32(guide)) }
                    continue
                }
                phraseIndex[words] = phraseWords.count
                for word in words { phrasesOf[Int(word)].append(Int32(phraseWords.count)) }
                phraseWords.append(words)
                phraseGuides.append([Int32(guide)])
            }
        }
        self.phraseWords = phraseWords
        self.phraseGuides = phraseGuides
        self.phrasesOf = phrasesOf
        self.pairs = pairs
        self.idf = postings.map { idf($0.count) }
        self.inSource = inSource
        unknownWeight = idf(1) / 2
        var forms: [String: [String]] = [:]
        for entry in shortForms {
            let parts = entry.split(separator: "=", maxSplits: 1)
            guard parts.count == 2 else { continue }
            let short = TextFolding.tokens(String(parts[0])).map(TextFolding.searchKey)
            let long = TextFolding.tokens(String(parts[1])).map(TextFolding.searchKey)
            if short.count == 1, let key = short.first, !long.isEmpty { forms[key] = long }
        }
        self.shortForms = forms
        self.fillers = Set(fillers.map { TextFolding.tokens($0).map(TextFolding.searchKey) }.filter { !$0.isEmpty })
            .sorted { $0.count > $1.count }
    }

    /// A bit for each letter a–z in `token`.
    static func letterMask(_ token: [UInt8]) -> UInt32 {
        var mask: UInt32 = 0
        for byte in token where byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z") { mask |= 1 << UInt32(byte - UInt8(ascii: "a")) }
        return mask
    }

    static func pairKey(_ first: Int32, _ second: Int32) -> UInt64 { UInt64(UInt32(first)) << 32 | UInt64(UInt32(second)) }
}
