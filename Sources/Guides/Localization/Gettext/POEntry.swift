/// One entry of a gettext PO catalog, with everything GNU gettext keeps: comments, references, flags, previous values.
public struct POEntry: Hashable, Sendable {
    public var translatorComments: [String] = []
    public var extractedComments: [String] = []
    public var references: [String] = []
    public var flags: [String] = []
    public var previousContext: String?
    public var previousID: String?
    public var previousPlural: String?
    public var context: String?
    public var id: String = ""
    public var plural: String?
    /// `msgstr`, or `msgstr[0]`, `msgstr[1]`… for plural entries.
    public var strings: [String] = [""]
    /// A `#~` entry kept for reuse, not in use.
    public var isObsolete = false
    /// The line of its `msgid`.
    public var line = 0

    public init(context: String? = nil, id: String, strings: [String] = [""]) {
        self.context = context
        self.id = id
        self.strings = strings
    }

    public var isFuzzy: Bool { flags.contains("fuzzy") }
    /// The header entry (`msgid ""` without context).
    public var isHeader: Bool { id.isEmpty && context == nil }
    /// Every `msgstr` is filled in.
    public var isTranslated: Bool { !strings.isEmpty && strings.allSatisfy { !$0.isEmpty } }
    /// The key GNU gettext uses: context, EOT, id.
    public var key: String { context.map { $0 + "\u{04}" + id } ?? id }
}
