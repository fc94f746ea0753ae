/// Builds `locales/kiosk.pot`: every user-visible line of the interface and of every guide, keyed by its stable identity.
public enum CatalogTemplate {
    /// The standard header of the kiosk's catalogs (`Language` and `Plural-Forms` are filled per language).
    public static func header(language: String? = nil, languageName: String? = nil) -> POEntry {
        var lines = ["Project-Id-Version: kiosk\n", "Report-Msgid-Bugs-To: \n", "PO-Revision-Date: \n",
            "Last-Translator: \n", "Language-Team: \(languageName ?? "")\n", "Language: \(language ?? "")\n",
            "MIME-Version: 1.0\n", "Content-Type: text/plain; charset=UTF-8\n", "Content-Transfer-Encoding: 8bit\n",
            "Plural-Forms: nplurals=1; plural=0;\n"]
        if language == nil { lines.removeAll { $0.hasPrefix("PO-Revision-Date") || $0.hasPrefix("Last-Translator") } }
        var entry = POEntry(id: "", strings: [lines.joined()])
        if language == nil { entry.translatorComments = ["Translation template of the kiosk: interface words and every guide.",
            "Each msgctxt is a stable line identity; msgid is the Vietnamese source. See docs/translating.md."] }
        return entry
    }

    /// The identities of the lines each guide shows (its own and its shared steps'), for coverage per guide.
    public static func lineKeys(of guide: Guide) -> [String] {
        var seen = Set<String>()
        return lines(of: guide).map(\.line.key).filter { seen.insert($0).inserted }
    }

    /// Every line `guide` shows (and its keywords), with where it appears, as translators read it in `#.` comments,
    /// and the flat id of the step that shows it (nil for the overview's lines).
    static func lines(of guide: Guide) -> [(line: Line, description: String, step: String?)] {
        var lines: [(line: Line, description: String, step: String?)] = [(guide.title, "Guide \(guide.code) title", nil),
            (guide.summary, "Guide \(guide.code) summary", nil),
            (guide.keywords, "Guide \(guide.code): search words, never shown. Write, comma-separated, what people "
                + "in your language would type to find this guide; not a word-for-word translation", nil)]
        lines += guide.bring.map { ($0, "Guide \(guide.code): what to bring", nil) }
        lines += guide.notHere.map { ($0, "Guide \(guide.code): not possible here", nil) }
        lines += [(guide.fee, "Guide \(guide.code): fee", nil), (guide.time, "Guide \(guide.code): time", nil)]
        let main = guide.mainPath
        for step in guide.steps {
            let place = main.firstIndex(of: step.id).map { "step \($0 + 1) of \(main.count)" } ?? "a branch step"
            let origin = step.owner == guide.id ? "Guide \(guide.code), \(place)"
                : "Shared steps \"\(step.owner)\" (first used in guide \(guide.code), \(place))"
            lines.append((step.title, "\(origin): step title", step.id))
            if let body = step.body { lines.append((body, "\(origin): instruction", step.id)) }
            lines += step.warnings.map { ($0, "\(origin): warning", step.id) }
            if let check = step.check { lines.append((check, "\(origin): check question", step.id)) }
            lines += step.choices.map { ($0.label, "\(origin): answer", step.id) }
        }
        return lines
    }

    /// The template entries, interface first, then guides by poster code, then shared blocks, each line once.
    /// Every entry's `#:` reference is the file and line where its Vietnamese text is written.
    public static func entries(ui: UICatalog, library: Library, uiPath: String) -> [POEntry] {
        var entries: [POEntry] = []
        var seen = Set<String>()
        func add(_ line: Line, _ description: String) {
            add(line.key, line.text, description, reference: line.location.map { "\($0.path):\($0.line)" })
        }
        func add(_ key: String, _ text: String, _ description: String, reference: String?) {
            guard !text.isEmpty, seen.insert(key).inserted else { return }
            var entry = POEntry(context: key, id: text)
            entry.extractedComments = [description]
            entry.references = reference.map { [$0] } ?? []
            if text.contains("{") && text.contains("}") { entry.flags = ["python-brace-format"] }
            entries.append(entry)
        }
        for key in UIText.allCases {
            let description: String
            switch key {
            case .searchFillers:
                description = "Interface: search.fillers. Never shown: comma-separated words and phrases people in your "
                    + "language put around their need when they search (I, want, how do I…); search leaves them out. "
                    + "Not a word-for-word translation"
            case .searchShortForms:
                description = "Interface: search.short-forms. Never shown: comma-separated short forms people of your "
                    + "language type in messages, each as `short = long` (the words it stands for). Not a word-for-word "
                    + "translation"
            case _ where key.isSpoken:
                description = "Interface: \(key.rawValue). Never shown: the word for this digit, said before numbered "
                    + "answers and codes when a visitor listens to a screen"
            default:
                description = "Interface: \(key.rawValue)"
            }
            add("ui:" + key.rawValue, ui.text(key), description, reference: "\(uiPath):\(ui.line(of: key) ?? 1)")
        }
        for guide in library.guides {
            for (line, description, _) in lines(of: guide) { add(line, description) }
        }
        return entries
    }
}
