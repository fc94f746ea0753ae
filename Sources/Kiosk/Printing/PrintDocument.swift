/// A printable document (a guide's handout, the poster): blocks of text that three small writers turn into plain
/// text, Markdown or one self-contained HTML page. The words are already in the document's language.
struct PrintDocument: Sendable {
    /// The language code (`lang` of the HTML page).
    let language: String
    /// The page's title (the HTML `<title>`).
    let title: String
    /// Styles the HTML page adds to the shared page style.
    var extraStyle = ""
    var blocks: [PrintBlock] = []
}

/// One block of a printable document.
enum PrintBlock: Sendable {
    /// The document's title; underlined in text when `underlined`.
    case title(String, underlined: Bool)
    /// "Mã số: 12 · dang-nhap-dvcqg": the poster code a citizen types, and the guide's id for staff.
    case code(label: String, code: String, id: String)
    case paragraph(String)
    /// A heading and bulleted items.
    case list(heading: String, items: [String])
    /// A heading and numbered items.
    case numbered(heading: String, items: [String])
    /// Labelled facts ("Lệ phí: …", "Thời gian: …").
    case facts([PrintFact])
    case step(PrintStep)
    /// A heading and web addresses.
    case links(heading: String, urls: [String])
    /// A small note (the status line).
    case note(String)
    /// Poster rows: a code to type and what it opens.
    case codes([PrintFact])
    /// A sentence that must stand out (the poster's rule).
    case warning(String)
}

/// A label and its text.
struct PrintFact: Sendable {
    let label: String
    let text: String
}

/// One step of a handout: heading, instruction paragraphs, warnings, the check question and the numbered answers.
struct PrintStep: Sendable {
    let heading: String
    let paragraphs: [String]
    let warnings: [PrintFact]
    let check: PrintFact?
    let choices: [String]
}
