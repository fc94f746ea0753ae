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

    /// The template entries, interface first, then guides by poster code, then shared blocks, each line once.
    public static func entries(ui: UICatalog, library: Library, uiPath: String) -> [POEntry] {
        var entries: [POEntry] = []
        var seen = Set<String>()
        func add(_ key: String, _ text: String, where description: String, reference: String) {
            guard !text.isEmpty, seen.insert(key).inserted else { return }
            var entry = POEntry(context: key, id: text)
            entry.extractedComments = [description]
            entry.references = [reference]
            if text.contains("{") && text.contains("}") { entry.flags = ["python-brace-format"] }
            entries.append(entry)
        }
        for key in UIText.allCases {
            add("ui:" + key.rawValue, ui.text(key), where: "Interface: \(key.rawValue)", reference: uiPath)
        }
        for guide in library.guides {
            let file = guide.path
            add(guide.title.key, guide.title.text, where: "Guide \(guide.code) title", reference: "\(file):1")
            add(guide.summary.key, guide.summary.text, where: "Guide \(guide.code) summary", reference: "\(file):1")
            for line in guide.bring { add(line.key, line.text, where: "Guide \(guide.code): what to bring", reference: "\(file):1") }
            for line in guide.notHere { add(line.key, line.text, where: "Guide \(guide.code): not possible here", reference: "\(file):1") }
            add(guide.fee.key, guide.fee.text, where: "Guide \(guide.code): fee", reference: "\(file):1")
            add(guide.time.key, guide.time.text, where: "Guide \(guide.code): time", reference: "\(file):1")
            let main = guide.mainPath
            for step in guide.steps {
                let place = main.firstIndex(of: step.id).map { "step \($0 + 1) of \(main.count)" } ?? "a branch step"
                let origin = step.owner == guide.id ? "Guide \(guide.code), \(place)" : "Shared steps \"\(step.owner)\" (first used in guide \(guide.code), \(place))"
                let reference = "\(step.location.path):\(step.location.line)"
                add(step.title.key, step.title.text, where: "\(origin): step title", reference: reference)
                if let body = step.body { add(body.key, body.text, where: "\(origin): instruction", reference: reference) }
                for warning in step.warnings { add(warning.key, warning.text, where: "\(origin): warning", reference: reference) }
                if let check = step.check { add(check.key, check.text, where: "\(origin): check question", reference: reference) }
                for choice in step.choices {
                    add(choice.label.key, choice.label.text, where: "\(origin): answer", reference: "\(choice.location.path):\(choice.location.line)")
                }
            }
        }
        return entries
    }
}
