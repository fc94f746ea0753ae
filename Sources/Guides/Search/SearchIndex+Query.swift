import Foundation

/// Scoring a query against one language's index.
extension SearchIndex {
    /// A library word a typed word may mean, and how sure that is (1 for the same word).
    struct Expansion {
        let token: Int32
        let similarity: Float
    }

    /// The evidence for each guide (by index) and the weight of everything typed, whose ratio says how well a guide
    /// explains the query.
    struct Evidence {
        var scores: [Float]
        var total: Float
        /// Every library word the typed words may mean.
        var tokens: Set<Int32> = []
        /// The library word each typed word most likely means, nil for a word no guide has.
        var best: [Int32?] = []
        /// The guides one of whose title or keyword phrases the query holds whole.
        var phrased: Set<Int32> = []
    }

    /// The most library words one typed word may stand for (a short prefix such as `kh` stands for many).
    static let expansionLimit = 48
    /// Of those, how many per word are tried in pairs.
    static let pairLimit = 6

    /// The evidence for every guide, and the weight of everything typed.
    ///
    /// Vietnamese words are mostly two syllables, and the meaning is in the pair: `khai tử` is not `khai sinh`, though
    /// both have `khai`. So two typed syllables side by side that some guide also has side by side count as one unit,
    /// weighed by how rare that pair is, and their syllables do not count again alone; a guide earns it only where it
    /// has the pair. Where pairs overlap, the ones whose syllables are most often seen together win. A title or
    /// keyword phrase found whole in the query is one more unit. Every other typed word is a unit of its own,
    /// weighed by the rarest library word it may mean; a word no guide has changes no guide's rank, but weighs
    /// (`unknownWeight`) against every guide fitting. Two Vietnamese syllables side by side that no guide ever has
    /// side by side, one of them in no pair, weigh against every guide too: they name something the library does not
    /// know (in a sentence of six words or more, where they are often just grammar, half as much as the two words). Words of other
    /// languages are not paired that way (English word order varies).
    func evidence(_ words: [QueryWord]) -> Evidence {
        var evidence = Evidence(scores: [Float](repeating: 0, count: guideCount), total: 0)
        var unit = [Float](repeating: 0, count: guideCount)
        func add(_ weight: Float) {
            evidence.total += weight
            for index in unit.indices {
                evidence.scores[index] += unit[index] * weight
                unit[index] = 0
            }
        }
        let expansions = words.map(expand)
        // In pairs, a word may also be read as another region writes it (`thường chú` is `thường trú`).
        // A word still being typed may be any word it begins that pairs with the word before (`khai s` → `sinh`),
        // however many words it begins.
        let pairForms = words.indices.map { index -> [Expansion] in
            if words[index].isPartial, index > 0, words[index].followsPrevious {
                let typed = Array(words[index].key.utf8)
                let paired = Set(expansions[index - 1].prefix(Self.pairLimit).flatMap { followers[Int($0.token)] })
                    .filter { tokens[Int($0)].count > typed.count && tokens[Int($0)].starts(with: typed) }.sorted()
                return paired.map { Expansion(token: $0, similarity: 0.9) } + (ids[words[index].key].map { [Expansion(token: $0, similarity: 1)] } ?? [])
            }
            return Array(expansions[index].prefix(Self.pairLimit)) + dialect(words[index])
        }
        evidence.tokens = Set(expansions.joined().map(\.token))
        evidence.best = expansions.map { $0.first?.token }
        // A word weighs as its rarest reading; a short word the library does not have (`đi`) no more than an
        // unknown word, though it begins some rare one (`dichvucongs`).
        let weights = words.indices.map { index -> Float in
            let found = expansions[index]
            let weight = found.map { idf[Int($0.token)] }.max() ?? 0
            return found.first?.similarity == 1 || words[index].key.utf8.count >= 4 ? weight : min(weight, unknownWeight)
        }
        // Pairs first. Of the typed pairs some guide has, the most tightly bound ones are taken, none overlapping,
        // so `đăng ký khai tử` reads as `đăng ký` + `khai tử`, never `ký khai` (the join in "Đăng ký khai sinh").
        var candidates: [(index: Int, documents: Int, binding: Float)] = []
        for index in words.indices.dropFirst() where words[index].followsPrevious {
            // Only Vietnamese syllables pair up: English word order varies, and two English words side by side in
            // some step would take the words away from the guides that have them apart.
            guard let a = expansions[index - 1].first, let b = expansions[index].first,
                inSource[Int(a.token)], inSource[Int(b.token)] else { continue }
            var documents = 0
            for a in pairForms[index - 1] {
                for b in pairForms[index] {
                    documents = max(documents, pairs[Self.pairKey(a.token, b.token)]?.count ?? 0)
                }
            }
            guard documents > 0 else { continue }
            let alone = min(postings[Int(a.token)].count, postings[Int(b.token)].count)
            candidates.append((index, documents, Float(documents) / Float(max(1, alone))))
        }
        candidates.sort { ($0.binding, -$0.index) > ($1.binding, -$1.index) }
        var covered = [Bool](repeating: false, count: words.count)
        var existing = [Bool](repeating: false, count: words.count)
        for candidate in candidates {
            let index = candidate.index
            existing[index] = true
            guard !covered[index - 1], !covered[index] else { continue }
            covered[index - 1] = true
            covered[index] = true
            for a in pairForms[index - 1] {
                for b in pairForms[index] {
                    guard let found = pairs[Self.pairKey(a.token, b.token)] else { continue }
                    let similarity = min(a.similarity, b.similarity)
                    for posting in found where unit[Int(posting.guide)] < similarity * posting.weight {
                        unit[Int(posting.guide)] = similarity * posting.weight
                    }
                }
            }
            add(idf(candidate.documents))
        }
        for (index, found) in expansions.enumerated() where !covered[index] {
            guard !found.isEmpty else {
                if !words[index].isPartial { evidence.total += unknownWeight }
                continue
            }
            for expansion in found {
                // At most the whole unit: a short guess's weight is capped below its reading's.
                let value = min(1, expansion.similarity * idf[Int(expansion.token)] / weights[index])
                for posting in postings[Int(expansion.token)] where unit[Int(posting.guide)] < value * posting.weight {
                    unit[Int(posting.guide)] = value * posting.weight
                }
            }
            add(weights[index])
        }
        // A whole title or keyword phrase among the typed words, in any order (the largest ones, not those inside
        // another), is one more unit, earned only by the guides whose author wrote it.
        let typed = Set(expansions.compactMap { $0.first?.token })
        var counts: [Int32: Int] = [:]
        for token in typed { for phrase in phrasesOf[Int(token)] { counts[phrase, default: 0] += 1 } }
        let whole = counts.filter { phraseWords[Int($0.key)].count == $0.value }.keys.sorted()
        let largest = whole.filter { phrase in
            let words = Set(phraseWords[Int(phrase)])
            return !whole.contains { $0 != phrase && phraseWords[Int($0)].count > words.count && words.isSubset(of: phraseWords[Int($0)]) }
        }
        for phrase in largest {
            for guide in phraseGuides[Int(phrase)] {
                unit[Int(guide)] = 1
                evidence.phrased.insert(guide)
            }
            add(idf(phraseGuides[Int(phrase)].count))
        }
        for index in words.indices.dropFirst() where words[index].followsPrevious && !existing[index] {
            guard let a = expansions[index - 1].first, let b = expansions[index].first,
                inSource[Int(a.token)], inSource[Int(b.token)], !covered[index - 1] || !covered[index]
            else { continue }
            // In a short query every word is the need, and a pair no guide has names something else; in a sentence,
            // two words side by side are often just grammar, and weigh only half what they are.
            let weight = max(weights[index - 1] + weights[index], unknownWeight)
            evidence.total += words.count > 5 ? (weights[index - 1] + weights[index]) / 2 : weight
        }
        return evidence
    }

