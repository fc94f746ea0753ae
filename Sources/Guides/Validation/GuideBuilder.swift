/// Turns one raw guide document into a `Guide`: expands `use` blocks, resolves targets, checks metadata.
struct GuideBuilder {
    /// Deepest nesting of `use` allowed.
    static let maximumUseDepth = 8

    let document: RawDocument
    let blocks: [String: RawDocument]
    /// The guide's review on a real phone: a step confirmed there needs no `source:` to be `reviewed`.
    let review: Review?
    var diagnostics: [Diagnostic] = []

    /// A step placed in the guide's flat order, before its targets are resolved.
    private struct Placed {
        let raw: RawStep
        let owner: String
        let prefix: String
        let sources: [String]
    }

    private var placed: [Placed] = []
    /// The flat id of the first step of each block used, by block id.
    private var blockEntries: [String: String] = [:]

    init(document: RawDocument, blocks: [String: RawDocument], review: Review? = nil) {
        self.document = document
        self.blocks = blocks
        self.review = review
    }

    private mutating func error(_ location: SourceLocation, _ message: String) {
        diagnostics.append(Diagnostic(.error, at: location, message))
    }

    /// Builds the guide, or returns nil when its metadata is too broken to use.
    mutating func build() -> Guide? {
        guard let id = document.id?.text else { return nil }
        expand(document.items, owner: id, prefix: "", sources: [], stack: [id])
        var seen: [String: SourceLocation] = [:]
        for step in placed {
            let flat = step.prefix + step.raw.id.text
            if let earlier = seen[flat] {
                error(step.raw.id.location, "step id \"\(step.raw.id.text)\" is used twice (first at line \(earlier.line))")
            } else {
                seen[flat] = step.raw.id.location
            }
        }
        var steps: [Step] = []
        for (index, step) in placed.enumerated() {
            let next = index + 1 < placed.count ? placed[index + 1].prefix + placed[index + 1].raw.id.text : nil
            steps.append(resolve(step, next: next, known: seen))
        }
        if steps.isEmpty {
            error(document.headerLocation, "the guide has no steps: add at least one `step id: title`")
        }
        return metadata(id: id, steps: steps)
    }

    /// Places `items` in flat order, expanding `use` lines recursively.
    private mutating func expand(_ items: [RawItem], owner: String, prefix: String, sources: [String], stack: [String]) {
        for item in items {
            switch item {
            case .step(let raw):
                placed.append(Placed(raw: raw, owner: owner, prefix: prefix, sources: sources))
            case .use(let name):
                guard let block = blocks[name.text] else {
                    error(name.location, "unknown shared block \"\(name.text)\"" + Suggestion.suffix(for: name.text, among: blocks.keys))
                    continue
                }
                if stack.contains(name.text) {
                    error(name.location, "`use` cycle: " + (stack + [name.text]).joined(separator: " → "))
                    continue
                }
                if stack.count > Self.maximumUseDepth {
                    error(name.location, "shared blocks are nested more than \(Self.maximumUseDepth) deep")
                    continue
                }
                if blockEntries[name.text] != nil {
                    error(name.location, "shared block \"\(name.text)\" is used twice in this guide; use it once and lead back to it")
                    continue
                }
                let blockPrefix = name.text + "."
                if case .step(let first)? = block.items.first(where: { if case .step = $0 { return true } else { return false } }) {
                    blockEntries[name.text] = blockPrefix + first.id.text
                } else {
                    blockEntries[name.text] = ""
                }
                let blockSources = block.all("source").map(\.text)
                expand(block.items, owner: name.text, prefix: blockPrefix, sources: blockSources, stack: stack + [name.text])
            }
        }
    }

    /// Makes a `Step` with resolved targets and stable line identities.
    private mutating func resolve(_ placed: Placed, next: String?, known: [String: SourceLocation]) -> Step {
        let raw = placed.raw
        let base = placed.owner + "/" + raw.id.text + ":"
        var choices: [Choice] = []
        for choice in raw.choices {
            guard let target = resolveTarget(choice.target, prefix: placed.prefix, next: next, known: known) else { continue }
            // The choice's own id, never where it leads: a shared step's answers are one catalog entry whichever
            // guide shows them, and a changed target keeps the translation.
            choices.append(Choice(label: Line(key: base + "choice." + (choice.label.id ?? ""), text: choice.label.text,
                location: choice.label.location), target: target, location: choice.location))
        }
        if raw.choices.isEmpty {
            error(raw.id.location, "step \"\(raw.id.text)\" has no way forward: add a choice such as `- tiep-tuc: Tiếp tục -> next`")
        }
        let body = raw.paragraphs.isEmpty ? nil
            : Line(key: base + "body", text: raw.paragraphs.joined(separator: "\n"), location: raw.bodyLocation)
        let warnings = raw.warnings.map { Line(key: base + "warn." + ($0.id ?? ""), text: $0.text, location: $0.location) }
        return Step(id: placed.prefix + raw.id.text, owner: placed.owner,
            title: Line(key: base + "title", text: raw.title.text, location: raw.title.location), body: body, warnings: warnings,
            check: raw.check.map { Line(key: base + "check", text: $0.text, location: $0.location) }, choices: choices,
            sources: raw.sources.map(\.text) + placed.sources, location: raw.id.location)
    }

    /// Resolves a written target; reports unknown ones with a suggestion.
    private mutating func resolveTarget(_ written: Located, prefix: String, next: String?, known: [String: SourceLocation]) -> Target? {
        let text = written.text
        let words: [String] = text.utf8.contains(0x20)
            ? text.split(separator: " ", omittingEmptySubsequences: true).map(String.init) : [text]
        switch (words.first, words.count) {
        case ("end", 2):
            if let kind = EndKind(rawValue: words[1]) { return .end(kind) }
            error(written.location, "unknown end \"\(words[1])\": use `end done`, `end staff` or `end later`"
                + Suggestion.suffix(for: words[1], among: EndKind.allCases.map(\.rawValue)))
            return nil
        case ("guide", 2):
            return .guide(words[1])
        case ("next", 1):
            if let next { return .step(next) }
            error(written.location, "`next` on the last step leads nowhere: end the guide with `end done`")
            return nil
        case (let name?, 1):
            let local = prefix.isEmpty ? name : prefix + name
            if known[local] != nil { return .step(local) }
            if let entry = blockEntries[name], !entry.isEmpty { return .step(entry) }
            if name.contains("."), known[name] != nil { return .step(name) }
            let ownSteps = known.keys.filter { $0.hasPrefix(prefix) }.map { String($0.dropFirst(prefix.count)) }
            let candidates = ownSteps.filter { !$0.contains(".") || !prefix.isEmpty } + Array(blockEntries.keys) + ["next"]
            error(written.location, "unknown target \"\(name)\"" + Suggestion.suffix(for: name, among: candidates))
            return nil
        default:
            error(written.location, "a target is a step id, `next`, `guide other-id` or `end done|staff|later`")
            return nil
        }
    }
}
