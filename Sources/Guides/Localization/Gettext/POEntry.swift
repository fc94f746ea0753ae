/// One entry of a gettext PO catalog, with everything GNU gettext keeps: comments, references, flags, previous values.
public struct POEntry: Hashable, Sendable {
    var translatorComments: [String] = []
    var extractedComments: [String] = []
    public var references: [String] = []
    var flags: [String] = []
    var previousContext: String?
    var previousID: String?
    var previousPlural: String?
    var context: String?
    var id: String = ""
    var plural: String?
    /// `msgstr`, or `msgstr[0]`, `msgstr[1]`… for plural entries.
    var strings: [String] = [""]
    /// A `#~` entry kept for reuse, not in use.
    var isObsolete = false
    /// The line of its `msgid`.
    var line = 0

    init(context: String? = nil, id: String, strings: [String] = [""]) {
        self.context = context
        self.id = id
        self.strings = strings
    }

    var isFuzzy: Bool { flags.contains("fuzzy") }
    /// The header entry (`msgid ""` without context).
    var isHeader: Bool { id.isEmpty && context == nil }
    /// Every `msgstr` is filled in.
    var isTranslated: Bool { !strings.isEmpty && strings.allSatisfy { !$0.isEmpty } }
    /// The key GNU gettext uses: context, EOT, id.
    var key: String { context.map { $0 + "\u{04}" + id } ?? id }
}