    /// How closely `guide` is about the typed words: the largest share of one title or keyword phrase that they
    /// make up. It orders guides that explain the query equally well (`thường trú` is a whole keyword of guide 31
    /// and a part of one in guide 21).
    func closeness(_ guide: Int, _ tokens: Set<Int32>) -> Float {
        var best: Float = 0
        for phrase in aboutPhrases[guide] where !phrase.isEmpty {
            let share = Float(phrase.count { tokens.contains($0) }) / Float(phrase.count)
            best = max(best, share)
        }
        return best
    }

    /// Inverse document frequency of a word or pair found in `documents` guides.
    func idf(_ documents: Int) -> Float { Self.idf(documents, of: guideCount) }

    /// The library words `word` may mean: itself, or with Telex/VNI keys removed, when the library has it; else the
    /// words it begins (3 letters or more; one while it is being typed) and those one or two typos away (4 or 7
    /// letters or more), best first.
    func expand(_ word: QueryWord) -> [Expansion] {
        if !word.isPartial {
            if let id = ids[word.key] { return [Expansion(token: id, similarity: 1)] }
            if let untyped = word.untyped, let id = ids[untyped] { return [Expansion(token: id, similarity: 1)] }
        }
        var found: [Int32: Float] = [:]
        if let id = ids[word.key] { found[id] = 1 }
        for form in [word.key] + (word.untyped.map { [$0] } ?? []) {
            let bytes = Array(form.utf8)
            // A prefix of what was typed, not of its Telex reading (`tax` is not `ta…`).
            if form == word.key {
                // A word being typed may begin many words (`s`): all are ranked, the rarest first, before the cut.
                for id in prefixed(bytes, from: word.isPartial ? 1 : 3, limit: word.isPartial ? 1024 : 4 * Self.expansionLimit) {
                    found[id] = max(found[id] ?? 0, 0.9)
                }
            }
            let limit: Int
            switch bytes.count {
            case ..<4: continue
            case 4...6: limit = 1
            default: limit = 2
            }
            let mask = Self.letterMask(bytes)
            for length in max(1, bytes.count - limit)...(bytes.count + limit) where length < byLength.count {
                for id in byLength[length] where (mask ^ masks[Int(id)]).nonzeroBitCount / 2 <= limit {
                    let token = tokens[Int(id)]
                    let distance = EditDistance.damerauLevenshtein(bytes, token, limit: limit)
                    guard distance <= limit else { continue }
                    let similarity = 1 - Float(distance) / Float(max(bytes.count, token.count))
                    found[id] = max(found[id] ?? 0, similarity)
                }
            }
        }
        let ranked = found.map { Expansion(token: $0.key, similarity: $0.value) }
            .sorted { ($0.similarity, idf[Int($0.token)], $1.token) > ($1.similarity, idf[Int($1.token)], $0.token) }
        return Array(ranked.prefix(Self.expansionLimit))
    }

    /// Ids of the tokens that begin with `prefix` (of at least `shortest` letters) and are longer, in byte order, at
    /// most `limit`.
    func prefixed(_ prefix: [UInt8], from shortest: Int, limit: Int) -> [Int32] {
        guard prefix.count >= shortest else { return [] }
        var low = 0, high = sorted.count
        while low < high {
            let middle = (low + high) / 2
            if tokens[Int(sorted[middle])].lexicographicallyPrecedes(prefix) { low = middle + 1 } else { high = middle }
        }
        var result: [Int32] = []
        var index = low
        while index < sorted.count, result.count < limit {
            let token = tokens[Int(sorted[index])]
            guard token.starts(with: prefix) else { break }
            if token.count > prefix.count { result.append(sorted[index]) }
            index += 1
        }
        return result
    }
}

