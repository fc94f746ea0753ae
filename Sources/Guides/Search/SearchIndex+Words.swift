/// Reading a query: its words as search keys, without fillers, with short forms spelled out, syllables typed
/// together split, and the spellings of other regions.
extension SearchIndex {
    /// The words of `query` that say something: folded, at most 32, without fillers (a filler also parts the words
    /// on either side of it). When `completing`, a last word with nothing typed after it is still being typed: it is
    /// neither a short form nor a filler yet (`dang k` may become `đăng ký`), and is marked partial.
    func words(_ query: String, completing: Bool = false) -> [QueryWord] {
        let text = String(query.prefix(KioskFlow.maximumLineLength))
        let typing = completing && text.unicodeScalars.last.map { $0.properties.isAlphabetic || $0.properties.numericType != nil } == true
        // Punctuation parts words as it does in the index.
        var tokens: [Token] = []
        let phrases = TextFolding.phrases(text)
        for (number, phrase) in phrases.enumerated() {
            for (index, typed) in phrase.enumerated() where tokens.count < 32 {
                let key = TextFolding.searchKey(typed)
                let partial = typing && number == phrases.count - 1 && index == phrase.count - 1
                let forms = partial ? nil : shortForms[key]
                tokens += forms.map { $0.enumerated().map { Token(typed: $0.element, key: $0.element, startsPhrase: index == 0 && $0.offset == 0) } }
                    ?? [Token(typed: typed, key: key, startsPhrase: index == 0, partial: partial)]
            }
        }
        var words: [QueryWord] = []
        var follows = false
        var position = 0
        while position < tokens.count {
            let token = tokens[position]
            if token.startsPhrase { follows = false }
            if let filler = fillers.first(where: { filler in
                position + filler.count <= tokens.count
                    && filler.indices.allSatisfy { tokens[position + $0].key == filler[$0] && !tokens[position + $0].partial }
            }) {
                position += filler.count
                follows = false
                continue
            }
            position += 1
            guard !token.key.isEmpty else {
                follows = false
                continue
            }
            let untyped = TextFolding.searchKey(TextFolding.untyped(token.typed))
            if !token.partial, ids[token.key] == nil, ids[untyped] == nil, let (first, second) = split(token.key) {
                words.append(QueryWord(key: first, untyped: nil, followsPrevious: follows))
                words.append(QueryWord(key: second, untyped: nil, followsPrevious: true))
            } else {
                var word = QueryWord(key: token.key, untyped: untyped == token.key || untyped.isEmpty ? nil : untyped,
                    followsPrevious: follows)
                word.isPartial = token.partial
                words.append(word)
            }
            follows = true
        }
        return words
    }

    /// One typed token on its way to a query word.
    private struct Token {
        let typed: String
        let key: String
        let startsPhrase: Bool
        var partial = false
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
