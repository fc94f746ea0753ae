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
    }

    /// The most library words one typed word may stand for (a short prefix such as `kh` stands for many).
    static let expansionLimit = 48
    /// Of those, how many per word are tried in pairs.
    static let pairLimit = 6

    /// The words of `query` that say something: folded, at most 32, without fillers (a filler also parts the words
    /// on either side of it).
    func words(_ query: String, completing: Bool = false) -> [QueryWord] {
        let tokens = TextFolding.tokens(String(query.prefix(KioskFlow.maximumLineLength))).prefix(32).flatMap { token in
            let key = TextFolding.searchKey(token)
            return shortForms[key].map { $0.map { ($0, $0) } } ?? [(token, key)]
        }
        var words: [QueryWord] = []
        var follows = false
        var position = 0
        while position < tokens.count {
            let (token, key) = tokens[position]
            if let filler = fillers.first(where: { filler in
                position + filler.count <= tokens.count && filler.indices.allSatisfy { tokens[position + $0].1 == filler[$0] }
            }) {
                position += filler.count
                follows = false
                continue
            }
            position += 1
            guard !key.isEmpty else {
                follows = false
                continue
            }
            let untyped = TextFolding.searchKey(TextFolding.untyped(token))
            if ids[key] == nil, ids[untyped] == nil, let (first, second) = split(key) {
                words.append(QueryWord(key: first, untyped: nil, followsPrevious: follows))
                words.append(QueryWord(key: second, untyped: nil, followsPrevious: true))
            } else {
                words.append(QueryWord(key: key, untyped: untyped == key || untyped.isEmpty ? nil : untyped, followsPrevious: follows))
            }
            follows = true
        }
        // Only a word still being typed is partial: `khai s` ends in one, `khai s ` does not.
        if completing, let last = query.unicodeScalars.last, !last.properties.isWhitespace, !words.isEmpty {
            words[words.count - 1].isPartial = true
        }
        return words
    }

    /// Two syllables typed without the space between them (`lylich`, `khaisinh`): the split into two library words
    /// of at least two letters that some guide has side by side.
    func split(_ key: String) -> (String, String)? {
        let bytes = Array(key.utf8)
        guard bytes.count >= 4 else { return nil }
        for cut in 2...(bytes.count - 2) {
            let first = String(decoding: bytes[..<cut], as: UTF8.self), second = String(decoding: bytes[cut...], as: UTF8.self)
            guard let a = ids[first], let b = ids[second], pairs[Self.pairKey(a, b)] != nil else { continue }
            return (first, second)
        }
        return nil
    }

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
    /// know (half as much in a sentence of four words or more, where they are often just grammar). Words of other
    /// languages are not paired that way (English word order varies).
    func evidence(_ words: [QueryWord]) -> Evidence {
        var evidence = Evidence(scores: [Float](repeating: 0, count: guides.count), total: 0)
        var unit = [Float](repeating: 0, count: guides.count)
        func add(_ weight: Float) {
            evidence.total += weight
            for index in unit.indices {
                evidence.scores[index] += unit[index] * weight
                unit[index] = 0
            }
        }
        let expansions = words.map(expand)
        // In pairs, a word may also be read as another region writes it (`thường chú` is `thường trú`).
        let pairForms = words.indices.map { Array(expansions[$0].prefix(Self.pairLimit)) + dialect(words[$0]) }
        evidence.tokens = Set(expansions.joined().map(\.token))
        evidence.best = expansions.map { $0.first?.token }
        let weights = expansions.map { found in found.map { idf[Int($0.token)] }.max() ?? 0 }
        // Pairs first. Of the typed pairs some guide has, the most tightly bound ones are taken, none overlapping,
        // so `đăng ký khai tử` reads as `đăng ký` + `khai tử`, never `ký khai` (the join in "Đăng ký khai sinh").
        var candidates: [(index: Int, documents: Int, binding: Float)] = []
        for index in words.indices.dropFirst() where words[index].followsPrevious {
            guard let a = expansions[index - 1].first, let b = expansions[index].first else { continue }
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
                let value = expansion.similarity * idf[Int(expansion.token)] / weights[index]
                for posting in postings[Int(expansion.token)] where unit[Int(posting.guide)] < value * posting.weight {
                    unit[Int(posting.guide)] = value * posting.weight
                }
            }
            add(weights[index])
        }
        // A whole title or keyword phrase inside the query (the longest ones, not those inside another) is one more
        // unit, earned only by the guides whose author wrote it.
        var found: [(start: Int, end: Int, guides: [Int32])] = []
        for start in words.indices {
            var end = start + 1
            while end < words.count, words[end].followsPrevious, end - start < longestPhrase { end += 1 }
            for last in stride(from: end, through: start + 2, by: -1) {
                let phrase = (start..<last).compactMap { expansions[$0].first?.token }
                guard phrase.count == last - start, let guides = phrases[phrase] else { continue }
                if !found.contains(where: { $0.start <= start && $0.end >= last }) { found.append((start, last, guides)) }
                break
            }
        }
        for phrase in found {
            for guide in phrase.guides { unit[Int(guide)] = 1 }
            add(idf(phrase.guides.count))
        }
        for index in words.indices.dropFirst() where words[index].followsPrevious && !existing[index] {
            guard let a = expansions[index - 1].first, let b = expansions[index].first,
                inSource[Int(a.token)], inSource[Int(b.token)], !covered[index - 1] || !covered[index]
            else { continue }
            // In a short query every word is the need; in a sentence, two words side by side are often just grammar.
            let weight = max(weights[index - 1] + weights[index], unknownWeight)
            evidence.total += words.count > 3 ? weight / 2 : weight
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

    /// The same syllable as other regions spell it, where the library has that spelling: `tr`/`ch`, `s`/`x`, `d`/`gi`
    /// at the start, `inh`/`anh` at the end (`thường chú`, `khai sanh`). Used only in pairs, where the other syllable
    /// confirms the reading.
    func dialect(_ word: QueryWord) -> [Expansion] {
        let key = word.untyped ?? word.key
        var forms: [String] = []
        for (from, to) in [("tr", "ch"), ("ch", "tr"), ("s", "x"), ("x", "s"), ("gi", "d"), ("d", "gi")] where key.hasPrefix(from) {
            forms.append(to + key.dropFirst(from.count))
        }
        for (from, to) in [("inh", "anh"), ("anh", "inh")] where key.hasSuffix(from) {
            forms.append(key.dropLast(from.count) + to)
        }
        return forms.compactMap { ids[$0] }.map { Expansion(token: $0, similarity: 0.85) }
    }

    /// The share of the typed words that the guide's title has: between guides that fit alike, the one whose title
    /// says it (`đăng nhập` → "Đăng nhập Cổng Dịch vụ công") goes first.
    func titleShare(_ guide: Int, _ best: [Int32?]) -> Float {
        let known = best.compactMap { $0 }
        guard !known.isEmpty else { return 0 }
        return Float(known.count { titleWords[guide].contains($0) }) / Float(known.count)
    }

    /// Inverse document frequency of a word or pair found in `documents` guides.
    func idf(_ documents: Int) -> Float {
        let count = Float(guides.count)
        return log(1 + (count - Float(documents) + 0.5) / (Float(documents) + 0.5))
    }

    /// The library words `word` may mean: itself, or with Telex/VNI keys removed, when the library has it; else the
    /// words it begins (2 letters or more) and those one or two typos away (4 or 7 letters or more), best first.
    func expand(_ word: QueryWord) -> [Expansion] {
        if !word.isPartial {
            if let id = ids[word.key] { return [Expansion(token: id, similarity: 1)] }
            if let untyped = word.untyped, let id = ids[untyped] { return [Expansion(token: id, similarity: 1)] }
        }
        var found: [Int32: Float] = [:]
        if let id = ids[word.key] { found[id] = 1 }
        for form in [word.key] + (word.untyped.map { [$0] } ?? []) {
            let bytes = Array(form.utf8)
            for id in prefixed(bytes, from: word.isPartial ? 1 : 2) { found[id] = max(found[id] ?? 0, 0.9) }
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

    /// Ids of the tokens that begin with `prefix` (of at least `shortest` letters) and are longer, in byte order (at
    /// most `expansionLimit`).
    func prefixed(_ prefix: [UInt8], from shortest: Int = 2) -> [Int32] {
        guard prefix.count >= shortest else { return [] }
        var low = 0, high = sorted.count
        while low < high {
            let middle = (low + high) / 2
            if tokens[Int(sorted[middle])].lexicographicallyPrecedes(prefix) { low = middle + 1 } else { high = middle }
        }
        var result: [Int32] = []
        var index = low
        while index < sorted.count, result.count < Self.expansionLimit {
            let token = tokens[Int(sorted[index])]
            guard token.starts(with: prefix) else { break }
            if token.count > prefix.count { result.append(sorted[index]) }
            index += 1
        }
        return result
    }
}

