/// Checks that need the whole guide graph or the whole library: reachability, ends, duplicates, links between guides.
struct LibraryChecks {
    /// Longest step body, in words, before a warning.
    static let maximumBodyWords = 60

    private(set) var diagnostics: [Diagnostic] = []
    private(set) var valid: [Guide] = []
    private(set) var rejected: [String] = []

    init(entries: [(guide: Guide?, document: RawDocument, failed: Bool)], options: Library.Options) {
        var failed = Set<String>()
        var firstByID: [String: RawDocument] = [:]
        var firstByCode: [String: RawDocument] = [:]
        for entry in entries {
            guard let id = entry.document.id else { continue }
            if entry.guide == nil || entry.failed { failed.insert(id.text) }
            if let earlier = firstByID[id.text] {
                error(id.location, "guide id \"\(id.text)\" is already used by \(earlier.headerLocation)")
                failed.insert(id.text)
            } else {
                firstByID[id.text] = entry.document
            }
            if let code = entry.document.first("code") {
                if let earlier = firstByCode[code.text], let earlierCode = earlier.first("code") {
                    error(code.location, "poster code \(code.text) is already used by \(earlierCode.location)")
                    failed.insert(id.text)
                } else {
                    firstByCode[code.text] = entry.document
                }
            }
        }
        let guides = entries.compactMap { entry -> (Guide, RawDocument)? in entry.guide.map { ($0, entry.document) } }
        let statusByID = Dictionary(guides.map { ($0.0.id, $0.0.status) }, uniquingKeysWith: { first, _ in first })
        var calls: [String: Set<String>] = [:]
        for (guide, document) in guides {
            if !checkGraph(guide) { failed.insert(guide.id) }
            if !checkLinks(guide, document: document, known: firstByID, statusByID: statusByID) { failed.insert(guide.id) }
            calls[guide.id] = Set(guide.steps.flatMap(\.choices).compactMap { if case .guide(let id) = $0.target { id } else { nil } })
            warnings(guide, document: document, options: options)
        }
        for (guide, document) in guides where Self.callsItself(guide.id, calls: calls) {
            error(document.headerLocation, "guide \"\(guide.id)\" leads into other guides that lead back into it")
            failed.insert(guide.id)
        }
        var changed = true
        while changed {
            changed = false
            for (guide, document) in guides where !failed.contains(guide.id) {
                if let broken = calls[guide.id]?.first(where: { failed.contains($0) && firstByID[$0] != nil }) {
                    error(document.headerLocation, "guide \"\(guide.id)\" leads into guide \"\(broken)\", which has errors")
                    failed.insert(guide.id)
                    changed = true
                }
            }
        }
        valid = guides.map(\.0).filter { !failed.contains($0.id) }
        rejected = Array(failed)
    }

    private mutating func error(_ location: SourceLocation, _ message: String) {
        diagnostics.append(Diagnostic(.error, at: location, message))
    }

    private mutating func warning(_ location: SourceLocation, _ message: String) {
        diagnostics.append(Diagnostic(.warning, at: location, message))
    }

    /// Every step reachable from the first, and every reachable step able to reach an end. Returns false on errors.
    private mutating func checkGraph(_ guide: Guide) -> Bool {
        guard let first = guide.steps.first else { return false }
        var successors: [String: [String]] = [:]
        var predecessors: [String: [String]] = [:]
        var ending = Set<String>()
        for step in guide.steps {
            for choice in step.choices {
                switch choice.target {
                case .step(let id):
                    successors[step.id, default: []].append(id)
                    predecessors[id, default: []].append(step.id)
                case .end:
                    ending.insert(step.id)
                case .guide:
                    break
                }
            }
        }
        let reachable = Self.closure(from: [first.id], edges: successors)
        let canEnd = Self.closure(from: Array(ending), edges: predecessors)
        var ok = true
        for step in guide.steps {
            if !reachable.contains(step.id) {
                error(step.location, "step \"\(step.id)\" cannot be reached from the first step \"\(first.id)\"")
                ok = false
            } else if !canEnd.contains(step.id) && !step.choices.isEmpty {
                error(step.location, "no end can be reached from step \"\(step.id)\": a citizen would go round in circles")
                ok = false
            }
        }
        return ok
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

    /// True when following `guide` targets from `id` comes back to `id`.
    static func callsItself(_ id: String, calls: [String: Set<String>]) -> Bool {
        closure(from: Array(calls[id] ?? []), edges: calls.mapValues { Array($0) }).contains(id)
    }

    /// `guide` targets and `requires` name existing guides; a shown guide never leads into a draft.
    private mutating func checkLinks(
        _ guide: Guide, document: RawDocument, known: [String: RawDocument], statusByID: [String: GuideStatus]
    ) -> Bool {
        var ok = true
        for choice in guide.steps.flatMap(\.choices) {
            guard case .guide(let id) = choice.target else { continue }
            if id == guide.id {
                error(choice.location, "a choice leads into this same guide; lead to a step instead")
                ok = false
            } else if known[id] == nil {
                error(choice.location, "unknown guide \"\(id)\"" + Suggestion.suffix(for: id, among: known.keys))
                ok = false
            } else if guide.status.isShownToCitizens, statusByID[id] == .draft {
                error(choice.location, "this \(guide.status.rawValue) guide leads into draft guide \"\(id)\", which citizens must not see")
                ok = false
            }
        }
        for line in document.all("requires") {
            for id in line.text.split(separator: ",").map({ String($0.trimmingSpaces) }) where known[id] == nil {
                error(line.location, "requires unknown guide \"\(id)\"" + Suggestion.suffix(for: id, among: known.keys))
                ok = false
            }
        }
        return ok
    }

    /// Long bodies, old dates and missing sources.
    private mutating func warnings(_ guide: Guide, document: RawDocument, options: Library.Options) {
        for step in guide.steps {
            let words = step.body?.text.split(whereSeparator: { $0 == " " || $0 == "\n" }).count ?? 0
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
