/// Checks that need the whole library: duplicate ids and codes, links between guides, guides that lead into each other.
struct LibraryChecks {
    private(set) var diagnostics: [Diagnostic] = []
    private(set) var valid: [Guide] = []
    private(set) var rejected: [String] = []

    init(entries: [(guide: Guide?, document: RawDocument, failed: Bool)]) {
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
            if !checkLinks(guide, document: document, known: firstByID, statusByID: statusByID) { failed.insert(guide.id) }
            calls[guide.id] = Set(guide.steps.flatMap(\.choices).compactMap { if case .guide(let id) = $0.target { id } else { nil } })
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

    /// True when following `guide` targets from `id` comes back to `id`.
    static func callsItself(_ id: String, calls: [String: Set<String>]) -> Bool {
        GuideChecks.closure(from: Array(calls[id] ?? []), edges: calls.mapValues { Array($0) }).contains(id)
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
}
