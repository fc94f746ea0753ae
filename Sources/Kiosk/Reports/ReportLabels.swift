import Guides
import Telemetry

/// The words of a report for staff: Vietnamese by default, English with `--lang en`, or the stable English codes of
/// the JSON output with `--codes` (for machines). Every word comes from the catalogs (`report.*` lines).
struct ReportLabels {
    let localizer: Localizer
    /// Stable codes instead of words: headers as JSON keys, values as stored.
    let codes: Bool
    let library: Library
    /// Language names by code, in the report's language (Vietnamese names, or the languages' own).
    var languageNames: [String: String] = [:]
    /// The commune of this kiosk's configuration, said when the period has no session to name one.
    var configuredCommune: String?
    var configuredCommuneName = ""
    /// The centre of this kiosk's configuration, used when the database names none for the communes covered.
    var configuredCentre = ""

    var english: Bool { localizer.language == "en" }

    func text(_ key: UIText, _ values: [String: String] = [:]) -> String { localizer.text(key, values) }

    /// A column header: a catalog line, or its code.
    func header(_ key: UIText, code: String) -> String { codes ? code : localizer.text(key) }

    /// How an outcome is named.
    func outcome(_ code: String) -> String {
        guard !codes else { return code }
        let keys: [String: UIText] = ["done": .reportOutcomeDone, "staff": .reportOutcomeStaff, "later": .reportOutcomeLater,
            "abandoned": .reportOutcomeAbandoned, "timeout": .reportOutcomeTimeout, "interrupted": .reportOutcomeInterrupted]
        return keys[code].map { localizer.text($0) } ?? code
    }

    /// Who opened the guide, named.
    func launcher(_ code: String) -> String {
        guard !codes else { return code }
        return code == "volunteer" ? localizer.text(.reportByVolunteer) : code == "self" ? localizer.text(.reportBySelf) : code
    }

    /// A guide's poster code and title in this language (its Vietnamese title where the catalog has none); empty for
    /// a guide no longer in the library.
    func guide(_ id: String) -> (code: String, title: String) {
        guard let guide = library.guide(id) else { return ("", "") }
        return (guide.code, localizer.text(guide.title))
    }

    /// A commune's name, or the words for "no code set".
    func commune(_ code: String, names: [String: CommuneName]) -> String {
        if code.isEmpty { return codes ? "" : localizer.text(.reportNoCommune) }
        return names[code]?.name ?? (code == configuredCommune ? configuredCommuneName : "")
    }

    /// A language by its name ("Tiếng Ê Đê"), or its code for programs.
    func language(_ code: String) -> String { codes ? code : languageNames[code] ?? code }

    /// A share in percent with one decimal, written the way the language writes numbers ("97,3%" in Vietnamese).
    func percent(_ share: Double?) -> String {
        let text = ReportFormat.percent(share)
        return english || codes ? text : text.replacingOccurrences(of: ".", with: ",")
    }

    /// A count, with the language's thousands separator ("12.345" in Vietnamese).
    func count(_ value: Int) -> String {
        let digits = String(value)
        guard digits.count > 4 else { return digits }
        var out = ""
        for (index, digit) in digits.reversed().enumerated() {
            if index > 0 && index % 3 == 0 { out.append(english ? "," : ".") }
            out.append(digit)
        }
        return String(out.reversed())
    }
}
