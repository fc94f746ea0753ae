/// Reading a query: its words as search keys, without fillers, with short forms spelled out, syllables typed
/// together split, and the spellings of other regions.
extension SearchIndex {
    /// The words of `query` that say something: folded, at most 32, without fillers (a filler also parts the words
    /// on either side of it).
    func words(_ query: String, completing: Bool = false) -> [QueryWord] {
        // (typed token, search key, first of a phrase): punctuation parts words as it does in the index.
        var tokens: [(String, String, Bool)] = []
        for phrase in TextFolding.phrases(String(query.prefix(KioskFlow.maximumLineLength))) {
            for (index, token) in phrase.enumerated() where tokens.count < 32 {
                let key = TextFolding.searchKey(token)
                let forms = shortForms[key].map { $0.map { ($0, $0) } } ?? [(token, key)]
                tokens += forms.enumerated().map { ($0.element.0, $0.element.1, index == 0 && $0.offset == 0) }
            }
        }
        var words: [QueryWord] = []
        var follows = false
        var position = 0
        while position < tokens.count {
            let (token, key, startsPhrase) = tokens[position]
            if startsPhrase { follows = false }
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
}
