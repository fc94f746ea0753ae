/// Checks of one guide on its own: every step reachable, an end reachable from every step, long bodies, old dates.
struct GuideChecks {
    /// Longest step body, in words, before a warning.
    static let maximumBodyWords = 60

    private(set) var diagnostics: [Diagnostic] = []

    private mutating func error(_ location: SourceLocation, _ message: String) {
        diagnostics.append(Diagnostic(.error, at: location, message))
    }

    private mutating func warning(_ location: SourceLocation, _ message: String) {
        diagnostics.append(Diagnostic(.warning, at: location, message))
    }

    /// Every step reachable from the first, and every reachable step able to reach an end. Returns false on errors.
    mutating func checkGraph(_ guide: Guide) -> Bool {
        guard let first = guide.steps.first else { return false }
        // Work on step positions, not ids: one dictionary lookup per edge, then plain arrays.
        var position: [String: Int] = [:]
        position.reserveCapacity(guide.steps.count)
        for (index, step) in guide.steps.enumerated() { position[step.id] = index }
        var successors = [[Int]](repeating: [], count: guide.steps.count)
        var predecessors = [[Int]](repeating: [], count: guide.steps.count)
        var ending: [Int] = []
        for (index, step) in guide.steps.enumerated() {
            for choice in step.choices {
                switch choice.target {
                case .step(let id):
                    guard let target = position[id] else { continue }
                    successors[index].append(target)
                    predecessors[target].append(index)
                case .end:
                    ending.append(index)
                case .guide:
                    break
                }
            }
        }
        let reachable = Self.closure(from: [0], edges: successors)
        let canEnd = Self.closure(from: ending, edges: predecessors)
        var ok = true
        for (index, step) in guide.steps.enumerated() {
            if !reachable[index] {
                error(step.location, "step \"\(step.id)\" cannot be reached from the first step \"\(first.id)\"")
                ok = false
            } else if !canEnd[index] && !step.choices.isEmpty {
                error(step.location, "no end can be reached from step \"\(step.id)\": a citizen would go round in circles")
                ok = false
            }
        }
        return ok
    }

    /// Which positions are reachable from `start` along `edges` (adjacency lists by position).
    static func closure(from start: [Int], edges: [[Int]]) -> [Bool] {
        var seen = [Bool](repeating: false, count: edges.count)
        var queue = start
        for node in start { seen[node] = true }
        while let node = queue.popLast() {
            for next in edges[node] where !seen[next] {
                seen[next] = true
                queue.append(next)
            }
        }
        return seen
    }

    /// All nodes reachable from `start` along `edges`.
    static func closure(from start: [String], edges: [String: [String]]) -> Set<String> {
        var seen = Set(start)
        var queue = start
        while let node = queue.popLast() {
            for next in edges[node] ?? [] where seen.insert(next).inserted { queue.append(next) }
        }
        return seen
    }


    /// Words separated by spaces or newlines, counted on the bytes.
    static func wordCount(_ text: String) -> Int {
        var count = 0
        var inWord = false
        for byte in text.utf8 {
            let separator = byte == 0x20 || byte == 0x0A
            if !separator && !inWord { count += 1 }
            inWord = !separator
        }
        return count
    }

    /// Long bodies, old dates and missing sources.
    mutating func warnings(_ guide: Guide, document: RawDocument, options: Library.Options) {
        for step in guide.steps {
            let words = step.body.map { Self.wordCount($0.text) } ?? 0
            if words > Self.maximumBodyWords {
                warning(step.location, "step \"\(step.id)\" has \(words) words; keep a step under \(Self.maximumBodyWords) "
                    + "so it fits one screen (Ngắn gọn, dễ hiểu, dễ làm)")
            }
        }
        for key in ["checked", "reviewed"] {
            guard let line = document.first(key), let day = Day(line.text) else { continue }
            let age = options.today.daysSinceEpoch - day.daysSinceEpoch
            if age > options.maximumAgeDays {
                warning(line.location, "\(key) \(day) is \(age) days old (limit \(options.maximumAgeDays)): read the sources again")
            }
        }
        if document.all("source").isEmpty {
            warning(document.headerLocation, "the guide has no `source:` line: add the web address its facts come from")
        }
    }
}
