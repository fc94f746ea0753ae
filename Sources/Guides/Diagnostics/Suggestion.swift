/// "Did you mean …" suggestions for mistyped ids, by Damerau–Levenshtein distance.
public enum Suggestion {
    /// The closest candidate to `word` within a distance of about a third of its length, if any.
    static func closest(to word: String, among candidates: some Sequence<String>) -> String? {
        let limit = max(1, min(3, word.count / 3 + 1))
        var best: (String, Int)?
        for candidate in candidates where candidate != word {
            let distance = EditDistance.damerauLevenshtein(Array(word.utf8), Array(candidate.utf8), limit: limit)
            guard distance <= limit else { continue }
            if let (name, bestDistance) = best,
                bestDistance < distance || (bestDistance == distance && name < candidate) {
                continue
            }
            best = (candidate, distance)
        }
        return best?.0
    }

    /// A message suffix such as ` (did you mean "dang-nhap"?)`, or an empty string.
    public static func suffix(for word: String, among candidates: some Sequence<String>) -> String {
        guard let hit = closest(to: word, among: candidates) else { return "" }
        return " (did you mean \"\(Quoted.escape(hit))\"?)"
    }
}
