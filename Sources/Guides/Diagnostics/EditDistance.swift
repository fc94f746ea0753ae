/// Edit distances over small arrays (ids, search tokens).
enum EditDistance {
    /// Optimal-string-alignment Damerau–Levenshtein distance; returns `limit + 1` once it is certain to exceed `limit`.
    static func damerauLevenshtein<T: Equatable>(_ a: [T], _ b: [T], limit: Int) -> Int {
        if abs(a.count - b.count) > limit { return limit + 1 }
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        let width = b.count + 1
        // Three rows in one scratch allocation on the stack: this runs for every word and token of a search.
        return withUnsafeTemporaryAllocation(of: Int.self, capacity: 3 * width) { scratch in
            guard let base = scratch.baseAddress else { return limit + 1 }
            var previous2 = base
            var previous = previous2 + width
            var current = previous + width
            for j in 0...b.count { previous[j] = j }
            for i in 1...a.count {
                current[0] = i
                var rowMinimum = i
                for j in 1...b.count {
                    let cost = a[i - 1] == b[j - 1] ? 0 : 1
                    var value = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                    if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                        value = min(value, previous2[j - 2] + 1)
                    }
                    current[j] = value
                    rowMinimum = min(rowMinimum, value)
                }
                if rowMinimum > limit { return limit + 1 }
                (previous2, previous, current) = (previous, current, previous2)
            }
            return previous[b.count]
        }
    }
}
