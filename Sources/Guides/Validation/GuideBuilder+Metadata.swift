extension GuideBuilder {
    /// Checks the guide's metadata and assembles the `Guide`; nil when a required value is missing or malformed.
    mutating func metadata(id: String, steps: [Step]) -> Guide? {
        var missing = false
        func required(_ key: String, _ hint: String) -> Located? {
            if let value = document.first(key) { return value }
            diagnostics.append(Diagnostic(.error, at: document.headerLocation, "missing \"\(key):\" (\(hint))"))
            missing = true
            return nil
        }
        let code = required("code", "the poster code, 1 to 4 digits")
        let title = required("title", "the title citizens see")
        let summary = required("summary", "one line on what the guide helps with")
        let fee = required("fee", "the fee, or a sentence telling the citizen to ask staff")
        let time = required("time", "how long it takes")
        let checkedText = required("checked", "the day the sources were last read, YYYY-MM-DD")
        let statusText = required("status", "draft, sourced or reviewed")
        if document.all("bring").isEmpty {
            diagnostics.append(Diagnostic(.error, at: document.headerLocation, "missing \"bring:\" (what the citizen must bring)"))
            missing = true
        }
        if let code, !(1...4).contains(code.text.count) || !code.text.allSatisfy({ $0.isASCII && $0.isNumber }) {
            diagnostics.append(Diagnostic(.error, at: code.location, "the poster code \"\(code.text)\" must be 1 to 4 digits"))
            missing = true
        }
        let checked = checkedText.flatMap { parseDay($0, key: "checked") }
        var status: GuideStatus?
        if let statusText {
            status = GuideStatus(rawValue: statusText.text)
            if status == nil {
                diagnostics.append(Diagnostic(.error, at: statusText.location, "unknown status \"\(statusText.text)\": use draft, sourced or reviewed"
                    + Suggestion.suffix(for: statusText.text, among: GuideStatus.allCases.map(\.rawValue))))
            }
        }
        var reviewed: Day?
        if let reviewedText = document.first("reviewed") {
            reviewed = parseDay(reviewedText, key: "reviewed")
        } else if status == .reviewed {
            diagnostics.append(Diagnostic(.error, at: statusText?.location ?? document.headerLocation,
                "status reviewed needs a \"reviewed: YYYY-MM-DD\" line: the day staff tried it on a real phone"))
        }
        // `reviewed` holds only when a review confirmed every step on a real phone. Otherwise (no review yet, a new
        // round under way, a step seen differently) the guide counts as sourced: still shown if its steps are sourced,
        // so a review in progress never takes a guide away from citizens.
        if status == .reviewed, !ReviewChecks.backs(review, steps) {
            diagnostics.append(Diagnostic(.warning, at: statusText?.location ?? document.headerLocation,
                "status reviewed, but " + ReviewChecks.gap(review, steps) + ": the guide counts as sourced until `kiosk review \(id)` "
                    + "confirms every step"))
            status = .sourced
        }
        if let status, status != .draft {
            // A step staff confirmed on a real phone is backed by that review, for a reviewed guide (an edit since is a
            // warning of the review checks, not a reason to take the guide away).
            for step in steps where step.sources.isEmpty && document.all("source").isEmpty
                && !(status == .reviewed && review?.entry(step.id)?.result == .shows) {
                diagnostics.append(Diagnostic(.error, at: step.location,
                    "status \(status.rawValue) but step \"\(step.id)\" has no source: add `source:`, confirm it on a real phone "
                        + "(`kiosk review \(id)`), or set `status: draft`"))
            }
        }
        guard !missing, let code, let title, let summary, let fee, let time, let checked, let status else { return nil }
        // All `keywords:` lines are one catalog line, so a translator writes one list of what people in their
        // language would type.
        let keywordLines = document.all("keywords")
        let keywordText = keywordLines.flatMap { $0.text.split(separator: ",") }.map { String($0.trimmingSpaces) }
            .filter { !$0.isEmpty }.joined(separator: ", ")
        let requires = document.all("requires").flatMap { $0.text.split(separator: ",") }.map { String($0.trimmingSpaces) }
            .filter { !$0.isEmpty }
        let base = id + ":"
        func line(_ key: String, _ value: Located) -> Line { Line(key: base + key, text: value.text, location: value.location) }
        return Guide(id: id, code: code.text, title: line("title", title),
            summary: line("summary", summary),
            keywords: Line(key: base + "keywords", text: keywordText, location: keywordLines.first?.location),
            requires: requires,
            bring: document.all("bring").map { line("bring." + ($0.id ?? ""), $0) },
            notHere: document.all("not-here").map { line("not-here." + ($0.id ?? ""), $0) },
            fee: line("fee", fee), time: line("time", time),
            sources: document.all("source").map(\.text), checked: checked, status: status, reviewed: reviewed,
            steps: steps, path: document.path)
    }

    private mutating func parseDay(_ value: Located, key: String) -> Day? {
        if let day = Day(value.text) { return day }
        diagnostics.append(Diagnostic(.error, at: value.location, "\"\(key)\" must be a date written YYYY-MM-DD, such as 2026-11-20"))
        return nil
    }
}
